package org.mailsettings.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A tiny line-based server on 127.0.0.1 that answers from a script and records every line it
 * receives: the session record that shows what a client sent. With a TLS context it speaks
 * implicit TLS; a greeting of {@code null} means it never says anything.
 */
public final class ScriptedServer implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
  private final Thread thread;

  /**
   * @param greeting sent on connect, or null for a server that never speaks
   * @param script the reply to each line received (may be several lines), or null to close
   */
  public ScriptedServer(String greeting, Function<String, String> script) throws IOException {
    this(null, greeting, script);
  }

  public ScriptedServer(SSLContext tls, String greeting, Function<String, String> script) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    serverSocket =
        tls == null
            ? new ServerSocket(0, 50, loopback)
            : tls.getServerSocketFactory().createServerSocket(0, 50, loopback);
    thread =
        new Thread(
            () -> {
              while (!serverSocket.isClosed()) {
                try {
                  Socket client = serverSocket.accept();
                  clients.add(client);
                  accepted.incrementAndGet();
                  open.incrementAndGet();
                  Thread session = new Thread(() -> serve(client, greeting, script), "scripted-session");
                  session.setDaemon(true);
                  session.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "scripted-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** A server that accepts connections and never sends a byte. */
  public static ScriptedServer silent() throws IOException {
    return new ScriptedServer(null, line -> "");
  }

  private void serve(Socket client, String greeting, Function<String, String> script) {
    try (client) {
      serveOpen(client, greeting, script);
    } catch (IOException e) {
      // The client went away.
    } finally {
      open.decrementAndGet();
    }
  }

  private void serveOpen(Socket client, String greeting, Function<String, String> script) throws IOException {
    {
      OutputStream out = client.getOutputStream();
      if (greeting == null) {
        // Read and discard until the client gives up.
        while (client.getInputStream().read() >= 0) {
          // silent
        }
        return;
      }
      out.write((greeting + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        received.add(line);
        String reply = script.apply(line);
        if (reply == null) {
          return;
        }
        if (!reply.isEmpty()) {
          out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    }
  }

  /** Connections accepted and not yet closed by the client (or by this server). */
  public int openConnections() {
    return open.get();
  }

  /** Connections accepted so far. */
  public int acceptedConnections() {
    return accepted.get();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Every line received, from every connection, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket client : clients) {
      client.close();
    }
  }
}
