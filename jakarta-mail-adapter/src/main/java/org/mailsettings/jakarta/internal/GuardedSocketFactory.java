package org.mailsettings.jakarta.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** The plain socket factory of a session: every socket is a {@link GuardedSocket} of one guard. */
public final class GuardedSocketFactory extends SocketFactory {
  private final ConnectionGuard guard;

  /** The factory of {@code guard}'s sockets. */
  public GuardedSocketFactory(ConnectionGuard guard) {
    this.guard = guard;
  }

  @Override
  public Socket createSocket() {
    return guard.newSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = guard.newSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket socket = guard.newSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = guard.newSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    Socket socket = guard.newSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }
}
