package org.mailsettings.jakarta.internal;

import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The server's certificate is valid, but not for the host that was asked for. */
public final class HostnameMismatchException extends SSLPeerUnverifiedException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final List<String> certificateNames;

  HostnameMismatchException(String host, List<String> certificateNames) {
    super("The server's certificate is not valid for " + host + "; it names " + certificateNames);
    this.host = host;
    this.certificateNames = List.copyOf(certificateNames);
  }

  /** The host that was asked for. */
  public String host() {
    return host;
  }

  /** The names the certificate is valid for. */
  public List<String> certificateNames() {
    return certificateNames;
  }
}
