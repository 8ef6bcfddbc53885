package org.mailsettings;

import java.time.Duration;
import org.immutables.value.Value;

/** What one source of discovery was asked, what came back, and how long it took. */
@Value.Immutable
public abstract class SourceReport {

  SourceReport() {}

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The source. */
  public abstract Source source();

  /** What was asked: a URL, a DNS name, a database lookup. */
  public abstract String query();

  /** What came back. */
  public abstract SourceOutcome outcome();

  /** Details for people: the error, the MX host found, the number of servers. */
  public abstract String detail();

  /** How long the source took, or ran before it was stopped. */
  public abstract Duration elapsed();

  @Override
  public String toString() {
    return source() + " " + outcome() + " in " + elapsed().toMillis() + " ms: " + query() + (detail().isEmpty() ? "" : " (" + detail() + ")");
  }

  /** Builds a {@link SourceReport}. */
  public static final class Builder extends ImmutableSourceReport.Builder {
    Builder() {}
  }
}
