package org.mailsettings.jakarta;

import java.util.Locale;
import org.mailsettings.check.Wording;

/**
 * What a login attempt showed. The statuses keep apart what the user must fix (the password)
 * from what the settings must fix (the server): a wrong password is never reported as a broken
 * server, nor the other way round.
 */
public enum VerificationStatus {
  /** Connected, secured and logged in. */
  OK,
  /** The server took the login method and refused these credentials: check the password. */
  AUTH_FAILED,
  /** The server offers no login method the settings and credentials can use (OAuth 2.0 only, say). */
  AUTH_METHOD_UNSUPPORTED,
  /**
   * The OAuth 2.0 token supplier has no token and cannot get one without the user (the grant was
   * revoked or has expired, or nobody signed in; see {@link SignInRequiredException}): the user
   * must sign in again. Not a wrong password, and nothing the settings can fix.
   */
  SIGN_IN_REQUIRED,
  /**
   * STARTTLS was required and could not be started: the server does not offer it, or refused
   * it. No credential was sent.
   */
  STARTTLS_NOT_OFFERED,
  /** The TLS handshake failed or the certificate is not valid for the host (see the names). */
  TLS_FAILED,
  /** No TCP connection: refused, unreachable, or the host name does not resolve. */
  CONNECT_FAILED,
  /** The server did not answer in time. */
  TIMEOUT,
  /** The server answered, but not as the protocol says (another protocol on that port, say). */
  PROTOCOL_ERROR,
  /** Started, then abandoned because a better-ranked candidate already worked. */
  CANCELLED,
  /**
   * Not tried: the candidate needs the user's confirmation (its settings rest on plain HTTP or
   * unsigned DNS, or its host is at a loopback or private address) and its domain was not among
   * {@link VerifyOptions#confirmedDomains()}. No connection was made.
   */
  NOT_CONFIRMED;

  /**
   * The status in words for people in {@code locale}, from the library's bundles (English where
   * there is none for the locale); {@link Wording#message(Enum, Locale)} renders it with an
   * application's own words.
   *
   * @param locale the language wanted
   * @return the words
   */
  public String message(Locale locale) {
    return Wording.library().message(this, locale);
  }

  /** {@return whether the settings worked (only {@link #OK})} */
  public boolean isSuccess() {
    return this == OK;
  }

  /** {@return whether the server itself was reached and spoke its protocol over a secured connection} */
  public boolean serverWorks() {
    return this == OK || this == AUTH_FAILED || this == AUTH_METHOD_UNSUPPORTED;
  }
}
