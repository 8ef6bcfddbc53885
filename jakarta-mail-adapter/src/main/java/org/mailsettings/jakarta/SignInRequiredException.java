package org.mailsettings.jakarta;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by an OAuth 2.0 access token supplier (see {@link Credentials#oauth2(java.util.function.Supplier)})
 * when it has no token to give and cannot get one without the user: the grant was revoked or has
 * expired, or the user never signed in. The user must sign in again; this is not a wrong
 * password, and retrying does not help.
 *
 * <p>{@link MailConnector#verify} reports it as {@link VerificationStatus#SIGN_IN_REQUIRED}; the
 * connecting methods let it through unchanged. Its message never contains a token.
 */
public final class SignInRequiredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message for people (no secret in it).
   *
   * @param message what is wrong and what to fix
   */
  public SignInRequiredException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message for people (no secret in it) and what caused it.
   *
   * @param message what is wrong and what to fix
   * @param cause the underlying error
   */
  public SignInRequiredException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
