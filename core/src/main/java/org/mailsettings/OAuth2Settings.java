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
  public static final class Builder {
    private final ImmutableOAuth2Settings.Builder delegate = new ImmutableOAuth2Settings.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code OAuth2Settings} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(OAuth2Settings instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Settings#issuer() issuer} attribute.
     * @param issuer The value for issuer
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder issuer(String issuer) {
      delegate.issuer(issuer);
      return this;
    }

    /**
     * Adds one element to {@link OAuth2Settings#scopes() scopes} list.
     * @param element A scopes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addScopes(String element) {
      delegate.addScopes(element);
      return this;
    }

    /**
     * Adds elements to {@link OAuth2Settings#scopes() scopes} list.
     * @param elements An array of scopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addScopes(String... elements) {
      delegate.addScopes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link OAuth2Settings#scopes() scopes} list.
     * @param elements An iterable of scopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder scopes(Iterable<String> elements) {
      delegate.scopes(elements);
      return this;
    }

    /**
     * Adds elements to {@link OAuth2Settings#scopes() scopes} list.
     * @param elements An iterable of scopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllScopes(Iterable<String> elements) {
      delegate.addAllScopes(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Settings#authorizationEndpoint() authorizationEndpoint} attribute.
     * @param authorizationEndpoint The value for authorizationEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authorizationEndpoint(URI authorizationEndpoint) {
      delegate.authorizationEndpoint(authorizationEndpoint);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Settings#tokenEndpoint() tokenEndpoint} attribute.
     * @param tokenEndpoint The value for tokenEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tokenEndpoint(URI tokenEndpoint) {
      delegate.tokenEndpoint(tokenEndpoint);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Settings#deviceAuthorizationEndpoint() deviceAuthorizationEndpoint} to deviceAuthorizationEndpoint.
     * @param deviceAuthorizationEndpoint The value for deviceAuthorizationEndpoint
     * @return {@code this} builder for chained invocation
     */
    public Builder deviceAuthorizationEndpoint(URI deviceAuthorizationEndpoint) {
      delegate.deviceAuthorizationEndpoint(deviceAuthorizationEndpoint);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Settings#deviceAuthorizationEndpoint() deviceAuthorizationEndpoint} to deviceAuthorizationEndpoint.
     * @param deviceAuthorizationEndpoint The value for deviceAuthorizationEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder deviceAuthorizationEndpoint(Optional<? extends URI> deviceAuthorizationEndpoint) {
      delegate.deviceAuthorizationEndpoint(deviceAuthorizationEndpoint);
      return this;
    }

    /**
     * Builds a new {@link OAuth2Settings OAuth2Settings}.
     * @return An immutable instance of OAuth2Settings
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public OAuth2Settings build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
