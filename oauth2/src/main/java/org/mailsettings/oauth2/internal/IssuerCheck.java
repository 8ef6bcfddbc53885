package org.mailsettings.oauth2.internal;

import org.jspecify.annotations.Nullable;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/**
 * Authorization server issuer identification (RFC 9207) for one sign-in: the {@code iss} an
 * authorization response must carry. When the response has {@code iss}, it must be exactly the
 * issuer the request went to (section 2.4: simple string comparison, after the form decoding);
 * when it has none, that is refused only where the server's metadata says {@code
 * authorization_response_iss_parameter_supported} (a response whose {@code iss} was dropped must
 * not pass the check). Error responses are checked too: an error from another server is no answer
 * of this one's.
 *
 * <p>The issuer is known exactly only as an identifier URL: the RFC 8414 metadata of the
 * any-provider flow, or provider data that names an {@code https} issuer. Provider data in the
 * clientConfig form names a host ({@code accounts.google.com}), which no {@code iss} can be
 * compared with exactly; then nothing is checked.
 *
 * @param issuer the issuer identifier {@code iss} must equal, or null when it is not known exactly
 * @param required whether a response without {@code iss} is refused
 */
public record IssuerCheck(@Nullable String issuer, boolean required) {
  /** No issuer known: {@code iss} is not looked at. */
  public static final IssuerCheck NONE = new IssuerCheck(null, false);

  /** The check; {@code required} needs an issuer to compare with. */
  public IssuerCheck {
    if (required && issuer == null) {
      throw new IllegalArgumentException("an iss can be required only with the issuer it must be");
    }
  }

  /**
   * The check for a sign-in at {@code issuer} (as the settings name it): exact when it is an
   * {@code https} identifier, none for a host name.
   *
   * @param required whether the server's metadata says its responses always carry {@code iss}
   */
  public static IssuerCheck of(String issuer, boolean required) {
    if (!issuer.startsWith("https://")) {
      return NONE;
    }
    return new IssuerCheck(issuer, required);
  }

  /**
   * Checks a response's {@code iss} ({@code null} when it had none, or had it more than once).
   *
   * @return null when it passes, else the failure
   */
  @Nullable OAuth2Exception failure(@Nullable String iss, boolean present) {
    String expected = issuer;
    if (expected == null) {
      return null;
    }
    if (iss == null) {
      if (present) {
        return new OAuth2Exception(Reason.ISSUER_MISMATCH, "The redirect names its authorization server (iss) more than once: not used");
      }
      return required
          ? new OAuth2Exception(
              Reason.ISSUER_MISMATCH,
              "The redirect does not name its authorization server (iss), which " + expected
                  + " says it always does (RFC 9207): not used")
          : null;
    }
    if (!iss.equals(expected)) {
      return new OAuth2Exception(
          Reason.ISSUER_MISMATCH,
          "The redirect comes from another authorization server (iss) than " + expected
              + ", where this sign-in went (RFC 9207): a mix-up, not used");
    }
    return null;
  }
}
