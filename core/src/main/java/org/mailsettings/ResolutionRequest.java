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
  public static final class Builder extends ImmutableResolutionRequest.Builder {
    Builder() {}
  }
}
