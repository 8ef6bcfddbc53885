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
  public static final class Builder {
    private final ImmutableVerifyOptions.Builder delegate = new ImmutableVerifyOptions.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code VerifyOptions} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(VerifyOptions instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link VerifyOptions#deadline() deadline} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link VerifyOptions#deadline() deadline}.</em>
     * @param deadline The value for deadline
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder deadline(Duration deadline) {
      delegate.deadline(deadline);
      return this;
    }

    /**
     * Initializes the value for the {@link VerifyOptions#parallelism() parallelism} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link VerifyOptions#parallelism() parallelism}.</em>
     * @param parallelism The value for parallelism
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder parallelism(int parallelism) {
      delegate.parallelism(parallelism);
      return this;
    }

    /**
     * Initializes the value for the {@link VerifyOptions#stagger() stagger} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link VerifyOptions#stagger() stagger}.</em>
     * @param stagger The value for stagger
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder stagger(Duration stagger) {
      delegate.stagger(stagger);
      return this;
    }

    /**
     * Initializes the value for the {@link VerifyOptions#exhaustive() exhaustive} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link VerifyOptions#exhaustive() exhaustive}.</em>
     * @param exhaustive The value for exhaustive
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder exhaustive(boolean exhaustive) {
      delegate.exhaustive(exhaustive);
      return this;
    }

    /**
     * Adds one element to {@link VerifyOptions#confirmedDomains() confirmedDomains} set.
     * @param element A confirmedDomains element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addConfirmedDomains(String element) {
      delegate.addConfirmedDomains(element);
      return this;
    }

    /**
     * Adds elements to {@link VerifyOptions#confirmedDomains() confirmedDomains} set.
     * @param elements An array of confirmedDomains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addConfirmedDomains(String... elements) {
      delegate.addConfirmedDomains(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link VerifyOptions#confirmedDomains() confirmedDomains} set.
     * @param elements An iterable of confirmedDomains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder confirmedDomains(Iterable<String> elements) {
      delegate.confirmedDomains(elements);
      return this;
    }

    /**
     * Adds elements to {@link VerifyOptions#confirmedDomains() confirmedDomains} set.
     * @param elements An iterable of confirmedDomains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllConfirmedDomains(Iterable<String> elements) {
      delegate.addAllConfirmedDomains(elements);
      return this;
    }

    /**
     * Builds a new {@link VerifyOptions VerifyOptions}.
     * @return An immutable instance of VerifyOptions
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public VerifyOptions build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new org.mailsettings.InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
