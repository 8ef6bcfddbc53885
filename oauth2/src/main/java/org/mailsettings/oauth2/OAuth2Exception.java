package org.mailsettings.oauth2;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in, a refresh or a provider lookup that did not work, with the reason. The message is
 * for people and never contains a token, a code or a secret; {@link #errorCode()} is the
 * authorization server's own error code (RFC 6749 section 5.2), when it sent one.
 *
 * <p>A refresh token that the provider no longer accepts is not reported with this exception
 * but with {@link org.mailsettings.jakarta.SignInRequiredException} (this one as its cause):
 * the user must sign in again.
 */
public final class OAuth2Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The provider has no OAuth 2.0 settings in the database, or lacks the grant asked for (no device endpoint). */
    NOT_OFFERED,
    /** The settings do not come from trusted provider data; the browser is not sent anywhere on their word. */
    UNTRUSTED,
    /** The user (or the provider's policy) refused: {@code access_denied}. */
    ACCESS_DENIED,
    /** The redirect carried another {@code state} than the one sent: not the answer to this sign-in. */
    STATE_MISMATCH,
    /**
     * The redirect names another authorization server in its {@code iss} (RFC 9207) than the one
     * the sign-in went to, or names none where that server's metadata says it always does: a
     * mix-up attack or a misdirected response, not used.
     */
    ISSUER_MISMATCH,
    /** The server refused the grant: a code already used or for another client, a PKCE verifier that does not match, a refresh token it no longer accepts ({@code invalid_grant}). */
    INVALID_GRANT,
    /** The device code expired before the user approved ({@code expired_token}). */
    EXPIRED,
    /** The sign-in did not complete before its deadline. */
    TIMEOUT,
    /** The browser could not be opened, or the device code could not be shown. */
    USER_AGENT,
    /** Another error from the authorization server ({@code invalid_client}, {@code invalid_scope}, ...; see {@link #errorCode()}). */
    SERVER_ERROR,
    /** An answer that is not what the protocol says (not JSON, fields missing, too large). */
    PROTOCOL_ERROR,
    /** The authorization server could not be reached, or did not answer in time, or TLS failed. */
    NETWORK
  }

  /** What went wrong. */
  private final Reason reason;
  /** The authorization server's error code, when it sent one. */
  private final @Nullable String errorCode;

  /**
   * Creates the exception; {@code message} must hold no secret.
   *
   * @param reason what went wrong
   * @param message what is wrong and what to fix
   */
  public OAuth2Exception(Reason reason, String message) {
    this(reason, message, null, null);
  }

  /**
   * Creates the exception with the server's error code and a cause; {@code message} must hold no secret.
   *
   * @param reason what went wrong
   * @param message what is wrong and what to fix
   * @param errorCode the error code
   * @param cause the underlying error
   */
  public OAuth2Exception(Reason reason, String message, @Nullable String errorCode, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errorCode = errorCode;
  }

  /** {@return what went wrong} */
  public Reason reason() {
    return reason;
  }

  /** {@return the authorization server's error code ({@code invalid_grant}, ...), when it sent one} */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
