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
  public static final class Builder extends ImmutableSourceReport.Builder {
    Builder() {}
  }
}
