package org.mailsettings;

import org.immutables.value.Value;

/**
 * How {@link MailSettingsResolver#discoverAll} runs: the discovery of each domain, how many
 * domains are discovered at once, whether results come back in input order, and how many
 * finished domains are remembered for later addresses of the same domain.
 *
 * <pre>{@code
 * BulkOptions options = BulkOptions.builder()
 *     .discovery(DiscoveryOptions.builder().deadline(Duration.ofSeconds(5)).build())
 *     .concurrency(128)
 *     .ordered(true)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class BulkOptions {
  private static final BulkOptions DEFAULTS = new Builder().build();

  BulkOptions() {}

  /** {@return default discovery, 64 domains at once, results as they complete, 10,000 domains remembered} */
  public static BulkOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return how each domain is discovered; {@link DiscoveryOptions#defaults()} unless set} */
  @Value.Default
  public DiscoveryOptions discovery() {
    return DiscoveryOptions.defaults();
  }

  /** {@return the policy every address is resolved with; {@link ResolutionPolicy#defaults()} unless set} */
  @Value.Default
  public ResolutionPolicy policy() {
    return ResolutionPolicy.defaults();
  }

  /**
   * {@return how many domains are discovered at once: 64 by default} Discovery waits on the network, not
   * on the processor, so this can be far above the number of cores; the client's own limits
   * ({@link MailSettingsResolver.Builder#maxConcurrentDiscoveries}) still apply.
   */
  @Value.Default
  public int concurrency() {
    return 64;
  }

  /**
   * {@return whether results come back in input order (a slow domain then holds back the results
   * after it, within a window of a few times {@link #concurrency()} addresses) or as they complete
   * (the default)}
   */
  @Value.Default
  public boolean ordered() {
    return false;
  }

  /**
   * {@return how many finished domains are remembered, so that a later address of the same domain
   * is answered without asking the network again: 10,000 by default} Memory stays bounded by it
   * however long the input is.
   */
  @Value.Default
  public int maxDomainsRemembered() {
    return 10_000;
  }

  @Value.Check
  void check() {
    if (concurrency() < 1 || concurrency() > 10_000) {
      throw new InvalidSettingsException("concurrency must be 1 to 10,000: " + concurrency());
    }
    if (maxDomainsRemembered() < 0) {
      throw new InvalidSettingsException("maxDomainsRemembered cannot be negative: " + maxDomainsRemembered());
    }
  }

  /** Builds {@link BulkOptions}. */
  public static final class Builder {
    private final ImmutableBulkOptions.Builder delegate = new ImmutableBulkOptions.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code BulkOptions} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(BulkOptions instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link BulkOptions#discovery() discovery} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link BulkOptions#discovery() discovery}.</em>
     * @param discovery The value for discovery
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder discovery(DiscoveryOptions discovery) {
      delegate.discovery(discovery);
      return this;
    }

    /**
     * Initializes the value for the {@link BulkOptions#policy() policy} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link BulkOptions#policy() policy}.</em>
     * @param policy The value for policy
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder policy(ResolutionPolicy policy) {
      delegate.policy(policy);
      return this;
    }

    /**
     * Initializes the value for the {@link BulkOptions#concurrency() concurrency} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link BulkOptions#concurrency() concurrency}.</em>
     * @param concurrency The value for concurrency
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder concurrency(int concurrency) {
      delegate.concurrency(concurrency);
      return this;
    }

    /**
     * Initializes the value for the {@link BulkOptions#ordered() ordered} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link BulkOptions#ordered() ordered}.</em>
     * @param ordered The value for ordered
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder ordered(boolean ordered) {
      delegate.ordered(ordered);
      return this;
    }

    /**
     * Initializes the value for the {@link BulkOptions#maxDomainsRemembered() maxDomainsRemembered} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link BulkOptions#maxDomainsRemembered() maxDomainsRemembered}.</em>
     * @param maxDomainsRemembered The value for maxDomainsRemembered
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxDomainsRemembered(int maxDomainsRemembered) {
      delegate.maxDomainsRemembered(maxDomainsRemembered);
      return this;
    }

    /**
     * Builds a new {@link BulkOptions BulkOptions}.
     * @return An immutable instance of BulkOptions
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public BulkOptions build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
