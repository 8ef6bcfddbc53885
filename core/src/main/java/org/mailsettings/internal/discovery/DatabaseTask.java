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
public final class DatabaseTask implements SourceTask {
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
      return Results.nothing(reportedAs, query(), Duration.ZERO, Note.of(NoteCode.DOMAIN_NOT_LISTED));
    }
    ProviderEntry entry = match.get().entry();
    Source layer = match.get().layer().source();
    String database = match.get().layer().description();
    List<Note> reasons = List.of(Note.of(NoteCode.FROM_PROVIDER_DOMAIN, database, entry.provider().name(), address.domain()));
    List<Note> notes = new ArrayList<>();
    notes.add(Note.of(NoteCode.PROVIDER_BY_DOMAIN, entry.provider().name(), database, address.domain()));
    List<Source> sources = List.of(layer);
    List<Candidate> incoming =
        ProviderCandidates.expand(entry.config().incomingServers(), entry, address, sources, Trust.TRUSTED, reasons, notes);
    List<Candidate> outgoing =
        ProviderCandidates.expand(entry.config().outgoingServers(), entry, address, sources, Trust.TRUSTED, reasons, notes);
    return Results.found(layer, Ranks.of(layer), incoming, outgoing, Optional.of(entry.provider()), notes,
            query(), List.of(Note.of(NoteCode.PROVIDER_FOUND, entry.provider().name())), Duration.ZERO)
        .withExpansion(new Expansion(store));
  }

  /**
   * The same lookup for another address of the domain. A class, not a lambda: this runs on the
   * first resolution of a process, where a lambda costs milliseconds of bootstrapping.
   */
  private static final class Expansion implements Function<EmailAddress, SourceResult> {
    private final ProviderStore store;

    Expansion(ProviderStore store) {
      this.store = store;
    }

    @Override
    public SourceResult apply(EmailAddress other) {
      return new DatabaseTask(store, other).now();
    }
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    return CompletableFuture.completedFuture(now());
  }
}
