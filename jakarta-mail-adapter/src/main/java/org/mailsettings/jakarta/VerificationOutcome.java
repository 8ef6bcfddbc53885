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

  /**
   * {@return what the server said when it refused the access token sent with SASL {@code
   * OAUTHBEARER} (RFC 7628 section 3.2.2), when it said it in the RFC's form; empty otherwise (a
   * password, {@code XOAUTH2}, POP3, or a server that says nothing)} The OAuth module can find the
   * authorization server from it.
   */
  public abstract Optional<BearerChallenge> bearerChallenge();

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
  public static final class Builder {
    private final ImmutableVerificationOutcome.Builder delegate = new ImmutableVerificationOutcome.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code VerificationOutcome} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(VerificationOutcome instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link VerificationOutcome#candidate() candidate} attribute.
     * @param candidate The value for candidate
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder candidate(Candidate candidate) {
      delegate.candidate(candidate);
      return this;
    }

    /**
     * Initializes the value for the {@link VerificationOutcome#status() status} attribute.
     * @param status The value for status
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder status(VerificationStatus status) {
      delegate.status(status);
      return this;
    }

    /**
     * Initializes the value for the {@link VerificationOutcome#message() message} attribute.
     * @param message The value for message
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder message(String message) {
      delegate.message(message);
      return this;
    }

    /**
     * Initializes the value for the {@link VerificationOutcome#elapsed() elapsed} attribute.
     * @param elapsed The value for elapsed
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder elapsed(Duration elapsed) {
      delegate.elapsed(elapsed);
      return this;
    }

    /**
     * Initializes the optional value {@link VerificationOutcome#username() username} to username.
     * @param username The value for username
     * @return {@code this} builder for chained invocation
     */
    public Builder username(String username) {
      delegate.username(username);
      return this;
    }

    /**
     * Initializes the optional value {@link VerificationOutcome#username() username} to username.
     * @param username The value for username
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder username(Optional<String> username) {
      delegate.username(username);
      return this;
    }

    /**
     * Adds one element to {@link VerificationOutcome#certificateNames() certificateNames} list.
     * @param element A certificateNames element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCertificateNames(String element) {
      delegate.addCertificateNames(element);
      return this;
    }

    /**
     * Adds elements to {@link VerificationOutcome#certificateNames() certificateNames} list.
     * @param elements An array of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCertificateNames(String... elements) {
      delegate.addCertificateNames(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link VerificationOutcome#certificateNames() certificateNames} list.
     * @param elements An iterable of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder certificateNames(Iterable<String> elements) {
      delegate.certificateNames(elements);
      return this;
    }

    /**
     * Adds elements to {@link VerificationOutcome#certificateNames() certificateNames} list.
     * @param elements An iterable of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllCertificateNames(Iterable<String> elements) {
      delegate.addAllCertificateNames(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link VerificationOutcome#bearerChallenge() bearerChallenge} to bearerChallenge.
     * @param bearerChallenge The value for bearerChallenge
     * @return {@code this} builder for chained invocation
     */
    public Builder bearerChallenge(BearerChallenge bearerChallenge) {
      delegate.bearerChallenge(bearerChallenge);
      return this;
    }

    /**
     * Initializes the optional value {@link VerificationOutcome#bearerChallenge() bearerChallenge} to bearerChallenge.
     * @param bearerChallenge The value for bearerChallenge
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder bearerChallenge(Optional<? extends BearerChallenge> bearerChallenge) {
      delegate.bearerChallenge(bearerChallenge);
      return this;
    }

    /**
     * Builds a new {@link VerificationOutcome VerificationOutcome}.
     * @return An immutable instance of VerificationOutcome
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public VerificationOutcome build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new org.mailsettings.InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
