package org.mailsettings.internal.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.Trust;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.resolve.ProviderCandidates;

/** The local provider files or the bundled database, by the address's domain (autoconfig 4.x). */
public final class DatabaseTask implements SourceTask {
  private final Source level;
  private final List<ProviderIndex> databases;
  private final EmailAddress address;

  /** Looks in {@code databases} (all of kind {@code level}), the first that knows the domain winning. */
  public DatabaseTask(Source level, List<ProviderIndex> databases, EmailAddress address) {
    this.level = level;
    this.databases = List.copyOf(databases);
    this.address = address;
  }

  @Override
  public Source level() {
    return level;
  }

  @Override
  public String query() {
    return level.description() + " for " + address.asciiDomain();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = System.nanoTime();
    for (ProviderIndex database : databases) {
      Optional<ProviderEntry> entry = database.byDomain(address.asciiDomain());
      if (entry.isPresent()) {
        String reason = database.description() + ": " + entry.get().provider().name() + " serves " + address.domain();
        List<String> notes = new ArrayList<>();
        List<Candidate> incoming =
            ProviderCandidates.expand(entry.get().config().incomingServers(), entry.get(), address, level, Trust.TRUSTED, reason, notes);
        List<Candidate> outgoing =
            ProviderCandidates.expand(entry.get().config().outgoingServers(), entry.get(), address, level, Trust.TRUSTED, reason, notes);
        return CompletableFuture.completedFuture(
            new SourceResult(
                level, incoming, outgoing, Optional.of(entry.get().provider()),
                Results.report(level, query(), SourceOutcome.FOUND, entry.get().provider().name(), start)));
      }
    }
    return CompletableFuture.completedFuture(Results.nothing(level, query(), "domain not listed", start));
  }
}
