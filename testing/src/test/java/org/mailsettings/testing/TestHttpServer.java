package org.mailsettings.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server on 127.0.0.1 (plain, or HTTPS with a test certificate) for discovery
 * tests: routes by path, with set delays, redirects, and hostile behaviours (trickling bytes,
 * never answering). It counts the requests it got.
 */
public final class TestHttpServer implements AutoCloseable {

  /** A request as received. */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {}

  /** A response, and how to send it. */
  public record Response(int status, Map<String, String> headers, byte[] body, Duration delay, Duration perByte, boolean hang) {
    public static Response ok(String body) {
      return new Response(200, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO, false);
    }

    public static Response status(int status) {
      return new Response(status, Map.of(), new byte[0], Duration.ZERO, Duration.ZERO, false);
    }

    public static Response redirect(String location) {
      return new Response(302, Map.of("Location", location), new byte[0], Duration.ZERO, Duration.ZERO, false);
    }

    /** Accepts the request and never answers. */
    public static Response neverAnswer() {
      return new Response(0, Map.of(), new byte[0], Duration.ZERO, Duration.ZERO, true);
    }

    public Response delayed(Duration by) {
      return new Response(status, headers, body, by, perByte, hang);
    }

    /** Sends the body one byte at a time, waiting between bytes. */
    public Response trickled(Duration eachByte) {
      return new Response(status, headers, body, delay, eachByte, hang);
    }
  }

  /** Connections waiting to be accepted: hundreds at once in the bulk benchmark. */
  private static final int BACKLOG = 1024;

  private final ServerSocket serverSocket;
  private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
  // A queue, not a copy-on-write list: a benchmark sends tens of thousands of requests.
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  // CPU time of this server's threads: those that ended, and the live ones (for benchmarks).
  private final LongAdder endedCpuNanos = new LongAdder();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger hanging = new AtomicInteger();
  // The sockets still open: closed ones leave (a benchmark opens thousands).
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean recordRequests = true;

  private TestHttpServer(ServerSocket serverSocket) {
    this.serverSocket = serverSocket;
    Thread acceptor = new Thread(this::accept, "test-http-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    threads.add(acceptor);
    acceptor.start();
  }

  public static TestHttpServer http() throws IOException {
    return new TestHttpServer(new ServerSocket(0, BACKLOG, InetAddress.getByName("127.0.0.1")));
  }

  public static TestHttpServer https(SSLContext context) throws IOException {
    return new TestHttpServer(context.getServerSocketFactory().createServerSocket(0, BACKLOG, InetAddress.getByName("127.0.0.1")));
  }

  /** Answers requests for {@code path} (query ignored). */
  public TestHttpServer route(String path, Function<Request, Response> handler) {
    routes.put(path, handler);
    return this;
  }

  public TestHttpServer route(String path, Response response) {
    return route(path, request -> response);
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code https://localhost:port} or {@code http://localhost:port}. */
  public String base() {
    return (serverSocket instanceof javax.net.ssl.SSLServerSocket ? "https" : "http") + "://localhost:" + port();
  }

  public int requestCount() {
    return count.get();
  }

  /** Requests held right now by a {@link Response#neverAnswer()} route: exchanges a client has not aborted. */
  public int hangingRequests() {
    return hanging.get();
  }

  /** Connections accepted since the server started: how many a client opened, reused ones counted once. */
  public int connectionCount() {
    return accepted.get();
  }

  /**
   * CPU time its threads have spent so far, in nanoseconds (accepting, TLS handshakes, reading,
   * answering): a benchmark that shares the machine with this server tells its share apart.
   */
  public long cpuTimeNanos() {
    return endedCpuNanos.sum() + ThreadCpu.of(threads);
  }

  /** Connections open right now (idle kept-alive ones included). */
  public int activeConnections() {
    return active.get();
  }

  /**
   * Whether {@link #requests()} keeps every request (the default): a benchmark that sends
   * hundreds of thousands and measures the heap turns it off; {@link #requestCount()} still counts.
   */
  public TestHttpServer recordRequests(boolean record) {
    this.recordRequests = record;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        accepted.incrementAndGet();
        open.add(socket);
        Thread session = new Thread(() -> serve(socket), "test-http-session");
        session.setDaemon(true);
        threads.add(session);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    active.incrementAndGet();
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
          int colon = header.indexOf(':');
          if (colon > 0) {
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
          }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        String target = parts.length > 1 ? parts[1] : "/";
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Request request = new Request(parts[0], target, Map.copyOf(headers), body);
        if (recordRequests) {
          requests.add(request);
        }
        count.incrementAndGet();
        Function<Request, Response> handler = routes.get(path);
        Response response = handler == null ? Response.status(404) : handler.apply(request);
        if (response.hang()) {
          hanging.incrementAndGet();
          try {
            while (in.read() >= 0) {
              // hold the connection until the client gives up
            }
          } finally {
            hanging.decrementAndGet();
          }
          return;
        }
        sleep(response.delay());
        StringBuilder head = new StringBuilder("HTTP/1.1 " + response.status() + " X\r\n");
        response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (response.perByte().isZero()) {
          // One write, as a real server sends a small response: head and body in separate TLS
          // records and segments would meet the client's delayed acknowledgement (Nagle's
          // algorithm), 40 ms on Linux that no set delay asked for.
          byte[] whole = Arrays.copyOf(headBytes, headBytes.length + response.body().length);
          System.arraycopy(response.body(), 0, whole, headBytes.length, response.body().length);
          out.write(whole);
        } else {
          out.write(headBytes);
          for (byte b : response.body()) {
            out.write(b);
            out.flush();
            sleep(response.perByte());
          }
        }
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    } finally {
      active.decrementAndGet();
      open.remove(socket);
      endedCpuNanos.add(ThreadCpu.ofCurrentThread());
      threads.remove(Thread.currentThread());
    }
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        bytes.write(b);
      }
      if (bytes.size() > 16384) {
        throw new IOException("line too long");
      }
    }
    if (b < 0 && bytes.size() == 0) {
      return null;
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
