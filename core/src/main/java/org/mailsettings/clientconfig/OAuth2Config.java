package org.mailsettings.clientconfig;

import java.util.Optional;
import org.immutables.value.Value;

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
  public static final class Builder extends ImmutableOAuth2Config.Builder {
    Builder() {}
  }
}
