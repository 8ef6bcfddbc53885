package org.mailsettings;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * {@return the provider's HTTP services for applications that want them, by their PACC names:
   * {@code jmap} (the JMAP session URL), {@code caldav}, {@code carddav}, {@code webdav}} From a PACC
   * document that passed its digest check (draft-ietf-mailmaint-pacc-03); empty otherwise. Every
   * URL is https. They are not mail candidates: nothing here is probed or logged in to.
   */
  public abstract Map<String, URI> serviceUrls();

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
  public static final class Builder {
    private final ImmutableResolution.Builder delegate = new ImmutableResolution.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Resolution} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(Resolution instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link Resolution#address() address} attribute.
     * @param address The value for address
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder address(EmailAddress address) {
      delegate.address(address);
      return this;
    }

    /**
     * Initializes the optional value {@link Resolution#provider() provider} to provider.
     * @param provider The value for provider
     * @return {@code this} builder for chained invocation
     */
    public Builder provider(Provider provider) {
      delegate.provider(provider);
      return this;
    }

    /**
     * Initializes the optional value {@link Resolution#provider() provider} to provider.
     * @param provider The value for provider
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder provider(Optional<? extends Provider> provider) {
      delegate.provider(provider);
      return this;
    }

    /**
     * Adds one element to {@link Resolution#incoming() incoming} list.
     * @param element A incoming element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addIncoming(Candidate element) {
      delegate.addIncoming(element);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#incoming() incoming} list.
     * @param elements An array of incoming elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addIncoming(Candidate... elements) {
      delegate.addIncoming(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Resolution#incoming() incoming} list.
     * @param elements An iterable of incoming elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder incoming(Iterable<? extends Candidate> elements) {
      delegate.incoming(elements);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#incoming() incoming} list.
     * @param elements An iterable of incoming elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllIncoming(Iterable<? extends Candidate> elements) {
      delegate.addAllIncoming(elements);
      return this;
    }

    /**
     * Adds one element to {@link Resolution#outgoing() outgoing} list.
     * @param element A outgoing element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addOutgoing(Candidate element) {
      delegate.addOutgoing(element);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#outgoing() outgoing} list.
     * @param elements An array of outgoing elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addOutgoing(Candidate... elements) {
      delegate.addOutgoing(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Resolution#outgoing() outgoing} list.
     * @param elements An iterable of outgoing elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder outgoing(Iterable<? extends Candidate> elements) {
      delegate.outgoing(elements);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#outgoing() outgoing} list.
     * @param elements An iterable of outgoing elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllOutgoing(Iterable<? extends Candidate> elements) {
      delegate.addAllOutgoing(elements);
      return this;
    }

    /**
     * Adds one element to {@link Resolution#notes() notes} list.
     * @param element A notes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addNotes(Note element) {
      delegate.addNotes(element);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#notes() notes} list.
     * @param elements An array of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addNotes(Note... elements) {
      delegate.addNotes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Resolution#notes() notes} list.
     * @param elements An iterable of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder notes(Iterable<? extends Note> elements) {
      delegate.notes(elements);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#notes() notes} list.
     * @param elements An iterable of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllNotes(Iterable<? extends Note> elements) {
      delegate.addAllNotes(elements);
      return this;
    }

    /**
     * Adds one element to {@link Resolution#sourceReports() sourceReports} list.
     * @param element A sourceReports element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addSourceReports(SourceReport element) {
      delegate.addSourceReports(element);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#sourceReports() sourceReports} list.
     * @param elements An array of sourceReports elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addSourceReports(SourceReport... elements) {
      delegate.addSourceReports(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Resolution#sourceReports() sourceReports} list.
     * @param elements An iterable of sourceReports elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder sourceReports(Iterable<? extends SourceReport> elements) {
      delegate.sourceReports(elements);
      return this;
    }

    /**
     * Adds elements to {@link Resolution#sourceReports() sourceReports} list.
     * @param elements An iterable of sourceReports elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllSourceReports(Iterable<? extends SourceReport> elements) {
      delegate.addAllSourceReports(elements);
      return this;
    }

    /**
     * Puts one entry to the {@link Resolution#serviceUrls() serviceUrls} map.
     * @param service the PACC name of the service ({@code jmap}, {@code caldav}, ...)
     * @param url its https URL
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder putServiceUrls(String service, URI url) {
      delegate.putServiceUrls(service, url);
      return this;
    }

    /**
     * Sets or replaces all entries of the {@link Resolution#serviceUrls() serviceUrls} map.
     * @param entries the services' URLs by their PACC names
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder serviceUrls(Map<String, ? extends URI> entries) {
      delegate.serviceUrls(entries);
      return this;
    }

    /**
     * Builds a new {@link Resolution Resolution}.
     * @return An immutable instance of Resolution
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public Resolution build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
