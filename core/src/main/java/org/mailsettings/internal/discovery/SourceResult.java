package org.mailsettings.internal.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.Provider;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;

/**
 * What one source found: candidates of each direction, in the source's order, the provider when
 * it names one, notes for the resolution when it wins, and its report. {@code rank} is the rank
 * of this answer ({@link Ranks}): a database answer ranks as the layer that knew the domain.
 *
 * <p>A result found for one address of a domain can be turned into the result for another
 * address of the same domain ({@link #forAddress}): sources that know the username rule (the
 * databases, clientConfig documents) expand it again; the others substitute the address.
 */
public final class SourceResult {
  private final Source source;
  private final int rank;
  private final List<Candidate> incoming;
  private final List<Candidate> outgoing;
  private final Optional<Provider> provider;
  private final List<Note> notes;
  // Made on first use when deferred: an offline resolution never shows its sources' reports, and
  // building one (and its query text) on every call was a good part of the offline cost.
  private @Nullable SourceReport report;
  private final @Nullable DeferredReport deferred;
  private final @Nullable Function<EmailAddress, SourceResult> expansion;
  private final Map<String, URI> services;
  // Whether the source knows that no candidate's host is this machine or a private network (a
  // provider whose hosts were checked once, when it was first used), so that the assembly need
  // not check every host on every resolution; false when it does not know.
  private final boolean publicHosts;

  /** A report built only when someone asks for it; equal every time it is built. */
  interface DeferredReport {
    SourceReport make();
  }

  /** A result; {@code expansion} gives the same answer for another address, when the source can. */
  public SourceResult(
      Source source, int rank, List<Candidate> incoming, List<Candidate> outgoing, Optional<Provider> provider,
      List<Note> notes, SourceReport report, @Nullable Function<EmailAddress, SourceResult> expansion) {
    this(source, rank, incoming, outgoing, provider, notes, report, null, expansion, Map.of(), false);
  }

  /**
   * A result whose report is made when first asked for; {@code publicHosts} when the source knows
   * that none of its candidates' hosts is this machine or a private network.
   */
  SourceResult(
      Source source, int rank, List<Candidate> incoming, List<Candidate> outgoing, Optional<Provider> provider,
      List<Note> notes, DeferredReport report, @Nullable Function<EmailAddress, SourceResult> expansion,
      boolean publicHosts) {
    this(source, rank, incoming, outgoing, provider, notes, null, report, expansion, Map.of(), publicHosts);
  }

  private SourceResult(
      Source source, int rank, List<Candidate> incoming, List<Candidate> outgoing, Optional<Provider> provider,
      List<Note> notes, @Nullable SourceReport report, @Nullable DeferredReport deferred,
      @Nullable Function<EmailAddress, SourceResult> expansion, Map<String, URI> services, boolean publicHosts) {
    this.publicHosts = publicHosts;
    this.services = services.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    this.source = source;
    this.rank = rank;
    this.incoming = List.copyOf(incoming);
    this.outgoing = List.copyOf(outgoing);
    this.provider = provider;
    this.notes = List.copyOf(notes);
    this.report = report;
    this.deferred = deferred;
    this.expansion = expansion;
  }

  /** A result without an expansion of its own. */
  public SourceResult(
      Source source, int rank, List<Candidate> incoming, List<Candidate> outgoing, Optional<Provider> provider,
      List<Note> notes, SourceReport report) {
    this(source, rank, incoming, outgoing, provider, notes, report, null);
  }

  public Source source() {
    return source;
  }

  public int rank() {
    return rank;
  }

  public List<Candidate> incoming() {
    return incoming;
  }

  public List<Candidate> outgoing() {
    return outgoing;
  }

  public Optional<Provider> provider() {
    return provider;
  }

  public List<Note> notes() {
    return notes;
  }

  public SourceReport report() {
    SourceReport made = report;
    if (made == null) {
      // Two threads may both make it: equal immutable values (final fields), either is kept.
      made = java.util.Objects.requireNonNull(deferred, "a result has a report or makes one").make();
      report = made;
    }
    return made;
  }

  /** The HTTP services' URLs the source vouched for (PACC's JMAP, CalDAV, CardDAV), by their PACC names. */
  public Map<String, URI> services() {
    return services;
  }

  /** This result with the HTTP services' URLs. */
  SourceResult withServices(Map<String, URI> urls) {
    return new SourceResult(source, rank, incoming, outgoing, provider, notes, report, deferred, expansion, urls, publicHosts);
  }

  /** Whether the source knows that no candidate's host is this machine or a private network. */
  boolean publicHosts() {
    return publicHosts;
  }

  /** Whether anything was found. */
  public boolean found() {
    return !incoming.isEmpty() || !outgoing.isEmpty();
  }

  /** This result with another expansion. */
  SourceResult withExpansion(Function<EmailAddress, SourceResult> other) {
    return new SourceResult(source, rank, incoming, outgoing, provider, notes, report, deferred, other, services, publicHosts);
  }

  /**
   * The same answer for {@code to}, another address of the domain this result was found for
   * ({@code from}): expanded again where the source knows its username rule, else with the
   * address (or its mailbox name) put in place of {@code from}'s.
   */
  public SourceResult forAddress(EmailAddress from, EmailAddress to) {
    if (from.equals(to) || !found()) {
      return this;
    }
    if (expansion != null) {
      SourceResult expanded = expansion.apply(to);
      return new SourceResult(
          source, rank, expanded.incoming, expanded.outgoing, expanded.provider, expanded.notes, report, deferred, expansion, services,
          expanded.publicHosts);
    }
    return new SourceResult(
        source, rank, substituted(incoming, from, to), substituted(outgoing, from, to), provider, notes, report, deferred, null,
        services, publicHosts);
  }

  private static List<Candidate> substituted(List<Candidate> candidates, EmailAddress from, EmailAddress to) {
    List<Candidate> result = new ArrayList<>(candidates.size());
    for (Candidate candidate : candidates) {
      ServerSettings settings = candidate.settings();
      String username = username(settings.username(), from, to);
      List<String> alternatives = new ArrayList<>();
      for (String alternative : candidate.usernameAlternatives()) {
        alternatives.add(username(alternative, from, to));
      }
      result.add(Candidate.builder().from(candidate)
          .settings(username.equals(settings.username()) ? settings : settings.withUsername(username))
          .usernameAlternatives(alternatives)
          .build());
    }
    return result;
  }

  private static String username(String username, EmailAddress from, EmailAddress to) {
    if (username.equals(from.asciiAddress())) {
      return to.asciiAddress();
    }
    return username.equals(from.localPart()) ? to.localPart() : username;
  }
}
