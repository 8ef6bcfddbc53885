package org.mailsettings.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.ServerSettings;

/**
 * One thing the check found about the settings a user typed: a {@link FindingCode} with its
 * arguments, its {@linkplain #severity() severity}, the {@linkplain #field() field} it concerns,
 * the {@linkplain #evidence() evidence}, and, where there is one, the corrected settings to apply
 * with one call ({@link #fix()}, see {@link TypedSettings#apply}).
 *
 * <p>Applications switch on the code and show {@link #message(Locale)} beside the field; {@link
 * #toString()} is English, for logs.
 */
@Value.Immutable
public abstract class Finding {

  Finding() {}

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A finding of {@code code} with its arguments, each turned into text ({@link String#valueOf}).
   *
   * @param code the code
   * @param arguments the arguments, in the order the code documents
   * @return a finding of {@code code} with its arguments, each turned into text ({@link
   *     String#valueOf})
   */
  public static Finding of(FindingCode code, Object... arguments) {
    return builder().code(code).arguments(texts(arguments)).build();
  }

  static List<String> texts(Object... arguments) {
    List<String> texts = new ArrayList<>(arguments.length);
    for (Object argument : arguments) {
      texts.add(String.valueOf(argument));
    }
    return texts;
  }

  /**
   * What the finding says.
   *
   * @return what the finding says
   */
  public abstract FindingCode code();

  /**
   * The arguments, in the order the code's documentation gives.
   *
   * @return the arguments, in the order the code's documentation gives
   */
  public abstract List<String> arguments();

  /**
   * What the finding rests on.
   *
   * @return what the finding rests on
   */
  @Value.Default
  public Evidence evidence() {
    return Evidence.none();
  }

  /**
   * The settings to use instead, complete (the fields the finding concerns corrected, the others as
   * typed), when the check knows them. Apply them to the form with {@link TypedSettings#apply}.
   *
   * @return the settings to use instead, complete (the fields the finding concerns corrected, the
   *     others as typed), when the check knows them
   */
  public abstract Optional<ServerSettings> fix();

  /**
   * Whether the fix rests on something an attacker could forge (an unauthenticated MX host, a name
   * on a certificate), so that the user must confirm it before a password is sent there.
   *
   * @return whether the fix rests on something an attacker could forge (an unauthenticated MX host,
   *     a name on a certificate), so that the user must confirm it before a password is sent there
   */
  @Value.Default
  public boolean fixNeedsConfirmation() {
    return false;
  }

  /**
   * How bad it is: the code's severity.
   *
   * @return how bad it is: the code's severity
   */
  public Severity severity() {
    return code().severity();
  }

  /**
   * The field of the form it concerns: the code's field.
   *
   * @return the field of the form it concerns: the code's field
   */
  public SettingsField field() {
    return code().field();
  }

  /**
   * The finding in words for people in {@code locale}; English where the library has no bundle for it.
   *
   * @param locale the user's language
   * @return the finding in words for people in {@code locale}; English where the library has no
   *     bundle for it
   */
  public String message(Locale locale) {
    return Wording.library().message(this, locale);
  }

  @Value.Check
  void check() {
    if (arguments().size() != code().argumentCount()) {
      throw new InvalidSettingsException(
          code() + " takes " + code().argumentCount() + " arguments, not " + arguments().size());
    }
  }

  /** The severity, the field and the message in English. */
  @Override
  public String toString() {
    return severity() + " " + field() + " " + code() + ": " + message(Locale.ROOT)
        + fix().map(f -> " (fix: " + f.protocol() + " " + f.address() + " " + f.security() + " user=" + f.username() + ")").orElse("");
  }

  /** Builds a {@link Finding}. */
  public static final class Builder {
    private final ImmutableFinding.Builder delegate = new ImmutableFinding.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Finding} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(Finding instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link Finding#code() code} attribute.
     * @param code The value for code
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder code(FindingCode code) {
      delegate.code(code);
      return this;
    }

    /**
     * Adds one element to {@link Finding#arguments() arguments} list.
     * @param element A arguments element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addArguments(String element) {
      delegate.addArguments(element);
      return this;
    }

    /**
     * Adds elements to {@link Finding#arguments() arguments} list.
     * @param elements An array of arguments elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addArguments(String... elements) {
      delegate.addArguments(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Finding#arguments() arguments} list.
     * @param elements An iterable of arguments elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder arguments(Iterable<String> elements) {
      delegate.arguments(elements);
      return this;
    }

    /**
     * Adds elements to {@link Finding#arguments() arguments} list.
     * @param elements An iterable of arguments elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllArguments(Iterable<String> elements) {
      delegate.addAllArguments(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link Finding#evidence() evidence} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Finding#evidence() evidence}.</em>
     * @param evidence The value for evidence
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder evidence(Evidence evidence) {
      delegate.evidence(evidence);
      return this;
    }

    /**
     * Initializes the optional value {@link Finding#fix() fix} to fix.
     * @param fix The value for fix
     * @return {@code this} builder for chained invocation
     */
    public Builder fix(ServerSettings fix) {
      delegate.fix(fix);
      return this;
    }

    /**
     * Initializes the optional value {@link Finding#fix() fix} to fix.
     * @param fix The value for fix
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder fix(Optional<? extends ServerSettings> fix) {
      delegate.fix(fix);
      return this;
    }

    /**
     * Initializes the value for the {@link Finding#fixNeedsConfirmation() fixNeedsConfirmation} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link Finding#fixNeedsConfirmation() fixNeedsConfirmation}.</em>
     * @param fixNeedsConfirmation The value for fixNeedsConfirmation
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder fixNeedsConfirmation(boolean fixNeedsConfirmation) {
      delegate.fixNeedsConfirmation(fixNeedsConfirmation);
      return this;
    }

    /**
     * Builds a new {@link Finding Finding}.
     * @return An immutable instance of Finding
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public Finding build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
