package org.mailsettings.probe;

import java.util.List;
import java.util.Locale;
import org.mailsettings.internal.text.Messages;

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
   * The status in words for people in {@code locale}, from the library's bundles (English where
   * there is none for the locale); {@link org.mailsettings.check.Wording} renders it with an
   * application's own words.
   *
   * @param locale the language wanted
   * @return the words
   */
  public String message(Locale locale) {
    return Messages.render(this, List.of(), locale);
  }

  /**
   * {@return whether the candidate is usable as it stands (the certificate must still match, see {@link ProbeResult#certificateMatches()})}
   */
  public boolean isReachable() {
    return this == REACHABLE;
  }
}
