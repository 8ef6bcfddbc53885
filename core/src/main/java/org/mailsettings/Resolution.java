package org.mailsettings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer for one address: the provider when known, the incoming (IMAP, POP3) and outgoing
 * (SMTP) candidates in order of preference, and notes on what was consulted.
 *
 * <p>The first candidate of each list is the one to try first. Check {@link
 * Candidate#trust()} (or {@link #requiresConfirmation()}) before sending a password.
 */
@Value.Immutable
public abstract class Resolution {

  Resolution() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the address that was resolved} */
  public abstract EmailAddress address();

  /** {@return the provider or hoster, when one was recognised} */
  public abstract Optional<Provider> provider();

  /** {@return IMAP and POP3 candidates, the preferred first} */
  public abstract List<Candidate> incoming();

  /** {@return SMTP candidates, the preferred first} */
  public abstract List<Candidate> outgoing();

  /**
   * {@return notes for people, as codes with arguments: what was consulted, what was left out and why, advice}
   */
  public abstract List<Note> notes();

  /**
   * {@return whether a note of this code is among the {@linkplain #notes() notes}}
   *
   * @param code the note code to look for
   */
  public boolean hasNote(NoteCode code) {
    for (Note note : notes()) {
      if (note.code() == code) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@return what each source of a discovery was asked, what came back and how long it took, in
   * source order} Empty for an offline resolution.
   */
  public abstract List<SourceReport> sourceReports();

  /**
   * {@return the registrable ("second-level") domains of every host among the candidates, in order of
   * first appearance: what the autoconfig draft asks clients to show when the user must confirm
   * settings ({@code spoje.net} for {@code firma--cz.mx.spoje.net})}
   */
  @Value.Lazy
  public List<String> hostDomains() {
    LinkedHashSet<String> domains = new LinkedHashSet<>();
    for (List<Candidate> list : List.of(incoming(), outgoing())) {
      for (Candidate candidate : list) {
        domains.add(candidate.hostDomain());
      }
    }
    return List.copyOf(domains);
  }

  /** {@return whether nothing at all was found} */
  public boolean isEmpty() {
    return incoming().isEmpty() && outgoing().isEmpty();
  }

  /**
   * {@return the candidates for one protocol, in order}
   *
   * @param protocol the protocol
   */
  public List<Candidate> candidates(Protocol protocol) {
    List<Candidate> all = protocol.isIncoming() ? incoming() : outgoing();
    return all.stream().filter(c -> c.protocol() == protocol).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** {@return the first incoming candidate, if any} */
  public Optional<Candidate> bestIncoming() {
    return incoming().stream().findFirst();
  }

  /** {@return the first outgoing candidate, if any} */
  public Optional<Candidate> bestOutgoing() {
    return outgoing().stream().findFirst();
  }

  /**
   * {@return whether the user must confirm the settings before a password is sent: true when any of the
   * first incoming and outgoing candidates is not {@link Trust#TRUSTED}}
   */
  public boolean requiresConfirmation() {
    return bestIncoming().map(c -> c.trust().requiresConfirmation()).orElse(false)
        || bestOutgoing().map(c -> c.trust().requiresConfirmation()).orElse(false);
  }

  /** Builds a {@link Resolution}. */
  public static final class Builder extends ImmutableResolution.Builder {
    Builder() {}
  }
}
