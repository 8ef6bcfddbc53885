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
  public static final class Builder {
    private final ImmutableTokenSet.Builder delegate = new ImmutableTokenSet.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code TokenSet} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(TokenSet instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link TokenSet#accessToken() accessToken} attribute.
     * @param accessToken The value for accessToken
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder accessToken(String accessToken) {
      delegate.accessToken(accessToken);
      return this;
    }

    /**
     * Initializes the optional value {@link TokenSet#refreshToken() refreshToken} to refreshToken.
     * @param refreshToken The value for refreshToken
     * @return {@code this} builder for chained invocation
     */
    public Builder refreshToken(String refreshToken) {
      delegate.refreshToken(refreshToken);
      return this;
    }

    /**
     * Initializes the optional value {@link TokenSet#refreshToken() refreshToken} to refreshToken.
     * @param refreshToken The value for refreshToken
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder refreshToken(Optional<String> refreshToken) {
      delegate.refreshToken(refreshToken);
      return this;
    }

    /**
     * Initializes the optional value {@link TokenSet#expiresAt() expiresAt} to expiresAt.
     * @param expiresAt The value for expiresAt
     * @return {@code this} builder for chained invocation
     */
    public Builder expiresAt(Instant expiresAt) {
      delegate.expiresAt(expiresAt);
      return this;
    }

    /**
     * Initializes the optional value {@link TokenSet#expiresAt() expiresAt} to expiresAt.
     * @param expiresAt The value for expiresAt
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder expiresAt(Optional<? extends Instant> expiresAt) {
      delegate.expiresAt(expiresAt);
      return this;
    }

    /**
     * Adds one element to {@link TokenSet#scopes() scopes} list.
     * @param element A scopes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addScopes(String element) {
      delegate.addScopes(element);
      return this;
    }

    /**
     * Adds elements to {@link TokenSet#scopes() scopes} list.
     * @param elements An array of scopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addScopes(String... elements) {
      delegate.addScopes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link TokenSet#scopes() scopes} list.
     * @param elements An iterable of scopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder scopes(Iterable<String> elements) {
      delegate.scopes(elements);
      return this;
    }

    /**
     * Adds elements to {@link TokenSet#scopes() scopes} list.
     * @param elements An iterable of scopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllScopes(Iterable<String> elements) {
      delegate.addAllScopes(elements);
      return this;
    }

    /**
     * Builds a new {@link TokenSet TokenSet}.
     * @return An immutable instance of TokenSet
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public TokenSet build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
