package org.mailsettings.jakarta;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;

/**
 * How sessions are built: timeouts (Jakarta Mail's own default is to wait forever), the TLS
 * trust (the JDK's trusted authorities unless the application gives its own), default TLS
 * versions, and whether plaintext connections are allowed at all.
 *
 * <p>There is deliberately no way to trust every certificate: give the private authority's
 * certificate with {@link Builder#trustStore(KeyStore)} instead.
 *
 * <pre>{@code
 * MailOptions options = MailOptions.builder()
 *     .readTimeout(Duration.ofSeconds(60))
 *     .trustStore(companyCaStore)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class MailOptions {
  private static final MailOptions DEFAULTS = new Builder().build();

  MailOptions() {}

  /** {@return the defaults: connect 10 s, read 30 s, write 30 s, the JDK's trust, TLS 1.3 and 1.2, no plaintext} */
  public static MailOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options.
   *
   * @return this builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.from(this);
    return builder;
  }

  /** {@return how long to wait for a TCP connection} */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /** {@return how long to wait for each read from the server} */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(30);
  }

  /** {@return how long a write to the server may block} */
  @Value.Default
  public Duration writeTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * {@return the bound of a whole connection and login ({@link MailConnector#connectStore}, {@link
   * MailConnector#connectTransport}, one attempt of {@link MailConnector#verify}): a server that
   * trickles its greeting a byte at a time within every read timeout is cut off here} 60 s by
   * default.
   */
  @Value.Default
  public Duration connectDeadline() {
    return Duration.ofSeconds(60);
  }

  /**
   * {@return how much a server may send before the login is over: 1 MiB by default, far more than any
   * greeting and capability list} A server that sends an endless greeting is cut off here.
   */
  @Value.Default
  public long maxBytesBeforeLogin() {
    return 1 << 20;
  }

  /**
   * {@return the TLS context to use (private authorities, client certificates, tests); the JDK's default
   * when absent, or the client's when the connector was made from one} Host names are always
   * verified, whatever the context.
   */
  public abstract Optional<SSLContext> sslContext();

  /**
   * {@return the TLS versions used when the settings name none ({@link
   * org.mailsettings.ServerSettings#tlsVersions()}): TLS 1.3 and 1.2}
   */
  @Value.Default
  public List<String> defaultTlsVersions() {
    return List.of("TLSv1.3", "TLSv1.2");
  }

  /**
   * {@return whether settings with {@link org.mailsettings.Security#NONE} may be used} Off by default;
   * with it off, building a session for such settings throws {@link InsecureSettingsException}.
   */
  @Value.Default
  public boolean plaintextAllowed() {
    return false;
  }

  @Value.Check
  void check() {
    for (Duration timeout : List.of(connectTimeout(), readTimeout(), writeTimeout(), connectDeadline())) {
      if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
        throw new InvalidSettingsException("Timeouts must be positive and at most 24 days: " + timeout);
      }
    }
    if (maxBytesBeforeLogin() < 1024) {
      throw new InvalidSettingsException("maxBytesBeforeLogin must be at least 1024: " + maxBytesBeforeLogin());
    }
    if (defaultTlsVersions().isEmpty()) {
      throw new InvalidSettingsException("At least one default TLS version is needed");
    }
  }

  /** Builds {@link MailOptions}. */
  public static final class Builder {
    private final ImmutableMailOptions.Builder delegate = new ImmutableMailOptions.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code MailOptions} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(MailOptions instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link MailOptions#connectTimeout() connectTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link MailOptions#connectTimeout() connectTimeout}.</em>
     * @param connectTimeout The value for connectTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder connectTimeout(Duration connectTimeout) {
      delegate.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link MailOptions#readTimeout() readTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link MailOptions#readTimeout() readTimeout}.</em>
     * @param readTimeout The value for readTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder readTimeout(Duration readTimeout) {
      delegate.readTimeout(readTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link MailOptions#writeTimeout() writeTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link MailOptions#writeTimeout() writeTimeout}.</em>
     * @param writeTimeout The value for writeTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder writeTimeout(Duration writeTimeout) {
      delegate.writeTimeout(writeTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link MailOptions#connectDeadline() connectDeadline} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link MailOptions#connectDeadline() connectDeadline}.</em>
     * @param connectDeadline The value for connectDeadline
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder connectDeadline(Duration connectDeadline) {
      delegate.connectDeadline(connectDeadline);
      return this;
    }

    /**
     * Initializes the value for the {@link MailOptions#maxBytesBeforeLogin() maxBytesBeforeLogin} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link MailOptions#maxBytesBeforeLogin() maxBytesBeforeLogin}.</em>
     * @param maxBytesBeforeLogin The value for maxBytesBeforeLogin
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxBytesBeforeLogin(long maxBytesBeforeLogin) {
      delegate.maxBytesBeforeLogin(maxBytesBeforeLogin);
      return this;
    }

    /**
     * Initializes the optional value {@link MailOptions#sslContext() sslContext} to sslContext.
     * @param sslContext The value for sslContext
     * @return {@code this} builder for chained invocation
     */
    public Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    /**
     * Initializes the optional value {@link MailOptions#sslContext() sslContext} to sslContext.
     * @param sslContext The value for sslContext
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder sslContext(Optional<? extends SSLContext> sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    /**
     * Adds one element to {@link MailOptions#defaultTlsVersions() defaultTlsVersions} list.
     * @param element A defaultTlsVersions element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDefaultTlsVersions(String element) {
      delegate.addDefaultTlsVersions(element);
      return this;
    }

    /**
     * Adds elements to {@link MailOptions#defaultTlsVersions() defaultTlsVersions} list.
     * @param elements An array of defaultTlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDefaultTlsVersions(String... elements) {
      delegate.addDefaultTlsVersions(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link MailOptions#defaultTlsVersions() defaultTlsVersions} list.
     * @param elements An iterable of defaultTlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder defaultTlsVersions(Iterable<String> elements) {
      delegate.defaultTlsVersions(elements);
      return this;
    }

    /**
     * Adds elements to {@link MailOptions#defaultTlsVersions() defaultTlsVersions} list.
     * @param elements An iterable of defaultTlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllDefaultTlsVersions(Iterable<String> elements) {
      delegate.addAllDefaultTlsVersions(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link MailOptions#plaintextAllowed() plaintextAllowed} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link MailOptions#plaintextAllowed() plaintextAllowed}.</em>
     * @param plaintextAllowed The value for plaintextAllowed
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder plaintextAllowed(boolean plaintextAllowed) {
      delegate.plaintextAllowed(plaintextAllowed);
      return this;
    }

    /**
     * Builds a new {@link MailOptions MailOptions}.
     * @return An immutable instance of MailOptions
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public MailOptions build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new org.mailsettings.InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }

    /**
     * Trusts the certificate authorities in {@code trustStore} (instead of the JDK's), by
     * building an {@link SSLContext} from it.
     *
     * @param trustStore the trust store
     * @return this builder
     * @throws IllegalArgumentException if no TLS context can be built from the store
     */
    public Builder trustStore(KeyStore trustStore) {
      try {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        sslContext(context);
        return this;
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("Cannot build a TLS context from the trust store: " + e.getMessage(), e);
      }
    }
    }

}
