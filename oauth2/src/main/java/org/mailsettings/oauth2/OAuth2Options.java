package org.mailsettings.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.immutables.value.Value;

/**
 * How an {@link OAuth2Client} talks to authorization servers and waits for the user: time and
 * size bounds of every HTTP exchange, the TLS context, the clock that decides when a token
 * expires, how long before expiry a token is refreshed, how long a sign-in may take, and the
 * threads that wait.
 */
@Value.Immutable
public abstract class OAuth2Options {

  OAuth2Options() {}

  /** {@return the defaults} */
  public static OAuth2Options defaults() {
    return builder().build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the bound of opening a connection to an authorization server} Default 10 s. */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * {@return the bound of one whole HTTP exchange with an authorization server, body included} Default 30 s.
   */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(30);
  }

  /** {@return the largest answer read from an authorization server, in bytes} Default 256 KiB. */
  @Value.Default
  public int maxResponseBytes() {
    return 256 * 1024;
  }

  /**
   * {@return the TLS context for the authorization servers (a private trust store, say); default the
   * JDK's} Endpoints are always {@code https} and their certificates always checked.
   */
  public abstract Optional<SSLContext> sslContext();

  /** {@return the clock that tells when an access token has expired} Default the system's (UTC). */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** {@return how long before its expiry an access token is refreshed} Default 60 s. */
  @Value.Default
  public Duration refreshSkew() {
    return Duration.ofSeconds(60);
  }

  /**
   * {@return the longest a sign-in may take: the loopback listener waits this long for the browser's
   * redirect, and the device grant polls at most this long (or until the provider's code
   * expires, if sooner)} Default 5 minutes.
   */
  @Value.Default
  public Duration signInTimeout() {
    return Duration.ofMinutes(5);
  }

  /**
   * {@return the threads that wait: the sign-in deadline, the device grant's polls and its token
   * requests, the browser's opening} Default: the client's own two daemon threads, stopped by
   * {@link OAuth2Client#close()}; a scheduler given here is the caller's and is not shut down.
   */
  public abstract Optional<ScheduledExecutorService> scheduler();

  @Value.Check
  void check() {
    requirePositive("connectTimeout", connectTimeout());
    requirePositive("readTimeout", readTimeout());
    requirePositive("signInTimeout", signInTimeout());
    if (refreshSkew().isNegative()) {
      throw new IllegalArgumentException("refreshSkew must not be negative: " + refreshSkew());
    }
    if (maxResponseBytes() < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024: " + maxResponseBytes());
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Builds {@link OAuth2Options}. */
  public static final class Builder extends ImmutableOAuth2Options.Builder {
    Builder() {}
  }
}
