package org.mailsettings.jakarta;

import java.time.Duration;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;

/**
 * How {@link MailConnector#verify} runs: the overall deadline, how many logins at once, and the
 * stagger between starting one candidate and the next in rank order.
 */
@Value.Immutable
public abstract class VerifyOptions {
  private static final VerifyOptions DEFAULTS = new Builder().build();

  VerifyOptions() {}

  /** {@return a 30 s deadline, three logins at once, 250 ms stagger} */
  public static VerifyOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the time after which every attempt still running is reported as a timeout} */
  @Value.Default
  public Duration deadline() {
    return Duration.ofSeconds(30);
  }

  /** {@return how many candidates are tried at the same time} */
  @Value.Default
  public int parallelism() {
    return 3;
  }

  /** {@return the pause between starting one candidate and the next, so the best-ranked get a head start} */
  @Value.Default
  public Duration stagger() {
    return Duration.ofMillis(250);
  }

  /**
   * {@return whether to try every candidate even after the best-ranked working one is known (to show a
   * user which of them work)} Off by default: the call returns as soon as the best is known.
   */
  @Value.Default
  public boolean exhaustive() {
    return false;
  }

  /**
   * {@return the registrable domains of hosts the user confirmed (as {@link
   * org.mailsettings.Resolution#hostDomains()} lists them, such as {@code spoje.net}), or IP
   * addresses} A password goes to a candidate that {@linkplain
   * org.mailsettings.Trust#NEEDS_CONFIRMATION needs confirmation} only when its host's domain is
   * among them; and to a host at a loopback or private address only when its domain is among them
   * or the settings came from the application's own provider files. Otherwise the outcome is
   * {@link VerificationStatus#NOT_CONFIRMED} and no connection is made.
   */
  public abstract java.util.Set<String> confirmedDomains();

  @Value.Check
  void check() {
    if (deadline().isNegative() || deadline().isZero()) {
      throw new InvalidSettingsException("The deadline must be positive: " + deadline());
    }
    if (parallelism() < 1) {
      throw new InvalidSettingsException("Parallelism must be at least 1: " + parallelism());
    }
    if (stagger().isNegative()) {
      throw new InvalidSettingsException("The stagger cannot be negative: " + stagger());
    }
  }

  /** Builds {@link VerifyOptions}. */
  public static final class Builder extends ImmutableVerifyOptions.Builder {
    Builder() {}
  }
}
