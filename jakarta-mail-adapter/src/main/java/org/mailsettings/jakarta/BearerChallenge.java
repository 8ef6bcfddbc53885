package org.mailsettings.jakarta;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a server said when it refused an access token sent with SASL {@code OAUTHBEARER}: the
 * JSON error of RFC 7628 section 3.2.2, which the client answers and the server then ends as a
 * refused login ({@link VerificationOutcome#bearerChallenge()}). Read as untrusted input (bounded,
 * strict JSON); only these members are kept, each checked:
 *
 * <ul>
 *   <li>{@link #status()}: why ({@code invalid_token}, say; Dovecot's {@code XOAUTH2} says {@code
 *       401});
 *   <li>{@link #scope()}: the scope a token would need, when the server said;
 *   <li>{@link #openidConfiguration()}: where the metadata of the authorization server to sign in
 *       at is, when the server said and the address is an {@code https} URL with a host, without
 *       user information or fragment. The OAuth module finds the issuer from it ({@code
 *       PublicOAuth2Client.issuerFromChallenge}), checking the metadata there; nothing else should
 *       send a user's browser anywhere on its word.
 * </ul>
 *
 * <p>Angus Mail's POP3 has no SASL, so a POP3 login (always {@code XOAUTH2}) never has one.
 */
public final class BearerChallenge {
  private final String status;
  private final @Nullable String scope;
  private final @Nullable URI openidConfiguration;

  BearerChallenge(String status, @Nullable String scope, @Nullable URI openidConfiguration) {
    this.status = Objects.requireNonNull(status, "status");
    this.scope = scope;
    this.openidConfiguration = openidConfiguration;
  }

  /** {@return the error's {@code status}} */
  public String status() {
    return status;
  }

  /** {@return the error's {@code scope}, when it has one of RFC 6749 scope tokens} */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** {@return the error's {@code openid-configuration}, when it is an {@code https} URL} */
  public Optional<URI> openidConfiguration() {
    return Optional.ofNullable(openidConfiguration);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof BearerChallenge that
        && status.equals(that.status)
        && Objects.equals(scope, that.scope)
        && Objects.equals(openidConfiguration, that.openidConfiguration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, scope, openidConfiguration);
  }

  @Override
  public String toString() {
    return "BearerChallenge[" + status + (scope == null ? "" : ", scope " + scope)
        + (openidConfiguration == null ? "" : ", " + openidConfiguration) + "]";
  }
}
