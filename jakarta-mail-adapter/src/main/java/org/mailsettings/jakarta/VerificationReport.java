package org.mailsettings.jakarta;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link MailConnector#verify} found: an outcome for every candidate tried, in the order
 * the candidates were given (their rank), and the best working one.
 */
@Value.Immutable
public abstract class VerificationReport {

  VerificationReport() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the outcomes of the candidates tried, in rank order} */
  public abstract List<VerificationOutcome> outcomes();

  /** {@return how long the whole verification took} */
  public abstract Duration elapsed();

  /** {@return the best-ranked candidate that worked, not the first to answer} */
  public Optional<VerificationOutcome> best() {
    return outcomes().stream().filter(o -> o.status().isSuccess()).findFirst();
  }

  /** Builds a {@link VerificationReport}. */
  public static final class Builder {
    private final ImmutableVerificationReport.Builder delegate = new ImmutableVerificationReport.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code VerificationReport} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(VerificationReport instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Adds one element to {@link VerificationReport#outcomes() outcomes} list.
     * @param element A outcomes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addOutcomes(VerificationOutcome element) {
      delegate.addOutcomes(element);
      return this;
    }

    /**
     * Adds elements to {@link VerificationReport#outcomes() outcomes} list.
     * @param elements An array of outcomes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addOutcomes(VerificationOutcome... elements) {
      delegate.addOutcomes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link VerificationReport#outcomes() outcomes} list.
     * @param elements An iterable of outcomes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder outcomes(Iterable<? extends VerificationOutcome> elements) {
      delegate.outcomes(elements);
      return this;
    }

    /**
     * Adds elements to {@link VerificationReport#outcomes() outcomes} list.
     * @param elements An iterable of outcomes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllOutcomes(Iterable<? extends VerificationOutcome> elements) {
      delegate.addAllOutcomes(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link VerificationReport#elapsed() elapsed} attribute.
     * @param elapsed The value for elapsed
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder elapsed(Duration elapsed) {
      delegate.elapsed(elapsed);
      return this;
    }

    /**
     * Builds a new {@link VerificationReport VerificationReport}.
     * @return An immutable instance of VerificationReport
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public VerificationReport build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new org.mailsettings.InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
