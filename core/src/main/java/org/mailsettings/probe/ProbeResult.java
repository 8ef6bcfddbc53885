package org.mailsettings.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.Candidate;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.Note;

/**
 * What the {@link Prober} found about one candidate, without sending any credential: whether it
 * answers, its greeting, TLS version and certificate names, whether STARTTLS is offered, the
 * authentication mechanisms offered before and after TLS, and possibly a better candidate.
 */
@Value.Immutable
public abstract class ProbeResult {

  ProbeResult() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the candidate probed} */
  public abstract Candidate candidate();

  /** {@return what was found} */
  public abstract ProbeStatus status();

  /** {@return details as codes with arguments: the error, or what the server said that did not fit} */
  public abstract List<Note> details();

  /**
   * {@return the server's greeting line, with control and bidirectional formatting characters replaced
   * (U+FFFD), so that it is safe to show}
   */
  public abstract String greeting();

  /** {@return the negotiated TLS version ({@code TLSv1.3}), when TLS was used} */
  public abstract Optional<String> tlsVersion();

  /** {@return the names the server's certificate is valid for, when TLS was used} */
  public abstract List<String> certificateNames();

  /** {@return whether the certificate is valid for the candidate's host, when TLS was used} */
  public abstract Optional<Boolean> certificateMatches();

  /**
   * {@return whether the server offered STARTTLS on the plaintext connection (for STARTTLS and plaintext candidates)}
   */
  public abstract Optional<Boolean> startTlsOffered();

  /** {@return the SASL mechanisms offered before TLS (plaintext and STARTTLS candidates)} */
  public abstract List<String> mechanismsBeforeTls();

  /** {@return the SASL mechanisms offered on the secured connection} */
  public abstract List<String> mechanismsAfterTls();

  /** {@return how long the probe took} */
  public abstract Duration elapsed();

  /**
   * {@return a candidate on a host the certificate names (not a wildcard) that resolves to the same
   * address as the probed host, when the certificate is otherwise valid but does not fit the
   * probed host: the hoster's own server name} Marked {@link org.mailsettings.Source#PROBE},
   * needing confirmation.
   */
  public abstract Optional<Candidate> proposal();

  /** {@return whether the candidate answered and its certificate, if any, fits its host} */
  public boolean usable() {
    return status().isReachable() && certificateMatches().orElse(true);
  }

  @Override
  public String toString() {
    return status() + " " + candidate().settings().protocol() + " " + candidate().settings().address()
        + " in " + elapsed().toMillis() + " ms"
        + tlsVersion().map(v -> ", " + v).orElse("")
        + (certificateNames().isEmpty() ? "" : ", certificate " + certificateNames()
            + (certificateMatches().orElse(true) ? "" : " (not for " + candidate().settings().host() + ")"))
        + startTlsOffered().map(o -> o ? ", STARTTLS offered" : ", no STARTTLS").orElse("")
        + (mechanismsAfterTls().isEmpty() ? "" : ", AUTH " + String.join(" ", mechanismsAfterTls()))
        + (details().isEmpty() ? "" : ": " + details().stream().map(Note::toString).collect(java.util.stream.Collectors.joining("; ")));
  }

  /** Builds a {@link ProbeResult}. */
  public static final class Builder {
    private final ImmutableProbeResult.Builder delegate = new ImmutableProbeResult.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ProbeResult} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ProbeResult instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeResult#candidate() candidate} attribute.
     * @param candidate The value for candidate
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder candidate(Candidate candidate) {
      delegate.candidate(candidate);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeResult#status() status} attribute.
     * @param status The value for status
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder status(ProbeStatus status) {
      delegate.status(status);
      return this;
    }

    /**
     * Adds one element to {@link ProbeResult#details() details} list.
     * @param element A details element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDetails(Note element) {
      delegate.addDetails(element);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#details() details} list.
     * @param elements An array of details elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDetails(Note... elements) {
      delegate.addDetails(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ProbeResult#details() details} list.
     * @param elements An iterable of details elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder details(Iterable<? extends Note> elements) {
      delegate.details(elements);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#details() details} list.
     * @param elements An iterable of details elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllDetails(Iterable<? extends Note> elements) {
      delegate.addAllDetails(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeResult#greeting() greeting} attribute.
     * @param greeting The value for greeting
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder greeting(String greeting) {
      delegate.greeting(greeting);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#tlsVersion() tlsVersion} to tlsVersion.
     * @param tlsVersion The value for tlsVersion
     * @return {@code this} builder for chained invocation
     */
    public Builder tlsVersion(String tlsVersion) {
      delegate.tlsVersion(tlsVersion);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#tlsVersion() tlsVersion} to tlsVersion.
     * @param tlsVersion The value for tlsVersion
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tlsVersion(Optional<String> tlsVersion) {
      delegate.tlsVersion(tlsVersion);
      return this;
    }

    /**
     * Adds one element to {@link ProbeResult#certificateNames() certificateNames} list.
     * @param element A certificateNames element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCertificateNames(String element) {
      delegate.addCertificateNames(element);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#certificateNames() certificateNames} list.
     * @param elements An array of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addCertificateNames(String... elements) {
      delegate.addCertificateNames(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ProbeResult#certificateNames() certificateNames} list.
     * @param elements An iterable of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder certificateNames(Iterable<String> elements) {
      delegate.certificateNames(elements);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#certificateNames() certificateNames} list.
     * @param elements An iterable of certificateNames elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllCertificateNames(Iterable<String> elements) {
      delegate.addAllCertificateNames(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#certificateMatches() certificateMatches} to certificateMatches.
     * @param certificateMatches The value for certificateMatches
     * @return {@code this} builder for chained invocation
     */
    public Builder certificateMatches(boolean certificateMatches) {
      delegate.certificateMatches(certificateMatches);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#certificateMatches() certificateMatches} to certificateMatches.
     * @param certificateMatches The value for certificateMatches
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder certificateMatches(Optional<Boolean> certificateMatches) {
      delegate.certificateMatches(certificateMatches);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#startTlsOffered() startTlsOffered} to startTlsOffered.
     * @param startTlsOffered The value for startTlsOffered
     * @return {@code this} builder for chained invocation
     */
    public Builder startTlsOffered(boolean startTlsOffered) {
      delegate.startTlsOffered(startTlsOffered);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#startTlsOffered() startTlsOffered} to startTlsOffered.
     * @param startTlsOffered The value for startTlsOffered
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder startTlsOffered(Optional<Boolean> startTlsOffered) {
      delegate.startTlsOffered(startTlsOffered);
      return this;
    }

    /**
     * Adds one element to {@link ProbeResult#mechanismsBeforeTls() mechanismsBeforeTls} list.
     * @param element A mechanismsBeforeTls element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMechanismsBeforeTls(String element) {
      delegate.addMechanismsBeforeTls(element);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#mechanismsBeforeTls() mechanismsBeforeTls} list.
     * @param elements An array of mechanismsBeforeTls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMechanismsBeforeTls(String... elements) {
      delegate.addMechanismsBeforeTls(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ProbeResult#mechanismsBeforeTls() mechanismsBeforeTls} list.
     * @param elements An iterable of mechanismsBeforeTls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mechanismsBeforeTls(Iterable<String> elements) {
      delegate.mechanismsBeforeTls(elements);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#mechanismsBeforeTls() mechanismsBeforeTls} list.
     * @param elements An iterable of mechanismsBeforeTls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllMechanismsBeforeTls(Iterable<String> elements) {
      delegate.addAllMechanismsBeforeTls(elements);
      return this;
    }

    /**
     * Adds one element to {@link ProbeResult#mechanismsAfterTls() mechanismsAfterTls} list.
     * @param element A mechanismsAfterTls element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMechanismsAfterTls(String element) {
      delegate.addMechanismsAfterTls(element);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#mechanismsAfterTls() mechanismsAfterTls} list.
     * @param elements An array of mechanismsAfterTls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMechanismsAfterTls(String... elements) {
      delegate.addMechanismsAfterTls(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ProbeResult#mechanismsAfterTls() mechanismsAfterTls} list.
     * @param elements An iterable of mechanismsAfterTls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mechanismsAfterTls(Iterable<String> elements) {
      delegate.mechanismsAfterTls(elements);
      return this;
    }

    /**
     * Adds elements to {@link ProbeResult#mechanismsAfterTls() mechanismsAfterTls} list.
     * @param elements An iterable of mechanismsAfterTls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllMechanismsAfterTls(Iterable<String> elements) {
      delegate.addAllMechanismsAfterTls(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link ProbeResult#elapsed() elapsed} attribute.
     * @param elapsed The value for elapsed
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder elapsed(Duration elapsed) {
      delegate.elapsed(elapsed);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#proposal() proposal} to proposal.
     * @param proposal The value for proposal
     * @return {@code this} builder for chained invocation
     */
    public Builder proposal(Candidate proposal) {
      delegate.proposal(proposal);
      return this;
    }

    /**
     * Initializes the optional value {@link ProbeResult#proposal() proposal} to proposal.
     * @param proposal The value for proposal
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder proposal(Optional<? extends Candidate> proposal) {
      delegate.proposal(proposal);
      return this;
    }

    /**
     * Builds a new {@link ProbeResult ProbeResult}.
     * @return An immutable instance of ProbeResult
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ProbeResult build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
