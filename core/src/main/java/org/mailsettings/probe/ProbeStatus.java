package org.mailsettings.probe;

/** What probing a server without credentials showed. */
public enum ProbeStatus {
  /** The server answered in its protocol, secured as the candidate says. */
  REACHABLE,
  /** The server answered but does not offer STARTTLS, which the candidate needs. */
  STARTTLS_NOT_OFFERED,
  /** The TLS handshake failed: untrusted or expired certificate, no common protocol version. */
  TLS_FAILED,
  /** Something else answers there: another mail protocol, or TLS on a plaintext port and the other way round. */
  PROTOCOL_MISMATCH,
  /** The connection was refused. */
  REFUSED,
  /** No answer within the bound. */
  TIMEOUT,
  /** The host does not resolve or cannot be reached. */
  UNREACHABLE,
  /** The probe itself failed (an unexpected error of this library), which says nothing about the server. */
  PROBE_FAILED;

  /**
   * {@return whether the candidate is usable as it stands (the certificate must still match, see {@link ProbeResult#certificateMatches()})}
   */
  public boolean isReachable() {
    return this == REACHABLE;
  }
}
