package org.mailsettings.jakarta.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.mailsettings.probe.CertificateNames;

/**
 * The TLS socket factory every session of this library uses, for implicit TLS and STARTTLS alike.
 * It restricts the protocol versions, completes the handshake itself, and checks that the
 * certificate names the host (throwing {@link HostnameMismatchException} with the certificate's
 * names when it does not) before the socket is handed to Jakarta Mail: no byte of the mail
 * protocol, let alone a credential, reaches a server whose certificate does not fit.
 */
public final class VerifyingSslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final String[] protocols;
  private final ConnectionGuard guard;

  /**
   * Wraps {@code delegate}, allowing only the given protocol versions (JSSE names); every socket
   * belongs to {@code guard}.
   */
  public VerifyingSslSocketFactory(SSLSocketFactory delegate, List<String> protocols, ConnectionGuard guard) {
    this.delegate = delegate;
    this.protocols = protocols.toArray(new String[0]);
    this.guard = guard;
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return verified((SSLSocket) delegate.createSocket(socket, host, port, autoClose), host);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket raw = guard.newSocket();
    raw.connect(new InetSocketAddress(host, port));
    return createSocket(raw, host, port, true);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket raw = guard.newSocket();
    raw.bind(new InetSocketAddress(localHost, localPort));
    raw.connect(new InetSocketAddress(host, port));
    return createSocket(raw, host, port, true);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket raw = guard.newSocket();
    raw.connect(new InetSocketAddress(host, port));
    return createSocket(raw, host.getHostAddress(), port, true);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket raw = guard.newSocket();
    raw.bind(new InetSocketAddress(localAddress, localPort));
    raw.connect(new InetSocketAddress(address, port));
    return createSocket(raw, address.getHostAddress(), port, true);
  }

  /**
   * A plain, unconnected socket. Jakarta Mail asks for one, connects it (with its connect
   * timeout) and then layers TLS on it through {@link #createSocket(Socket, String, int,
   * boolean)}, where the handshake and the host-name check happen with the host known.
   */
  @Override
  public Socket createSocket() {
    return guard.newSocket();
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  private Socket verified(SSLSocket socket, String host) throws IOException {
    try {
      List<String> supported = Arrays.asList(socket.getSupportedProtocols());
      String[] enabled = Arrays.stream(protocols).filter(supported::contains).toArray(String[]::new);
      if (enabled.length == 0) {
        throw new IOException("None of the TLS versions " + Arrays.toString(protocols) + " is available");
      }
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(enabled);
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      Certificate[] chain = socket.getSession().getPeerCertificates();
      X509Certificate certificate = (X509Certificate) chain[0];
      if (!CertificateNames.matches(host, certificate)) {
        throw new HostnameMismatchException(host, CertificateNames.of(certificate));
      }
      guard.register(socket);
      guard.tlsEstablished();
      return socket;
    } catch (IOException | RuntimeException e) {
      try {
        socket.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }
}
