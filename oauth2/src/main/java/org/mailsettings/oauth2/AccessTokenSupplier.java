package org.mailsettings.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.SignInRequiredException;

/**
 * The access token of one account, always fresh: what {@link Credentials#oauth2(Supplier)} asks
 * on every connection. A token that expires within the {@linkplain OAuth2Options#refreshSkew()
 * skew} is refreshed first (with the refresh token, without the user), once for any number of
 * callers waiting at the same time, and the new tokens are saved in the {@link TokenStore}.
 *
 * <p>When there is no way to a token without the user, {@link #get()} throws {@link
 * SignInRequiredException}: nobody signed in, the access token expired and there is no refresh
 * token, or the provider refused the refresh token ({@code invalid_grant}: revoked, expired,
 * password changed; the stored tokens are then deleted). {@link
 * org.mailsettings.jakarta.MailConnector#verify} reports that as {@link
 * org.mailsettings.jakarta.VerificationStatus#SIGN_IN_REQUIRED}. Other failures of a refresh
 * (the provider unreachable) throw {@link OAuth2Exception}; the next call tries again.
 *
 * <p>Thread-safe. {@link #toString()} never shows a token.
 */
public final class AccessTokenSupplier implements Supplier<String> {
  private final String key;
  private final TokenStore store;
  private final Clock clock;
  private final Duration skew;
  private final UnaryOperator<TokenSet> refresher;
  private final AtomicReference<@Nullable CompletableFuture<TokenSet>> inFlight = new AtomicReference<>();
  private volatile @Nullable TokenSet current;
  private volatile boolean stale;

  AccessTokenSupplier(String key, TokenStore store, Clock clock, Duration skew, UnaryOperator<TokenSet> refresher) {
    this.key = key;
    this.store = store;
    this.clock = clock;
    this.skew = skew;
    this.refresher = refresher;
  }

  /**
   * A usable access token, refreshed first when needed.
   *
   * @throws SignInRequiredException when only the user can get a new one (see the class)
   * @throws OAuth2Exception when a needed refresh failed otherwise
   */
  @Override
  public String get() {
    TokenSet tokens = current;
    if (tokens != null && !stale && tokens.isUsable(clock, skew)) {
      return tokens.accessToken();
    }
    return fresh().accessToken();
  }

  /**
   * Forgets the current access token, so that the next {@link #get()} refreshes it: for a
   * server that refused a token the clock still calls valid.
   */
  public void invalidate() {
    stale = true;
  }

  /** Sets the tokens of a new sign-in (already saved in the store). */
  void signedIn(TokenSet tokens) {
    current = tokens;
    stale = false;
  }

  /** Forgets the tokens (already deleted from the store). */
  void signedOut() {
    current = null;
    stale = false;
  }

  /** The one refresh all current callers wait for. */
  private TokenSet fresh() {
    while (true) {
      CompletableFuture<TokenSet> running = inFlight.get();
      if (running != null) {
        return await(running);
      }
      CompletableFuture<TokenSet> mine = new CompletableFuture<>();
      if (!inFlight.compareAndSet(null, mine)) {
        continue;
      }
      try {
        mine.complete(refreshIfNeeded());
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
      } finally {
        inFlight.set(null);
      }
      return await(mine);
    }
  }

  private TokenSet refreshIfNeeded() {
    TokenSet tokens = current;
    if (tokens == null) {
      tokens = store.load(key).orElseThrow(() -> new SignInRequiredException("Not signed in to " + key + ": sign in first"));
      current = tokens;
    }
    if (!stale && tokens.isUsable(clock, skew)) {
      return tokens; // another caller's refresh just finished, or the store had fresh tokens
    }
    if (tokens.refreshToken().isEmpty()) {
      throw new SignInRequiredException("The access token for " + key + " has expired and there is no refresh token: sign in again");
    }
    TokenSet refreshed;
    try {
      refreshed = refresher.apply(tokens);
    } catch (OAuth2Exception e) {
      if (e.reason() == OAuth2Exception.Reason.INVALID_GRANT) {
        store.delete(key);
        current = null;
        stale = false;
        throw new SignInRequiredException(
            "The provider no longer accepts the sign-in of " + key + " (revoked or expired): sign in again", e);
      }
      throw e;
    }
    store.save(key, refreshed);
    current = refreshed;
    stale = false;
    return refreshed;
  }

  private static TokenSet await(CompletableFuture<TokenSet> refresh) {
    try {
      return refresh.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting for a token refresh");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("The token refresh failed", cause);
    }
  }

  @Override
  public String toString() {
    TokenSet tokens = current;
    return "AccessTokenSupplier[" + key + ", " + (tokens == null ? "no tokens loaded" : tokens.toString()) + "]";
  }
}
