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
  public static final class Builder extends ImmutableVerificationReport.Builder {
    Builder() {}
  }
}
