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

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The outcomes of the candidates tried, in rank order. */
  public abstract List<VerificationOutcome> outcomes();

  /** How long the whole verification took. */
  public abstract Duration elapsed();

  /** The best-ranked candidate that worked, not the first to answer. */
  public Optional<VerificationOutcome> best() {
    return outcomes().stream().filter(o -> o.status().isSuccess()).findFirst();
  }

  /** Builds a {@link VerificationReport}. */
  public static final class Builder extends ImmutableVerificationReport.Builder {
    Builder() {}
  }
}
