package org.mailsettings.check;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.ServerSettings;
import org.mailsettings.internal.text.Texts;
import org.mailsettings.probe.ProbeResult;

/**
 * What a {@link Finding} rests on: the provider's settings it compared the form with, or what a
 * probe or a login saw (the probe's result, the server's reply, the certificate's names, a
 * technical detail). Text from servers is made safe to show (control and bidirectional formatting
 * characters replaced).
 */
@Value.Immutable
public abstract class Evidence {
  private static final Evidence NONE = new Builder().build();

  Evidence() {}

  /**
   * No evidence beyond the form itself.
   *
   * @return no evidence beyond the form itself
   */
  public static Evidence none() {
    return NONE;
  }

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The provider's settings for the protocol that the form was compared with, the provider's preferred first.
   *
   * @return the provider's settings for the protocol that the form was compared with, the
   *     provider's preferred first
   */
  public abstract List<ServerSettings> providerSettings();

  /**
   * What probing the server without credentials showed.
   *
   * @return what probing the server without credentials showed
   */
  public abstract Optional<ProbeResult> probe();

  /**
   * The server's own words on the login, safe to show.
   *
   * @return the server's own words on the login, safe to show
   */
  public abstract Optional<String> serverReply();

  /**
   * The names the server's certificate is valid for, when they matter.
   *
   * @return the names the server's certificate is valid for, when they matter
   */
  public abstract List<String> certificateNames();

  /**
   * A technical detail for logs and support (an exception's message), in English.
   *
   * @return a technical detail for logs and support (an exception's message), in English
   */
  public abstract Optional<String> detail();

  @Value.Check
  Evidence safe() {
    Optional<String> reply = serverReply().map(Texts::safe);
    Optional<String> safeDetail = detail().map(Texts::safe);
    if (!reply.equals(serverReply()) || !safeDetail.equals(detail())) {
      return builder().from(this).serverReply(reply).detail(safeDetail).build();
    }
    return this;
  }

  /** Builds {@link Evidence}. */
  public static final class Builder {
    private final ImmutableEvidence.Builder delegate = new ImmutableEvidence.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Evidence} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(Evidence instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Adds one element to {@link Evidence#providerSettings() providerSettings} list.
     * @param element A providerSettings element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addProviderSettings(ServerSettings element) {
      delegate.addProviderSettings(element);
      return this;
    }

    /**
     * Adds elements to {@link Evidence#providerSettings() providerSettings} list.
     * @param elements An array of providerSettings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addProviderSettings(ServerSettings... elements) {
      delegate.addProviderSettings(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Evidence#providerSettings() providerSettings} list.
     * @param elements An iterable of providerSettings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder providerSettings(Iterable<? extends ServerSettings> elements) {
      delegate.providerSettings(elements);
      return this;
    }

    /**
     * Adds elements to {@link Evidence#providerSettings() providerSettings} list.
     * @param elements An iterable of providerSettings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllProviderSettings(Iterable<? extends ServerSettings> elements) {
      delegate.addAllProviderSettings(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link Evidence#probe() probe} to probe.
     * @param probe The value for probe
     * @return {@code this} builder for chained invocation
     */
    public Builder probe(ProbeResult probe) {
      delegate.probe(probe);
      return this;
    }

    /**
     * Initializes the optional value {@link Evidence#probe() probe} to probe.
     * @param probe The value for probe
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder probe(Optional<? extends ProbeResult> probe) {
      delegate.probe(probe);
      return this;
    }

    /**
     * Initializes the optional value {@link Evidence#serverReply() serverReply} to serverReply.
     * @param serverReply The value for serverReply
     * @return {@code this} builder for chained invocation
     */
    public Builder serverReply(String serverReply) {
      delegate.serverReply(serverReply);
      return this;
    }

    /**
     * Initializes the optional value {@link Evidence#serverReply() serverReply} to serverReply.
     * @param serverReply The value for serverReply
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder serverReply(Optional<String> serverReply) {
      delegate.serverReply(serverReply);
      return this;
    }

    /**
     * Adds one element to {@link Evidence#certificateNames() certificateNames} list.
     * @param element A certificateNames element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCertificateNames(String element) {
      delegate.addCertificateNames(element);
      return this;
    }

    /**
     * Adds elements to {@link Evidence#certificateNames() certificateNames} list.
     * @param elements An array of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCertificateNames(String... elements) {
      delegate.addCertificateNames(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Evidence#certificateNames() certificateNames} list.
     * @param elements An iterable of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder certificateNames(Iterable<String> elements) {
      delegate.certificateNames(elements);
      return this;
    }

    /**
     * Adds elements to {@link Evidence#certificateNames() certificateNames} list.
     * @param elements An iterable of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllCertificateNames(Iterable<String> elements) {
      delegate.addAllCertificateNames(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link Evidence#detail() detail} to detail.
     * @param detail The value for detail
     * @return {@code this} builder for chained invocation
     */
    public Builder detail(String detail) {
      delegate.detail(detail);
      return this;
    }

    /**
     * Initializes the optional value {@link Evidence#detail() detail} to detail.
     * @param detail The value for detail
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder detail(Optional<String> detail) {
      delegate.detail(detail);
      return this;
    }

    /**
     * Builds a new {@link Evidence Evidence}.
     * @return An immutable instance of Evidence
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public Evidence build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
