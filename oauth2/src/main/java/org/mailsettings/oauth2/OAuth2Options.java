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
  public static final class Builder {
    private final ImmutableOAuth2Options.Builder delegate = new ImmutableOAuth2Options.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code OAuth2Options} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(OAuth2Options instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Options#connectTimeout() connectTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link OAuth2Options#connectTimeout() connectTimeout}.</em>
     * @param connectTimeout The value for connectTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder connectTimeout(Duration connectTimeout) {
      delegate.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Options#readTimeout() readTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link OAuth2Options#readTimeout() readTimeout}.</em>
     * @param readTimeout The value for readTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder readTimeout(Duration readTimeout) {
      delegate.readTimeout(readTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Options#maxResponseBytes() maxResponseBytes} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link OAuth2Options#maxResponseBytes() maxResponseBytes}.</em>
     * @param maxResponseBytes The value for maxResponseBytes
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      delegate.maxResponseBytes(maxResponseBytes);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Options#sslContext() sslContext} to sslContext.
     * @param sslContext The value for sslContext
     * @return {@code this} builder for chained invocation
     */
    public Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Options#sslContext() sslContext} to sslContext.
     * @param sslContext The value for sslContext
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder sslContext(Optional<? extends SSLContext> sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Options#clock() clock} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link OAuth2Options#clock() clock}.</em>
     * @param clock The value for clock
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clock(Clock clock) {
      delegate.clock(clock);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Options#refreshSkew() refreshSkew} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link OAuth2Options#refreshSkew() refreshSkew}.</em>
     * @param refreshSkew The value for refreshSkew
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder refreshSkew(Duration refreshSkew) {
      delegate.refreshSkew(refreshSkew);
      return this;
    }

    /**
     * Initializes the value for the {@link OAuth2Options#signInTimeout() signInTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link OAuth2Options#signInTimeout() signInTimeout}.</em>
     * @param signInTimeout The value for signInTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder signInTimeout(Duration signInTimeout) {
      delegate.signInTimeout(signInTimeout);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Options#scheduler() scheduler} to scheduler.
     * @param scheduler The value for scheduler
     * @return {@code this} builder for chained invocation
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      delegate.scheduler(scheduler);
      return this;
    }

    /**
     * Initializes the optional value {@link OAuth2Options#scheduler() scheduler} to scheduler.
     * @param scheduler The value for scheduler
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder scheduler(Optional<? extends ScheduledExecutorService> scheduler) {
      delegate.scheduler(scheduler);
      return this;
    }

    /**
     * Builds a new {@link OAuth2Options OAuth2Options}.
     * @return An immutable instance of OAuth2Options
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public OAuth2Options build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
