package org.mailsettings.clientconfig;

import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;

/** The {@code oAuth2} block of a clientConfig document: where and how to get tokens. */
@Value.Immutable
public abstract class OAuth2Config {

  OAuth2Config() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the token issuer's host name, for example {@code accounts.google.com}} */
  public abstract Optional<String> issuer();

  /** {@return the space-separated scopes to request} */
  public abstract Optional<String> scope();

  /** {@return the authorization endpoint} */
  public abstract Optional<String> authUrl();

  /** {@return the token endpoint} */
  public abstract Optional<String> tokenUrl();

  /**
   * {@return the device authorization endpoint of RFC 8628, from the project's extension ({@code
   * <ms:deviceAuthURL>}): the draft has no element for it}
   */
  public abstract Optional<String> deviceAuthUrl();

  /** Builds an {@link OAuth2Config}. */
  public static final class Builder {
    private final ImmutableOAuth2Config.Builder delegate = new ImmutableOAuth2Config.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code OAuth2Config} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(OAuth2Config instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#issuer() issuer} to issuer.
     * @param issuer The value for issuer
     * @return {@code this} builder for chained invocation
     */
    public Builder issuer(String issuer) {
      delegate.issuer(issuer);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#issuer() issuer} to issuer.
     * @param issuer The value for issuer
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder issuer(Optional<String> issuer) {
      delegate.issuer(issuer);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#scope() scope} to scope.
     * @param scope The value for scope
     * @return {@code this} builder for chained invocation
     */
    public Builder scope(String scope) {
      delegate.scope(scope);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#scope() scope} to scope.
     * @param scope The value for scope
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder scope(Optional<String> scope) {
      delegate.scope(scope);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#authUrl() authUrl} to authUrl.
     * @param authUrl The value for authUrl
     * @return {@code this} builder for chained invocation
     */
    public Builder authUrl(String authUrl) {
      delegate.authUrl(authUrl);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#authUrl() authUrl} to authUrl.
     * @param authUrl The value for authUrl
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authUrl(Optional<String> authUrl) {
      delegate.authUrl(authUrl);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#tokenUrl() tokenUrl} to tokenUrl.
     * @param tokenUrl The value for tokenUrl
     * @return {@code this} builder for chained invocation
     */
    public Builder tokenUrl(String tokenUrl) {
      delegate.tokenUrl(tokenUrl);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#tokenUrl() tokenUrl} to tokenUrl.
     * @param tokenUrl The value for tokenUrl
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tokenUrl(Optional<String> tokenUrl) {
      delegate.tokenUrl(tokenUrl);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#deviceAuthUrl() deviceAuthUrl} to deviceAuthUrl.
     * @param deviceAuthUrl The value for deviceAuthUrl
     * @return {@code this} builder for chained invocation
     */
    public Builder deviceAuthUrl(String deviceAuthUrl) {
      delegate.deviceAuthUrl(deviceAuthUrl);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Config#deviceAuthUrl() deviceAuthUrl} to deviceAuthUrl.
     * @param deviceAuthUrl The value for deviceAuthUrl
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder deviceAuthUrl(Optional<String> deviceAuthUrl) {
      delegate.deviceAuthUrl(deviceAuthUrl);
      return this;
    }

    /**
     * Builds a new {@link OAuth2Config OAuth2Config}.
     * @return An immutable instance of OAuth2Config
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public OAuth2Config build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
