package org.mailsettings;

import java.util.List;
import org.immutables.value.Value;
import org.mailsettings.internal.net.HostNames;

/**
 * What to resolve: an address, the MX hosts the caller already knows for its domain, and a
 * {@link ResolutionPolicy}.
 *
 * <p>MX hosts identify hosters: a hoster's customers keep their own domains, and only the MX
 * record says who serves them ({@code firma.cz} with MX {@code firma--cz.mx.spoje.net} is a
 * SPOJE.NET customer). An MX host the caller looked up in unsigned DNS could be forged, so
 * candidates found through it need the user's confirmation unless {@link #mxHostsAuthenticated()}.
 */
@Value.Immutable
public abstract class ResolutionRequest {

  ResolutionRequest() {}

  /**
   * {@return a request for the address with no MX hints and the default policy}
   *
   * @param address the e-mail address
   */
  public static ResolutionRequest of(EmailAddress address) {
    return builder().address(address).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the address to resolve} */
  public abstract EmailAddress address();

  /**
   * {@return MX hosts of the address's domain, the most preferred (lowest MX priority value) first,
   * normalised to lower-case ASCII}
   */
  public abstract List<String> mxHosts();

  /**
   * {@return whether the MX hosts are authenticated (DNSSEC-validated, or configured by the application
   * itself)} Off by default.
   */
  @Value.Default
  public boolean mxHostsAuthenticated() {
    return false;
  }

  /** {@return the policy; {@link ResolutionPolicy#defaults()} unless set} */
  @Value.Default
  public ResolutionPolicy policy() {
    return ResolutionPolicy.defaults();
  }

  @Value.Check
  ResolutionRequest normalise() {
    boolean changed = false;
    java.util.List<String> normalised = new java.util.ArrayList<>();
    for (String host : mxHosts()) {
      String ascii =
          HostNames.normalise(host)
              .filter(h -> !HostNames.isIpLiteral(h))
              .orElseThrow(() -> new InvalidSettingsException("\"" + host + "\" is not an MX host name"));
      changed |= !ascii.equals(host);
      normalised.add(ascii);
    }
    if (changed) {
      return builder().from(this).mxHosts(normalised).build();
    }
    return this;
  }

  /** Builds a {@link ResolutionRequest}. */
  public static final class Builder {
    private final ImmutableResolutionRequest.Builder delegate = new ImmutableResolutionRequest.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ResolutionRequest} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ResolutionRequest instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ResolutionRequest#address() address} attribute.
     * @param address The value for address
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder address(EmailAddress address) {
      delegate.address(address);
      return this;
    }

    /**
     * Adds one element to {@link ResolutionRequest#mxHosts() mxHosts} list.
     * @param element A mxHosts element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMxHosts(String element) {
      delegate.addMxHosts(element);
      return this;
    }

    /**
     * Adds elements to {@link ResolutionRequest#mxHosts() mxHosts} list.
     * @param elements An array of mxHosts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMxHosts(String... elements) {
      delegate.addMxHosts(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ResolutionRequest#mxHosts() mxHosts} list.
     * @param elements An iterable of mxHosts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mxHosts(Iterable<String> elements) {
      delegate.mxHosts(elements);
      return this;
    }

    /**
     * Adds elements to {@link ResolutionRequest#mxHosts() mxHosts} list.
     * @param elements An iterable of mxHosts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllMxHosts(Iterable<String> elements) {
      delegate.addAllMxHosts(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link ResolutionRequest#mxHostsAuthenticated() mxHostsAuthenticated} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ResolutionRequest#mxHostsAuthenticated() mxHostsAuthenticated}.</em>
     * @param mxHostsAuthenticated The value for mxHostsAuthenticated
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mxHostsAuthenticated(boolean mxHostsAuthenticated) {
      delegate.mxHostsAuthenticated(mxHostsAuthenticated);
      return this;
    }

    /**
     * Initializes the value for the {@link ResolutionRequest#policy() policy} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ResolutionRequest#policy() policy}.</em>
     * @param policy The value for policy
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder policy(ResolutionPolicy policy) {
      delegate.policy(policy);
      return this;
    }

    /**
     * Builds a new {@link ResolutionRequest ResolutionRequest}.
     * @return An immutable instance of ResolutionRequest
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ResolutionRequest build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
