package org.mailsettings.oauth2;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An authorization server's RFC 8414 metadata, as {@link PublicOAuth2Client#metadata(String)}
 * fetched it: over HTTPS, no redirect followed, within the size and time bounds, its {@code
 * issuer} exactly the one asked for, every endpoint {@code https}. Only the members the sign-in
 * uses are kept.
 */
@Value.Immutable
public abstract class AuthorizationServerMetadata {

  AuthorizationServerMetadata() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the issuer identifier, exactly as the metadata (and the caller) wrote it} */
  public abstract String issuer();

  /** {@return the authorization endpoint (where the user's browser signs in)} */
  public abstract URI authorizationEndpoint();

  /** {@return the token endpoint} */
  public abstract URI tokenEndpoint();

  /** {@return the RFC 7591 registration endpoint, when the server takes dynamic registrations} */
  public abstract Optional<URI> registrationEndpoint();

  /** {@return the RFC 8628 device authorization endpoint, when the server offers that grant} */
  public abstract Optional<URI> deviceAuthorizationEndpoint();

  /** {@return the scopes the server says it supports ({@code scopes_supported}); empty when it does not say} */
  public abstract List<String> scopesSupported();

  /** {@return the PKCE methods the server supports ({@code code_challenge_methods_supported})} */
  public abstract List<String> codeChallengeMethodsSupported();

  /** {@return the response types the server supports ({@code response_types_supported})} */
  public abstract List<String> responseTypesSupported();

  /** {@return the grant types the server supports ({@code grant_types_supported}); empty when it does not say} */
  public abstract List<String> grantTypesSupported();

  /**
   * {@return the resources the server's tokens are for ({@code protected_resources}, as the OAuth
   * profile for open public clients uses it); empty when it does not say}
   */
  public abstract List<URI> protectedResources();

  /**
   * {@return whether the server says it names itself in every authorization response ({@code
   * authorization_response_iss_parameter_supported}, RFC 9207): then a response without {@code iss}
   * is refused; false when the metadata does not say}
   */
  @Value.Default
  public boolean authorizationResponseIssParameterSupported() {
    return false;
  }

  /**
   * {@return whether {@code resource} may be asked for and receive this server's tokens: it is one
   * of {@link #protectedResources()} (scheme and host compared without case, then port and path
   * as they are), or, when the server lists none, its host has the same registrable domain as the
   * issuer's (the profile's fallback)}
   *
   * @param resource the resource (an RFC 8707 resource indicator)
   */
  public boolean allowsResource(URI resource) {
    if (!protectedResources().isEmpty()) {
      return protectedResources().stream().anyMatch(listed -> sameResource(listed, resource));
    }
    String host = resource.getHost();
    if (host == null) {
      return false;
    }
    return RegistrableDomains.of(host).equals(RegistrableDomains.of(URI.create(issuer()).getHost()));
  }

  private static boolean sameResource(URI a, URI b) {
    return lower(a.getScheme()).equals(lower(b.getScheme()))
        && lower(a.getHost()).equals(lower(b.getHost()))
        && port(a) == port(b)
        && path(a).equals(path(b));
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : -1;
  }

  private static String path(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return path.isEmpty() ? "/" : path;
  }

  @Value.Check
  void check() {
    for (URI uri : List.of(authorizationEndpoint(), tokenEndpoint())) {
      requireHttps(uri);
    }
    registrationEndpoint().ifPresent(AuthorizationServerMetadata::requireHttps);
    deviceAuthorizationEndpoint().ifPresent(AuthorizationServerMetadata::requireHttps);
    if (!issuer().startsWith("https://")) {
      throw new IllegalArgumentException("The issuer must be an https URL: " + issuer());
    }
  }

  private static void requireHttps(URI uri) {
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("Authorization server endpoints must be https URLs: " + uri);
    }
  }

  /** Builds {@link AuthorizationServerMetadata}. */
  public static final class Builder {
    private final ImmutableAuthorizationServerMetadata.Builder delegate = new ImmutableAuthorizationServerMetadata.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code AuthorizationServerMetadata} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(AuthorizationServerMetadata instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link AuthorizationServerMetadata#issuer() issuer} attribute.
     * @param issuer The value for issuer
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder issuer(String issuer) {
      delegate.issuer(issuer);
      return this;
    }

    /**
     * Initializes the value for the {@link AuthorizationServerMetadata#authorizationEndpoint() authorizationEndpoint} attribute.
     * @param authorizationEndpoint The value for authorizationEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authorizationEndpoint(URI authorizationEndpoint) {
      delegate.authorizationEndpoint(authorizationEndpoint);
      return this;
    }

    /**
     * Initializes the value for the {@link AuthorizationServerMetadata#tokenEndpoint() tokenEndpoint} attribute.
     * @param tokenEndpoint The value for tokenEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tokenEndpoint(URI tokenEndpoint) {
      delegate.tokenEndpoint(tokenEndpoint);
      return this;
    }

    /**
     * Initializes the optional value {@link AuthorizationServerMetadata#registrationEndpoint() registrationEndpoint} to registrationEndpoint.
     * @param registrationEndpoint The value for registrationEndpoint
     * @return {@code this} builder for chained invocation
     */
    public Builder registrationEndpoint(URI registrationEndpoint) {
      delegate.registrationEndpoint(registrationEndpoint);
      return this;
    }

    /**
     * Initializes the optional value {@link AuthorizationServerMetadata#registrationEndpoint() registrationEndpoint} to registrationEndpoint.
     * @param registrationEndpoint The value for registrationEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder registrationEndpoint(Optional<? extends URI> registrationEndpoint) {
      delegate.registrationEndpoint(registrationEndpoint);
      return this;
    }

    /**
     * Initializes the optional value {@link AuthorizationServerMetadata#deviceAuthorizationEndpoint() deviceAuthorizationEndpoint} to deviceAuthorizationEndpoint.
     * @param deviceAuthorizationEndpoint The value for deviceAuthorizationEndpoint
     * @return {@code this} builder for chained invocation
     */
    public Builder deviceAuthorizationEndpoint(URI deviceAuthorizationEndpoint) {
      delegate.deviceAuthorizationEndpoint(deviceAuthorizationEndpoint);
      return this;
    }

    /**
     * Initializes the optional value {@link AuthorizationServerMetadata#deviceAuthorizationEndpoint() deviceAuthorizationEndpoint} to deviceAuthorizationEndpoint.
     * @param deviceAuthorizationEndpoint The value for deviceAuthorizationEndpoint
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder deviceAuthorizationEndpoint(Optional<? extends URI> deviceAuthorizationEndpoint) {
      delegate.deviceAuthorizationEndpoint(deviceAuthorizationEndpoint);
      return this;
    }

    /**
     * Adds one element to {@link AuthorizationServerMetadata#scopesSupported() scopesSupported} list.
     * @param element A scopesSupported element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addScopesSupported(String element) {
      delegate.addScopesSupported(element);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#scopesSupported() scopesSupported} list.
     * @param elements An array of scopesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addScopesSupported(String... elements) {
      delegate.addScopesSupported(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AuthorizationServerMetadata#scopesSupported() scopesSupported} list.
     * @param elements An iterable of scopesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder scopesSupported(Iterable<String> elements) {
      delegate.scopesSupported(elements);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#scopesSupported() scopesSupported} list.
     * @param elements An iterable of scopesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllScopesSupported(Iterable<String> elements) {
      delegate.addAllScopesSupported(elements);
      return this;
    }

    /**
     * Adds one element to {@link AuthorizationServerMetadata#codeChallengeMethodsSupported() codeChallengeMethodsSupported} list.
     * @param element A codeChallengeMethodsSupported element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCodeChallengeMethodsSupported(String element) {
      delegate.addCodeChallengeMethodsSupported(element);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#codeChallengeMethodsSupported() codeChallengeMethodsSupported} list.
     * @param elements An array of codeChallengeMethodsSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCodeChallengeMethodsSupported(String... elements) {
      delegate.addCodeChallengeMethodsSupported(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AuthorizationServerMetadata#codeChallengeMethodsSupported() codeChallengeMethodsSupported} list.
     * @param elements An iterable of codeChallengeMethodsSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder codeChallengeMethodsSupported(Iterable<String> elements) {
      delegate.codeChallengeMethodsSupported(elements);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#codeChallengeMethodsSupported() codeChallengeMethodsSupported} list.
     * @param elements An iterable of codeChallengeMethodsSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllCodeChallengeMethodsSupported(Iterable<String> elements) {
      delegate.addAllCodeChallengeMethodsSupported(elements);
      return this;
    }

    /**
     * Adds one element to {@link AuthorizationServerMetadata#responseTypesSupported() responseTypesSupported} list.
     * @param element A responseTypesSupported element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addResponseTypesSupported(String element) {
      delegate.addResponseTypesSupported(element);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#responseTypesSupported() responseTypesSupported} list.
     * @param elements An array of responseTypesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addResponseTypesSupported(String... elements) {
      delegate.addResponseTypesSupported(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AuthorizationServerMetadata#responseTypesSupported() responseTypesSupported} list.
     * @param elements An iterable of responseTypesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder responseTypesSupported(Iterable<String> elements) {
      delegate.responseTypesSupported(elements);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#responseTypesSupported() responseTypesSupported} list.
     * @param elements An iterable of responseTypesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllResponseTypesSupported(Iterable<String> elements) {
      delegate.addAllResponseTypesSupported(elements);
      return this;
    }

    /**
     * Adds one element to {@link AuthorizationServerMetadata#grantTypesSupported() grantTypesSupported} list.
     * @param element A grantTypesSupported element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addGrantTypesSupported(String element) {
      delegate.addGrantTypesSupported(element);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#grantTypesSupported() grantTypesSupported} list.
     * @param elements An array of grantTypesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addGrantTypesSupported(String... elements) {
      delegate.addGrantTypesSupported(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AuthorizationServerMetadata#grantTypesSupported() grantTypesSupported} list.
     * @param elements An iterable of grantTypesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder grantTypesSupported(Iterable<String> elements) {
      delegate.grantTypesSupported(elements);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#grantTypesSupported() grantTypesSupported} list.
     * @param elements An iterable of grantTypesSupported elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllGrantTypesSupported(Iterable<String> elements) {
      delegate.addAllGrantTypesSupported(elements);
      return this;
    }

    /**
     * Adds one element to {@link AuthorizationServerMetadata#protectedResources() protectedResources} list.
     * @param element A protectedResources element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addProtectedResources(URI element) {
      delegate.addProtectedResources(element);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#protectedResources() protectedResources} list.
     * @param elements An array of protectedResources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addProtectedResources(URI... elements) {
      delegate.addProtectedResources(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AuthorizationServerMetadata#protectedResources() protectedResources} list.
     * @param elements An iterable of protectedResources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder protectedResources(Iterable<? extends URI> elements) {
      delegate.protectedResources(elements);
      return this;
    }

    /**
     * Adds elements to {@link AuthorizationServerMetadata#protectedResources() protectedResources} list.
     * @param elements An iterable of protectedResources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllProtectedResources(Iterable<? extends URI> elements) {
      delegate.addAllProtectedResources(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link
     * AuthorizationServerMetadata#authorizationResponseIssParameterSupported()
     * authorizationResponseIssParameterSupported} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link AuthorizationServerMetadata#authorizationResponseIssParameterSupported() authorizationResponseIssParameterSupported}.</em>
     * @param authorizationResponseIssParameterSupported The value for authorizationResponseIssParameterSupported
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authorizationResponseIssParameterSupported(boolean authorizationResponseIssParameterSupported) {
      delegate.authorizationResponseIssParameterSupported(authorizationResponseIssParameterSupported);
      return this;
    }

    /**
     * Builds a new {@link AuthorizationServerMetadata AuthorizationServerMetadata}.
     * @return An immutable instance of AuthorizationServerMetadata
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public AuthorizationServerMetadata build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
