package org.mailsettings.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** A TCP proxy on 127.0.0.1 that waits a set time before connecting a client to the target. */
public final class DelayingProxy implements AutoCloseable {
  private final ServerSocket serverSocket;

  public DelayingProxy(int targetPort, Duration delay) throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor =
        new Thread(
            () -> {
              while (!serverSocket.isClosed()) {
                try {
                  Socket client = serverSocket.accept();
                  Thread session =
                      new Thread(
                          () -> {
                            try (client;
                                Socket target = delayedConnect(targetPort, delay)) {
                              Thread up = pump(client.getInputStream(), target.getOutputStream());
                              pump(target.getInputStream(), client.getOutputStream()).join();
                              up.join(1000);
                            } catch (IOException | InterruptedException e) {
                              // one side went away
                            }
                          });
                  session.setDaemon(true);
                  session.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static Socket delayedConnect(int port, Duration delay) throws IOException, InterruptedException {
    Thread.sleep(delay.toMillis());
    return new Socket(InetAddress.getByName("127.0.0.1"), port);
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // closed
              } finally {
                try {
                  out.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
