package org.mailsettings.oauth2;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The application's registration at one authorization server, made by {@link PublicOAuth2Client}
 * through RFC 7591 dynamic client registration and kept in a {@link RegistrationStore} to be used
 * again: the issuer, the client id it gave, the redirect URIs registered and the application's
 * {@code software_id}. A public client has no secret, so there is none here; nothing in it is
 * secret (the client id is sent in every authorization request the browser sees).
 */
@Value.Immutable
public abstract class RegisteredClient {

  RegisteredClient() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the key of a registration in a {@link RegistrationStore}: the issuer and the redirect URI,
   * {@code "https://auth.example.com/ http://127.0.0.1/"}}
   *
   * @param issuer the issuer identifier
   * @param redirectUri the redirect URI registered
   */
  public static String keyOf(String issuer, URI redirectUri) {
    return issuer + " " + redirectUri;
  }

  /** {@return the authorization server's issuer identifier, exactly as its metadata writes it} */
  public abstract String issuer();

  /** {@return the client id the server gave} */
  public abstract String clientId();

  /** {@return the redirect URIs registered} */
  public abstract List<URI> redirectUris();

  /** {@return the application's {@code software_id} at registration} */
  public abstract String softwareId();

  /** {@return when the server issued the client id ({@code client_id_issued_at}), when it said} */
  public abstract Optional<Instant> issuedAt();

  @Value.Check
  void check() {
    if (issuer().isBlank() || clientId().isBlank() || softwareId().isBlank()) {
      throw new IllegalArgumentException("A registration needs an issuer, a client id and a software id");
    }
    if (redirectUris().isEmpty()) {
      throw new IllegalArgumentException("A registration needs at least one redirect URI");
    }
  }

  @Override
  public String toString() {
    return "RegisteredClient[" + issuer() + ", client " + clientId() + ", redirect " + redirectUris() + "]";
  }

  /** Builds a {@link RegisteredClient}. */
  public static final class Builder {
    private final ImmutableRegisteredClient.Builder delegate = new ImmutableRegisteredClient.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code RegisteredClient} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(RegisteredClient instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link RegisteredClient#issuer() issuer} attribute.
     * @param issuer The value for issuer
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder issuer(String issuer) {
      delegate.issuer(issuer);
      return this;
    }

    /**
     * Initializes the value for the {@link RegisteredClient#clientId() clientId} attribute.
     * @param clientId The value for clientId
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clientId(String clientId) {
      delegate.clientId(clientId);
      return this;
    }

    /**
     * Adds one element to {@link RegisteredClient#redirectUris() redirectUris} list.
     * @param element A redirectUris element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addRedirectUris(URI element) {
      delegate.addRedirectUris(element);
      return this;
    }

    /**
     * Adds elements to {@link RegisteredClient#redirectUris() redirectUris} list.
     * @param elements An array of redirectUris elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addRedirectUris(URI... elements) {
      delegate.addRedirectUris(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link RegisteredClient#redirectUris() redirectUris} list.
     * @param elements An iterable of redirectUris elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder redirectUris(Iterable<? extends URI> elements) {
      delegate.redirectUris(elements);
      return this;
    }

    /**
     * Adds elements to {@link RegisteredClient#redirectUris() redirectUris} list.
     * @param elements An iterable of redirectUris elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllRedirectUris(Iterable<? extends URI> elements) {
      delegate.addAllRedirectUris(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link RegisteredClient#softwareId() softwareId} attribute.
     * @param softwareId The value for softwareId
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder softwareId(String softwareId) {
      delegate.softwareId(softwareId);
      return this;
    }

    /**
     * Initializes the optional value {@link RegisteredClient#issuedAt() issuedAt} to issuedAt.
     * @param issuedAt The value for issuedAt
     * @return {@code this} builder for chained invocation
     */
    public Builder issuedAt(Instant issuedAt) {
      delegate.issuedAt(issuedAt);
      return this;
    }

    /**
     * Initializes the optional value {@link RegisteredClient#issuedAt() issuedAt} to issuedAt.
     * @param issuedAt The value for issuedAt
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder issuedAt(Optional<? extends Instant> issuedAt) {
      delegate.issuedAt(issuedAt);
      return this;
    }

    /**
     * Builds a new {@link RegisteredClient RegisteredClient}.
     * @return An immutable instance of RegisteredClient
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public RegisteredClient build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
