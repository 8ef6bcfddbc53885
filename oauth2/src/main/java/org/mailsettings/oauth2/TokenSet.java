package org.mailsettings.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tokens of one signed-in account: the access token that mail servers accept, the refresh
 * token that gets a new one without the user, when the access token expires, and the scopes
 * granted. This is what a {@link TokenStore} keeps; store it encrypted where the platform can.
 *
 * <p>{@link #toString()} never shows a token.
 */
@Value.Immutable
public abstract class TokenSet {

  TokenSet() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the access token (sent to the mail server with SASL XOAUTH2)} */
  public abstract String accessToken();

  /** {@return the refresh token, when the provider issued one} */
  public abstract Optional<String> refreshToken();

  /** {@return when the access token expires, when the provider said ({@code expires_in})} */
  public abstract Optional<Instant> expiresAt();

  /** {@return the scopes granted, when the provider said; else those requested} */
  public abstract List<String> scopes();

  /**
   * {@return whether the access token can still be used for {@code margin} from now on {@code clock}:
   * false once {@code now + margin} reaches {@link #expiresAt()}; true when the expiry is unknown}
   *
   * @param clock the clock
   * @param margin the margin
   */
  public boolean isUsable(Clock clock, Duration margin) {
    return expiresAt().map(expiry -> clock.instant().plus(margin).isBefore(expiry)).orElse(true);
  }

  @Value.Check
  void check() {
    if (accessToken().isEmpty()) {
      throw new IllegalArgumentException("The access token must not be empty");
    }
  }

  @Override
  public String toString() {
    return "TokenSet[access token=***, "
        + (refreshToken().isPresent() ? "refresh token=***" : "no refresh token")
        + expiresAt().map(e -> ", expires " + e).orElse(", expiry unknown")
        + ", scopes "
        + scopes()
        + "]";
  }

  /** Builds a {@link TokenSet}. */
  public static final class Builder extends ImmutableTokenSet.Builder {
    Builder() {}
  }
}
