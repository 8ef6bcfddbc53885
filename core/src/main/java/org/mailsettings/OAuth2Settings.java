package org.mailsettings;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a provider issues OAuth 2.0 tokens for its mail servers: the issuer, the scopes to ask for,
 * and the authorization, token and (where the provider offers the device grant of RFC 8628)
 * device authorization endpoints. It comes from the provider's data (the {@code <oAuth2>} block of
 * a clientConfig document), never from the application: the application supplies only its own
 * client registration.
 *
 * <p>Every endpoint is an absolute {@code https} URL; a block that does not say where to get
 * tokens over HTTPS is not read at all.
 */
@Value.Immutable
public abstract class OAuth2Settings {

  OAuth2Settings() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the issuer as the provider's data names it: a host name such as {@code accounts.google.com}
   * (the clientConfig form) or an issuer URL}
   */
  public abstract String issuer();

  /** {@return the scopes to request, in the provider's order; never empty} */
  public abstract List<String> scopes();

  /** {@return the authorization endpoint (where the user's browser signs in)} */
  public abstract URI authorizationEndpoint();

  /** {@return the token endpoint} */
  public abstract URI tokenEndpoint();

  /** {@return the device authorization endpoint (RFC 8628), when the provider offers that grant} */
  public abstract Optional<URI> deviceAuthorizationEndpoint();

  @Value.Check
  void check() {
    if (issuer().isBlank()) {
      throw new InvalidSettingsException("An OAuth 2.0 issuer must not be blank");
    }
    if (scopes().isEmpty()) {
      throw new InvalidSettingsException("OAuth 2.0 settings need at least one scope");
    }
    for (String scope : scopes()) {
      if (scope.isEmpty() || !scope.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E))) {
        throw new InvalidSettingsException("\"" + scope + "\" is not an OAuth 2.0 scope (RFC 6749, 3.3)");
      }
    }
    requireHttps("authorization endpoint", authorizationEndpoint());
    requireHttps("token endpoint", tokenEndpoint());
    deviceAuthorizationEndpoint().ifPresent(uri -> requireHttps("device authorization endpoint", uri));
  }

  private static void requireHttps(String what, URI uri) {
    if (!uri.isAbsolute()
        || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      throw new InvalidSettingsException("The OAuth 2.0 " + what + " must be an https URL without user or fragment: " + uri);
    }
  }

  @Override
  public String toString() {
    return "OAuth2Settings[" + issuer() + ", scopes " + scopes() + ", " + authorizationEndpoint() + ", " + tokenEndpoint()
        + deviceAuthorizationEndpoint().map(d -> ", device " + d).orElse("") + "]";
  }

  /** Builds {@link OAuth2Settings}. */
  public static final class Builder extends ImmutableOAuth2Settings.Builder {
    Builder() {}
  }
}
