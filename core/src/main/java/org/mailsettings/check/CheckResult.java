package org.mailsettings.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Provider;
import org.mailsettings.ServerSettings;

/**
 * What the check found about one form: the findings, errors first, then warnings, then notes
 * (within a severity in the order of the form's fields), the settings as the library reads them,
 * the provider, and the corrected settings with every fix applied.
 */
@Value.Immutable
public abstract class CheckResult {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity).thenComparing(Finding::field);

  CheckResult() {}

  /**
   * A builder; findings are put in order when it builds.
   *
   * @return a builder; findings are put in order when it builds
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The form that was checked.
   *
   * @return the form that was checked
   */
  public abstract TypedSettings input();

  /**
   * The address, when it could be read.
   *
   * @return the address, when it could be read
   */
  public abstract Optional<EmailAddress> address();

  /**
   * The settings as the library reads the form (a security label read with its port: "SSL" on 587
   * is STARTTLS), when host, port and security can be read.
   *
   * @return the settings as the library reads the form (a security label read with its port: "SSL"
   *     on 587 is STARTTLS), when host, port and security can be read
   */
  public abstract Optional<ServerSettings> settings();

  /**
   * The provider or hoster the form was compared with, when one is known.
   *
   * @return the provider or hoster the form was compared with, when one is known
   */
  public abstract Optional<Provider> provider();

  /**
   * The provider's settings for the form's protocol, its preferred first; empty when none is known.
   *
   * @return the provider's settings for the form's protocol, its preferred first; empty when none
   *     is known
   */
  public abstract List<Candidate> providerSettings();

  /**
   * The findings, errors first.
   *
   * @return the findings, errors first
   */
  public abstract List<Finding> findings();

  /**
   * The settings to use, with every fix applied (the provider's closest server, the user name by
   * its rule, ...), when they can be built; equal to {@link #settings()} when nothing needs a fix.
   *
   * @return the settings to use, with every fix applied (the provider's closest server, the user
   *     name by its rule, ...), when they can be built; equal to {@link #settings()} when nothing
   *     needs a fix
   */
  public abstract Optional<ServerSettings> corrected();

  /**
   * Whether an error-level finding remains: the settings cannot work as typed.
   *
   * @return whether an error-level finding remains: the settings cannot work as typed
   */
  public boolean hasErrors() {
    return findings().stream().anyMatch(f -> f.severity().isError());
  }

  /**
   * The findings of one severity, in order.
   *
   * @param severity the severity
   * @return the findings of one severity, in order
   */
  public List<Finding> findings(Severity severity) {
    return findings().stream().filter(f -> f.severity() == severity).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * The findings that concern one field, in order.
   *
   * @param field the field of the form
   * @return the findings that concern one field, in order
   */
  public List<Finding> findings(SettingsField field) {
    return findings().stream().filter(f -> f.field() == field).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * The first finding of a code, if any.
   *
   * @param code the code
   * @return the first finding of a code, if any
   */
  public Optional<Finding> find(FindingCode code) {
    return findings().stream().filter(f -> f.code() == code).findFirst();
  }

  /**
   * Whether a finding of this code is among the findings.
   *
   * @param code the code
   * @return whether a finding of this code is among the findings
   */
  public boolean has(FindingCode code) {
    return find(code).isPresent();
  }

  @Value.Check
  CheckResult order() {
    List<Finding> sorted = new ArrayList<>(findings());
    sorted.sort(ORDER); // stable: the check's own order within a severity and field
    if (!sorted.equals(findings())) {
      return builder().from(this).findings(sorted).build();
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(input());
    for (Finding finding : findings()) {
      text.append("\n  ").append(finding);
    }
    corrected().ifPresent(c -> text.append("\n  corrected: ").append(c));
    return text.toString();
  }

  /** Builds a {@link CheckResult}. */
  public static final class Builder {
    private final ImmutableCheckResult.Builder delegate = new ImmutableCheckResult.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code CheckResult} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(CheckResult instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link CheckResult#input() input} attribute.
     * @param input The value for input
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder input(TypedSettings input) {
      delegate.input(input);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#address() address} to address.
     * @param address The value for address
     * @return {@code this} builder for chained invocation
     */
    public Builder address(EmailAddress address) {
      delegate.address(address);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#address() address} to address.
     * @param address The value for address
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder address(Optional<? extends EmailAddress> address) {
      delegate.address(address);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#settings() settings} to settings.
     * @param settings The value for settings
     * @return {@code this} builder for chained invocation
     */
    public Builder settings(ServerSettings settings) {
      delegate.settings(settings);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#settings() settings} to settings.
     * @param settings The value for settings
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder settings(Optional<? extends ServerSettings> settings) {
      delegate.settings(settings);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#provider() provider} to provider.
     * @param provider The value for provider
     * @return {@code this} builder for chained invocation
     */
    public Builder provider(Provider provider) {
      delegate.provider(provider);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#provider() provider} to provider.
     * @param provider The value for provider
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder provider(Optional<? extends Provider> provider) {
      delegate.provider(provider);
      return this;
    }

    /**
     * Adds one element to {@link CheckResult#providerSettings() providerSettings} list.
     * @param element A providerSettings element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addProviderSettings(Candidate element) {
      delegate.addProviderSettings(element);
      return this;
    }

    /**
     * Adds elements to {@link CheckResult#providerSettings() providerSettings} list.
     * @param elements An array of providerSettings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addProviderSettings(Candidate... elements) {
      delegate.addProviderSettings(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link CheckResult#providerSettings() providerSettings} list.
     * @param elements An iterable of providerSettings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder providerSettings(Iterable<? extends Candidate> elements) {
      delegate.providerSettings(elements);
      return this;
    }

    /**
     * Adds elements to {@link CheckResult#providerSettings() providerSettings} list.
     * @param elements An iterable of providerSettings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllProviderSettings(Iterable<? extends Candidate> elements) {
      delegate.addAllProviderSettings(elements);
      return this;
    }

    /**
     * Adds one element to {@link CheckResult#findings() findings} list.
     * @param element A findings element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addFindings(Finding element) {
      delegate.addFindings(element);
      return this;
    }

    /**
     * Adds elements to {@link CheckResult#findings() findings} list.
     * @param elements An array of findings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addFindings(Finding... elements) {
      delegate.addFindings(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link CheckResult#findings() findings} list.
     * @param elements An iterable of findings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder findings(Iterable<? extends Finding> elements) {
      delegate.findings(elements);
      return this;
    }

    /**
     * Adds elements to {@link CheckResult#findings() findings} list.
     * @param elements An iterable of findings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllFindings(Iterable<? extends Finding> elements) {
      delegate.addAllFindings(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#corrected() corrected} to corrected.
     * @param corrected The value for corrected
     * @return {@code this} builder for chained invocation
     */
    public Builder corrected(ServerSettings corrected) {
      delegate.corrected(corrected);
      return this;
    }

    /**
     * Initializes the optional value {@link CheckResult#corrected() corrected} to corrected.
     * @param corrected The value for corrected
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder corrected(Optional<? extends ServerSettings> corrected) {
      delegate.corrected(corrected);
      return this;
    }

    /**
     * Builds a new {@link CheckResult CheckResult}.
     * @return An immutable instance of CheckResult
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public CheckResult build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
