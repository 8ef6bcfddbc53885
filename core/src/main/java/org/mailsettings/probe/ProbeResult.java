package org.mailsettings.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.Candidate;
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
  public static final class Builder extends ImmutableProbeResult.Builder {
    Builder() {}
  }
}
