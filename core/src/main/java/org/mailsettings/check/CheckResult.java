package org.mailsettings.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
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

  /** A builder; findings are put in order when it builds. */
  public static Builder builder() {
    return new Builder();
  }

  /** The form that was checked. */
  public abstract TypedSettings input();

  /** The address, when it could be read. */
  public abstract Optional<EmailAddress> address();

  /**
   * The settings as the library reads the form (a security label read with its port: "SSL" on 587
   * is STARTTLS), when host, port and security can be read.
   */
  public abstract Optional<ServerSettings> settings();

  /** The provider or hoster the form was compared with, when one is known. */
  public abstract Optional<Provider> provider();

  /** The provider's settings for the form's protocol, its preferred first; empty when none is known. */
  public abstract List<Candidate> providerSettings();

  /** The findings, errors first. */
  public abstract List<Finding> findings();

  /**
   * The settings to use, with every fix applied (the provider's closest server, the user name by
   * its rule, ...), when they can be built; equal to {@link #settings()} when nothing needs a fix.
   */
  public abstract Optional<ServerSettings> corrected();

  /** Whether an error-level finding remains: the settings cannot work as typed. */
  public boolean hasErrors() {
    return findings().stream().anyMatch(f -> f.severity().isError());
  }

  /** The findings of one severity, in order. */
  public List<Finding> findings(Severity severity) {
    return findings().stream().filter(f -> f.severity() == severity).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** The findings that concern one field, in order. */
  public List<Finding> findings(SettingsField field) {
    return findings().stream().filter(f -> f.field() == field).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** The first finding of a code, if any. */
  public Optional<Finding> find(FindingCode code) {
    return findings().stream().filter(f -> f.code() == code).findFirst();
  }

  /** Whether a finding of this code is among the findings. */
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
  public static final class Builder extends ImmutableCheckResult.Builder {
    Builder() {}
  }
}
