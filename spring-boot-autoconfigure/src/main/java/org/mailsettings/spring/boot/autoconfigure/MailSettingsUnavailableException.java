package org.mailsettings.spring.boot.autoconfigure;

/**
 * Thrown at start-up when {@code mailsettings.address} is set but gives no outgoing server the
 * application may use; the {@link #reason()} says which, the message what to change.
 */
public final class MailSettingsUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why no server could be used. */
  public enum Reason {
    /** Neither the databases, the providers directory, the MX hints nor discovery gave any SMTP settings. */
    NO_SETTINGS,
    /** {@code mailsettings.password} is not set. */
    NO_CREDENTIALS,
    /**
     * Every SMTP candidate needs the user's confirmation (its settings rest on plain HTTP or
     * unsigned DNS) and none of their domains is among {@code mailsettings.confirmed-domains}.
     */
    NOT_CONFIRMED,
    /** {@code mailsettings.verification.mode=fail} and no candidate accepted the login. */
    VERIFICATION_FAILED
  }

  /** Why no server could be used. */
  private final Reason reason;

  MailSettingsUnavailableException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** {@return why no server could be used} */
  public Reason reason() {
    return reason;
  }
}
