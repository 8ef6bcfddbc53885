package org.mailsettings.oauth2;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The application's own registration with a provider: its client id, the client secret where
 * the provider issues one to desktop applications (Google does, and does not treat it as
 * secret; Microsoft's public clients have none), and the path of the loopback redirect URI. The
 * library ships no client ids: every application registers its own.
 *
 * <p>{@link #toString()} never shows the secret.
 */
@Value.Immutable
public abstract class ClientRegistration {

  ClientRegistration() {}

  /**
   * {@return a public client (no secret), with the redirect path {@code /}}
   *
   * @param clientId the client id
   */
  public static ClientRegistration of(String clientId) {
    return builder().clientId(clientId).build();
  }

  /**
   * {@return a client with a secret, with the redirect path {@code /}}
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   */
  public static ClientRegistration of(String clientId, String clientSecret) {
    return builder().clientId(clientId).clientSecret(clientSecret).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the client id the provider gave the application} */
  public abstract String clientId();

  /** {@return the client secret, for providers that give desktop applications one} */
  public abstract Optional<String> clientSecret();

  /**
   * {@return the path of the loopback redirect URI {@code http://127.0.0.1:PORT/PATH} (the port is chosen
   * anew for every sign-in, as RFC 8252 section 7.3 allows)} Register the URI with this path
   * (Microsoft matches it; Google accepts any path on the loopback address). Default {@code /}.
   */
  @Value.Default
  public String redirectPath() {
    return "/";
  }

  @Value.Check
  void check() {
    if (clientId().isBlank()) {
      throw new IllegalArgumentException("The client id must not be blank");
    }
    if (clientSecret().isPresent() && clientSecret().get().isEmpty()) {
      throw new IllegalArgumentException("The client secret must not be empty; leave it out for a public client");
    }
    String path = redirectPath();
    if (!path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '?' && c != '#' && c != '%')) {
      throw new IllegalArgumentException("The redirect path must start with / and hold no query, fragment or escape: " + path);
    }
  }

  @Override
  public String toString() {
    return "ClientRegistration[" + clientId() + (clientSecret().isPresent() ? ", secret=***" : "") + ", redirect path " + redirectPath() + "]";
  }

  /** Builds a {@link ClientRegistration}. */
  public static final class Builder {
    private final ImmutableClientRegistration.Builder delegate = new ImmutableClientRegistration.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ClientRegistration} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ClientRegistration instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ClientRegistration#clientId() clientId} attribute.
     * @param clientId The value for clientId
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clientId(String clientId) {
      delegate.clientId(clientId);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientRegistration#clientSecret() clientSecret} to clientSecret.
     * @param clientSecret The value for clientSecret
     * @return {@code this} builder for chained invocation
     */
    public Builder clientSecret(String clientSecret) {
      delegate.clientSecret(clientSecret);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientRegistration#clientSecret() clientSecret} to clientSecret.
     * @param clientSecret The value for clientSecret
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clientSecret(Optional<String> clientSecret) {
      delegate.clientSecret(clientSecret);
      return this;
    }

    /**
     * Initializes the value for the {@link ClientRegistration#redirectPath() redirectPath} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ClientRegistration#redirectPath() redirectPath}.</em>
     * @param redirectPath The value for redirectPath
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder redirectPath(String redirectPath) {
      delegate.redirectPath(redirectPath);
      return this;
    }

    /**
     * Builds a new {@link ClientRegistration ClientRegistration}.
     * @return An immutable instance of ClientRegistration
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ClientRegistration build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
