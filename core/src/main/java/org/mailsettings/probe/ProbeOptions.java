package org.mailsettings.probe;

import java.time.Duration;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;

/**
 * How the {@link Prober} connects: timeouts, concurrency and the overall deadline. The TLS trust
 * and the threads are the client's ({@link org.mailsettings.MailSettingsResolver#prober}).
 */
@Value.Immutable
public abstract class ProbeOptions {
  private static final ProbeOptions DEFAULTS = new Builder().build();

  ProbeOptions() {}

  /** {@return the defaults: connect 3 s, read 5 s, 8 probes at once, a 15 s deadline for a batch} */
  public static ProbeOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the bound of one TCP connection} */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(3);
  }

  /** {@return the bound of each read} */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(5);
  }

  /** {@return how many candidates are probed at once} */
  @Value.Default
  public int concurrency() {
    return 8;
  }

  /** {@return the bound of a whole batch ({@link Prober#probeAll})} */
  @Value.Default
  public Duration deadline() {
    return Duration.ofSeconds(15);
  }

  /** {@return the name this client gives in SMTP {@code EHLO}} */
  @Value.Default
  public String clientName() {
    return "localhost";
  }

  @Value.Check
  void check() {
    if (concurrency() < 1) {
      throw new org.mailsettings.InvalidSettingsException("concurrency must be at least 1: " + concurrency());
    }
    for (Duration d : java.util.List.of(connectTimeout(), readTimeout(), deadline())) {
      if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
        throw new org.mailsettings.InvalidSettingsException("Probe timeouts must be positive: " + d);
      }
    }
  }

  /** Builds {@link ProbeOptions}. */
  public static final class Builder {
    private final ImmutableProbeOptions.Builder delegate = new ImmutableProbeOptions.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ProbeOptions} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ProbeOptions instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeOptions#connectTimeout() connectTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ProbeOptions#connectTimeout() connectTimeout}.</em>
     * @param connectTimeout The value for connectTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder connectTimeout(Duration connectTimeout) {
      delegate.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeOptions#readTimeout() readTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ProbeOptions#readTimeout() readTimeout}.</em>
     * @param readTimeout The value for readTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder readTimeout(Duration readTimeout) {
      delegate.readTimeout(readTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeOptions#concurrency() concurrency} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ProbeOptions#concurrency() concurrency}.</em>
     * @param concurrency The value for concurrency
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder concurrency(int concurrency) {
      delegate.concurrency(concurrency);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeOptions#deadline() deadline} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ProbeOptions#deadline() deadline}.</em>
     * @param deadline The value for deadline
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder deadline(Duration deadline) {
      delegate.deadline(deadline);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeOptions#clientName() clientName} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ProbeOptions#clientName() clientName}.</em>
     * @param clientName The value for clientName
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clientName(String clientName) {
      delegate.clientName(clientName);
      return this;
    }

    /**
     * Builds a new {@link ProbeOptions ProbeOptions}.
     * @return An immutable instance of ProbeOptions
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ProbeOptions build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
