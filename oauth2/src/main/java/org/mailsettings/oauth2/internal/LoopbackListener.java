package org.mailsettings.oauth2.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The smallest HTTP/1.1 listener the loopback redirect needs, on 127.0.0.1 and an ephemeral
 * port: it reads one request head per connection (bounded in size and time), hands the method,
 * path and query to a handler, writes the handler's answer and closes the connection.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it logs every request line at DEBUG level
 * through {@code System.Logger} ({@code "Exchange request line: ..."}, logger {@code
 * com.sun.net.httpserver}), and the redirect's request line carries the authorization code. This
 * listener logs nothing and never puts a request line into an exception.
 *
 * <p>Each connection has a thread of its own (browsers open spare connections that send nothing
 * and would otherwise hold up the redirect), at most {@link #MAX_CONNECTIONS} at once; more are
 * closed at once. A connection must deliver its request head within {@link #HEAD_TIMEOUT_MILLIS}.
 */
final class LoopbackListener implements AutoCloseable {
  /** The largest request head read (request line and headers). */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  /** How long a connection may take to send its request head. */
  static final int HEAD_TIMEOUT_MILLIS = 10_000;

  /** Connections served at once. */
  static final int MAX_CONNECTIONS = 8;

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** A request as the handler sees it: never logged, never shown. */
  record Request(String method, String rawPath, @Nullable String rawQuery) {
    @Override
    public String toString() {
      return "Request[" + method + " " + rawPath + (rawQuery == null ? "" : "?***") + "]";
    }
  }

  /**
   * An answer: status, headers and body (sent in UTF-8), and what to do once it has been sent (the socket's
   * output shut down), such as closing the listener.
   */
  record Response(int status, Map<String, String> headers, String body, Runnable afterwards) {
    Response(int status, Map<String, String> headers, String body) {
      this(status, headers, body, () -> {});
    }
  }

  /** Answers a request. */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request);
  }

  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean listening = new AtomicBoolean();

  private LoopbackListener(ServerSocket server) {
    this.server = server;
  }

  /** Binds 127.0.0.1 and an ephemeral port; nothing is accepted before {@link #listen}. */
  static LoopbackListener bind() throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), MAX_CONNECTIONS);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    return new LoopbackListener(server);
  }

  /** Starts accepting connections, each answered by {@code handler} (once only). */
  void listen(Handler handler) {
    if (!listening.compareAndSet(false, true)) {
      throw new IllegalStateException("Already listening");
    }
    Thread acceptor = new Thread(() -> accept(handler), "mailsettings-oauth2-redirect-" + THREADS.incrementAndGet());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port listened on. */
  int port() {
    return server.getLocalPort();
  }

  private void accept(Handler handler) {
    while (!closed.get()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (closed.get() || open.size() >= MAX_CONNECTIONS) {
        quietly(socket);
        continue;
      }
      open.add(socket);
      if (closed.get()) { // close() may have run between the check and the add
        open.remove(socket);
        quietly(socket);
        continue;
      }
      Thread connection = new Thread(() -> serve(socket, handler), Thread.currentThread().getName() + "-connection");
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(Socket socket, Handler handler) {
    try (socket) {
      socket.setSoTimeout(HEAD_TIMEOUT_MILLIS);
      long deadline = System.nanoTime() + HEAD_TIMEOUT_MILLIS * 1_000_000L;
      String head = readHead(socket.getInputStream(), deadline);
      Response response = head == null ? badRequest() : answer(head, handler);
      try {
        write(socket.getOutputStream(), response);
        socket.shutdownOutput();
      } finally {
        response.afterwards().run();
      }
    } catch (IOException | RuntimeException e) {
      // A connection that broke, timed out or sent too much: nothing to tell anyone. Nothing of
      // the request is kept (its request line may carry the authorization code).
    } finally {
      open.remove(socket);
    }
  }

  private static Response answer(String head, Handler handler) {
    int end = head.indexOf("\r\n");
    String line = end < 0 ? head : head.substring(0, end);
    int first = line.indexOf(' ');
    int last = line.lastIndexOf(' ');
    if (first <= 0 || last <= first || !line.substring(last + 1).startsWith("HTTP/1.")) {
      return badRequest();
    }
    String method = line.substring(0, first);
    String target = line.substring(first + 1, last);
    if (target.isEmpty() || target.charAt(0) != '/' || !target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return badRequest();
    }
    int query = target.indexOf('?');
    Request request = query < 0
        ? new Request(method, target, null)
        : new Request(method, target.substring(0, query), target.substring(query + 1));
    return handler.handle(request);
  }

  /**
   * The request head up to the blank line, in ISO-8859-1, or null when it is too long, ends
   * early, or is not complete by {@code deadline}.
   */
  private static @Nullable String readHead(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0; // of CR LF CR LF
    while (head.size() < MAX_HEAD_BYTES) {
      if (System.nanoTime() - deadline > 0) {
        return null;
      }
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        return null;
      }
      if (b < 0) {
        return null;
      }
      head.write(b);
      if ((b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))) {
        matched++;
        if (matched == 4) {
          return head.toString(StandardCharsets.ISO_8859_1);
        }
      } else {
        matched = b == '\r' ? 1 : 0;
      }
    }
    return null;
  }

  private static Response badRequest() {
    return new Response(400, Map.of("Content-Type", "text/plain; charset=utf-8"), "Bad request");
  }

  private static void write(OutputStream out, Response response) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 410 -> "Gone";
      default -> "Status";
    };
  }

  private static void quietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do: it is being dropped
    }
  }

  /** Stops listening and drops the connections still open (at once; idempotent; from any thread). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        server.close();
      } catch (IOException e) {
        // closing: nothing else to do
      }
      for (Socket socket : open) {
        quietly(socket);
      }
    }
  }
}
