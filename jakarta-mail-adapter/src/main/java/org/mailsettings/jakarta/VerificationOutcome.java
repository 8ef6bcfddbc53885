package org.mailsettings.jakarta;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.Candidate;

/** The outcome of logging in to one candidate. */
@Value.Immutable
public abstract class VerificationOutcome {

  VerificationOutcome() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the candidate that was tried} */
  public abstract Candidate candidate();

  /** {@return what happened} */
  public abstract VerificationStatus status();

  /**
   * {@return the server's own words, or the error's message; empty for a clean {@link VerificationStatus#OK}}
   */
  public abstract String message();

  /** {@return how long the attempt took, all username attempts included} */
  public abstract Duration elapsed();

  /** {@return the username that logged in (for guesses: the full address or the mailbox name)} */
  public abstract Optional<String> username();

  /**
   * {@return the names the certificate is valid for, for {@link VerificationStatus#TLS_FAILED} on a
   * host-name mismatch}
   */
  public abstract List<String> certificateNames();

  @Override
  public String toString() {
    return status()
        + " "
        + candidate().settings().protocol()
        + " "
        + candidate().settings().address()
        + " in "
        + elapsed().toMillis()
        + " ms"
        + (message().isEmpty() ? "" : ": " + message())
        + (certificateNames().isEmpty() ? "" : " (certificate names " + certificateNames() + ")");
  }

  /** Builds a {@link VerificationOutcome}. */
  public static final class Builder extends ImmutableVerificationOutcome.Builder {
    Builder() {}
  }
}
