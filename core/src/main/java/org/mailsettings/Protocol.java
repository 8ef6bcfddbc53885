package org.mailsettings;

/**
 * A mail access or submission protocol, with its standard ports.
 *
 * <p>The ports are those of RFC 8314 (implicit TLS), RFC 6409 (submission) and the protocols'
 * own specifications.
 */
public enum Protocol {
  /** IMAP (RFC 9051): 993 with implicit TLS, 143 for STARTTLS or plaintext. */
  IMAP("imap", 993, 143, true),
  /** POP3 (RFC 1939): 995 with implicit TLS, 110 for STARTTLS or plaintext. */
  POP3("pop3", 995, 110, true),
  /**
   * SMTP submission (RFC 6409): 465 with implicit TLS, 587 for STARTTLS; port 25 is the relay
   * port, often blocked by Internet providers.
   */
  SMTP("smtp", 465, 587, false);

  /** The SMTP relay port, usable for submission at some providers and often blocked. */
  public static final int SMTP_RELAY_PORT = 25;

  private final String autoconfigType;
  private final int implicitTlsPort;
  private final int startTlsPort;
  private final boolean incoming;

  Protocol(String autoconfigType, int implicitTlsPort, int startTlsPort, boolean incoming) {
    this.autoconfigType = autoconfigType;
    this.implicitTlsPort = implicitTlsPort;
    this.startTlsPort = startTlsPort;
    this.incoming = incoming;
  }

  /** {@return the standard port for implicit TLS: 993, 995 or 465} */
  public int implicitTlsPort() {
    return implicitTlsPort;
  }

  /** {@return the standard port for STARTTLS or plaintext: 143, 110 or 587} */
  public int startTlsPort() {
    return startTlsPort;
  }

  /**
   * {@return the standard port for the given security mode}
   *
   * @param security the security
   */
  public int defaultPort(Security security) {
    return security == Security.IMPLICIT_TLS ? implicitTlsPort : startTlsPort;
  }

  /** {@return whether this protocol reads mail (IMAP, POP3) rather than sending it (SMTP)} */
  public boolean isIncoming() {
    return incoming;
  }

  /**
   * {@return the server {@code type} attribute the autoconfig format uses: {@code imap}, {@code pop3}, {@code smtp}}
   */
  public String autoconfigType() {
    return autoconfigType;
  }

  /**
   * {@return whether {@code port} is one of this protocol's standard ports, including 25 for SMTP}
   *
   * @param port the port
   */
  public boolean isStandardPort(int port) {
    return port == implicitTlsPort || port == startTlsPort || (this == SMTP && port == SMTP_RELAY_PORT);
  }
}
