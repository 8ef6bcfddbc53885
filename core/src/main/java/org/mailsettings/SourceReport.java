package org.mailsettings;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/** What one source of discovery was asked, what came back, and how long it took. */
@Value.Immutable
public abstract class SourceReport {

  SourceReport() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the source} */
  public abstract Source source();

  /** {@return what was asked: a URL, a DNS name, a database lookup} */
  public abstract String query();

  /** {@return what came back} */
  public abstract SourceOutcome outcome();

  /** {@return details as codes with arguments: the error, the MX host found, the number of servers} */
  public abstract List<Note> details();

  /** {@return how long the source took, or ran before it was stopped} */
  public abstract Duration elapsed();

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(source()).append(' ').append(outcome()).append(" in ")
        .append(elapsed().toMillis()).append(" ms: ").append(query());
    if (!details().isEmpty()) {
      text.append(" (");
      for (int i = 0; i < details().size(); i++) {
        text.append(i == 0 ? "" : "; ").append(details().get(i));
      }
      text.append(')');
    }
    return text.toString();
  }

  /** Builds a {@link SourceReport}. */
  public static final class Builder {
    private final ImmutableSourceReport.Builder delegate = new ImmutableSourceReport.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code SourceReport} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(SourceReport instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link SourceReport#source() source} attribute.
     * @param source The value for source
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder source(Source source) {
      delegate.source(source);
      return this;
    }

    /**
     * Initializes the value for the {@link SourceReport#query() query} attribute.
     * @param query The value for query
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder query(String query) {
      delegate.query(query);
      return this;
    }

    /**
     * Initializes the value for the {@link SourceReport#outcome() outcome} attribute.
     * @param outcome The value for outcome
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder outcome(SourceOutcome outcome) {
      delegate.outcome(outcome);
      return this;
    }

    /**
     * Adds one element to {@link SourceReport#details() details} list.
     * @param element A details element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDetails(Note element) {
      delegate.addDetails(element);
      return this;
    }

    /**
     * Adds elements to {@link SourceReport#details() details} list.
     * @param elements An array of details elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDetails(Note... elements) {
      delegate.addDetails(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link SourceReport#details() details} list.
     * @param elements An iterable of details elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder details(Iterable<? extends Note> elements) {
      delegate.details(elements);
      return this;
    }

    /**
     * Adds elements to {@link SourceReport#details() details} list.
     * @param elements An iterable of details elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllDetails(Iterable<? extends Note> elements) {
      delegate.addAllDetails(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link SourceReport#elapsed() elapsed} attribute.
     * @param elapsed The value for elapsed
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder elapsed(Duration elapsed) {
      delegate.elapsed(elapsed);
      return this;
    }

    /**
     * Builds a new {@link SourceReport SourceReport}.
     * @return An immutable instance of SourceReport
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public SourceReport build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
