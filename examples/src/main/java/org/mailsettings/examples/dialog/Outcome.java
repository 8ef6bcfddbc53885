package org.mailsettings.examples.dialog;

import org.mailsettings.jakarta.VerificationStatus;

/**
 * What a "Test connection" means to the user, in the few kinds a support line tells apart: the
 * settings work; the user name or password is wrong (the server itself is fine); the server
 * cannot be reached (a typo in the name, a firewall); the certificate is wrong (an untrusted
 * authority, the wrong host name); the security setting does not fit the server; the servers must
 * be confirmed first; the user must sign in; anything else. The headline is the dialog's ({@code
 * Outcome.*} in {@code DialogText}); the sentence under it is the library's ({@link
 * VerificationStatus#message(java.util.Locale)}).
 */
enum Outcome {
  WORKS(Tone.GOOD),
  WRONG_PASSWORD(Tone.BAD),
  UNREACHABLE(Tone.BAD),
  CERTIFICATE(Tone.BAD),
  SECURITY(Tone.BAD),
  CONFIRM_FIRST(Tone.WARNING),
  SIGN_IN(Tone.WARNING),
  FAILED(Tone.BAD);

  /** How the headline is shown. */
  enum Tone {
    GOOD,
    WARNING,
    BAD
  }

  private final Tone tone;

  Outcome(Tone tone) {
    this.tone = tone;
  }

  Tone tone() {
    return tone;
  }

  /** The kind of a verification status. */
  static Outcome of(VerificationStatus status) {
    return switch (status) {
      case OK -> WORKS;
      case AUTH_FAILED -> WRONG_PASSWORD;
      case CONNECT_FAILED, TIMEOUT -> UNREACHABLE;
      case TLS_FAILED -> CERTIFICATE;
      case STARTTLS_NOT_OFFERED, AUTH_METHOD_UNSUPPORTED -> SECURITY;
      case NOT_CONFIRMED -> CONFIRM_FIRST;
      case SIGN_IN_REQUIRED -> SIGN_IN;
      case PROTOCOL_ERROR, CANCELLED -> FAILED;
    };
  }
}
