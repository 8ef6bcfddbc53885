package org.mailsettings.probe;

import java.time.Duration;
import org.immutables.value.Value;

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
  public static final class Builder extends ImmutableProbeOptions.Builder {
    Builder() {}
  }
}
