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
    /**
     * Neither {@code mailsettings.password} nor {@code mailsettings.oauth2.client-id} is set, or
     * the OAuth 2.0 option lacks its refresh token (or the application's {@code TokenStore} bean),
     * or has one without a client id.
     */
    NO_CREDENTIALS,
    /** Both {@code mailsettings.password} and {@code mailsettings.oauth2.*} are set: an account signs in with one. */
    CONFLICTING_CREDENTIALS,
    /** {@code mailsettings.oauth2.client-id} is set but {@code mailsettings-oauth2} is not on the class path. */
    OAUTH2_MISSING,
    /**
     * {@code mailsettings.oauth2.client-id} is set but the provider's data (bundled, or the
     * providers directory) has no OAuth 2.0 settings for the address, or no provider is known for it.
     */
    OAUTH2_NOT_OFFERED,
    /**
     * {@code mailsettings.oauth2.client-id} is set but the resolution does not rest on trusted
     * data, so the provider's OAuth 2.0 endpoints are not taken on its word.
     */
    OAUTH2_UNTRUSTED,
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
