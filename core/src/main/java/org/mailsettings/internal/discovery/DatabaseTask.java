package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderStore;
import org.mailsettings.internal.resolve.ProviderCandidates;

/**
 * The provider databases by the address's domain (autoconfig 4.x and the bundled layers): every
 * layer in the store's order, the first that knows the domain answering, ranked as that layer.
 */
public final class DatabaseTask implements SourceTask, Function<EmailAddress, SourceResult> {
  // Immutable, and the same for every unlisted domain: not made anew on every resolution.
  private static final Note NOT_LISTED = Note.of(NoteCode.DOMAIN_NOT_LISTED);

  private final ProviderStore store;
  private final EmailAddress address;
  private final Source reportedAs;

  /** Looks the address's domain up in {@code store}. */
  public DatabaseTask(ProviderStore store, EmailAddress address) {
    this.store = store;
    this.address = address;
    this.reportedAs = store.layers().isEmpty() ? Source.BUNDLED_DATABASE : store.layers().get(0).source();
  }

  @Override
  public Source source() {
    return reportedAs;
  }

  @Override
  public String query() {
    return "provider databases for " + address.asciiDomain();
  }

  @Override
  public SourceResult now() {
    Optional<ProviderStore.Match> match = store.byDomain(address.asciiDomain());
    if (match.isEmpty()) {
      return Results.nothing(this, NOT_LISTED);
    }
    ProviderEntry entry = match.get().entry();
    Source layer = match.get().layer().source();
    String database = match.get().layer().description();
    String name = entry.provider().name();
    List<Note> reasons = List.of(Note.of(NoteCode.FROM_PROVIDER_DOMAIN, database, name, address.domain()));
    List<Note> notes = new ArrayList<>(1);
    notes.add(Note.of(NoteCode.PROVIDER_BY_DOMAIN, name, database, address.domain()));
    List<Source> sources = List.of(layer);
    ProviderCandidates.Firsts firsts = new ProviderCandidates.Firsts();
    List<Candidate> incoming =
        ProviderCandidates.expand(entry.config().incomingServers(), entry, address, sources, Trust.TRUSTED, reasons, notes, firsts);
    List<Candidate> outgoing =
        ProviderCandidates.expand(entry.config().outgoingServers(), entry, address, sources, Trust.TRUSTED, reasons, notes, firsts);
    return Results.found(this, layer, Ranks.of(layer), incoming, outgoing, Optional.of(entry.provider()), notes,
            this, entry.publicHosts(), Duration.ZERO, NoteCode.PROVIDER_FOUND, name);
  }

  /**
   * The same lookup for another address of the domain. The task itself, not a lambda or another
   * object: this runs on every resolution, and on the first one of a process a lambda costs
   * milliseconds of bootstrapping.
   */
  @Override
  public SourceResult apply(EmailAddress other) {
    return new DatabaseTask(store, other).now();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    return CompletableFuture.completedFuture(now());
  }
}
