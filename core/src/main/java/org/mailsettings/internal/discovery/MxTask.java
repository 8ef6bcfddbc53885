package org.mailsettings.internal.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderStore;
import org.mailsettings.internal.resolve.ProviderCandidates;

/**
 * Settings through the domain's MX hosts (autoconfig draft 3.x): the MX hosts (the caller's
 * hints, or DNS), most preferred first, are matched against the hoster rules of every provider
 * layer, host by host; the first match wins. Without a match and with the network allowed, the
 * ISPDB and autoconfig are asked for the most preferred host's MXFULLDOMAIN and MXBASEDOMAIN.
 * Unsigned DNS can be forged, so the result needs confirmation unless the MX answer (or the
 * caller's hints) is authenticated.
 *
 * <p>With hints and without the network, the task answers at once: offline resolution runs the
 * same rule matching as discovery.
 */
public final class MxTask implements SourceTask {
  // Immutable, and the same for every domain no rule knows: not made anew on every resolution.
  private static final Note NOT_LISTED = Note.of(NoteCode.DOMAIN_NOT_LISTED);

  private final EmailAddress address;
  private final List<String> hints;
  private final boolean hintsAuthenticated;
  private final ProviderStore store;
  private final @Nullable DiscoveryContext network;

  /** The task of an offline resolution: the hoster rules for the caller's MX hints only. */
  public static MxTask offline(EmailAddress address, List<String> hints, boolean authenticated, ProviderStore store) {
    return new MxTask(address, hints, authenticated, store, null);
  }

  /** The task of a discovery: the hints, else DNS, then the network lookups for the MX domain. */
  public static MxTask discovery(DiscoveryContext context) {
    return new MxTask(context.address(), context.request().mxHosts(), context.request().mxHostsAuthenticated(),
        context.store(), context);
  }

  private MxTask(EmailAddress address, List<String> hints, boolean authenticated, ProviderStore store,
      @Nullable DiscoveryContext network) {
    this.address = address;
    this.hints = List.copyOf(hints);
    this.hintsAuthenticated = authenticated;
    this.store = store;
    this.network = network;
  }

  @Override
  public Source source() {
    return Source.MX;
  }

  @Override
  public String query() {
    return hints.isEmpty() ? "MX " + address.asciiDomain() : "MX hint " + String.join(" ", hints);
  }

  @Override
  public @Nullable SourceResult now() {
    if (network != null) {
      return null;
    }
    Optional<SourceResult> rule = byRule(address, hints, hintsAuthenticated, 0);
    return rule.isPresent() ? rule.get() : Results.nothing(this, NOT_LISTED);
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    DiscoveryContext context = network;
    if (context == null) {
      return CompletableFuture.completedFuture(java.util.Objects.requireNonNull(now()));
    }
    long start = context.nanoTime();
    CompletableFuture<DnsClient.Answer<DnsClient.MxHost>> mx;
    if (!hints.isEmpty()) {
      List<DnsClient.MxHost> hosts = new ArrayList<>();
      for (String host : hints) {
        hosts.add(new DnsClient.MxHost(host, hosts.size()));
      }
      mx = CompletableFuture.completedFuture(new DnsClient.Answer<>(hosts, hintsAuthenticated, java.time.Duration.ZERO, false));
    } else {
      mx = context.mx(address.asciiDomain());
    }
    // Whoever cancels the result (a run that ended) stops what is still under way.
    List<CompletableFuture<?>> underway = new ArrayList<>();
    underway.add(mx);
    CompletableFuture<SourceResult> result =
        mx.thenCompose(answer -> fromHosts(context, answer, start, underway))
            .exceptionally(failure -> Results.failed(Source.MX, query(), failure, context.since(start)));
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        synchronized (underway) {
          underway.forEach(f -> f.cancel(true));
        }
      }
    });
    return result;
  }

  /** The hoster rules for the hosts, each host against every layer, the first match winning. */
  private Optional<SourceResult> byRule(EmailAddress address, List<String> hosts, boolean authenticated, long elapsedNanos) {
    Optional<ProviderStore.Match> match = store.byMxHosts(hosts);
    if (match.isEmpty()) {
      return Optional.empty();
    }
    ProviderEntry entry = match.get().entry();
    String host = java.util.Objects.requireNonNull(match.get().mxHost());
    String database = match.get().layer().description();
    Source layer = match.get().layer().source();
    Trust trust = authenticated ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION;
    List<Note> reasons = List.of(Note.of(NoteCode.FROM_PROVIDER_MX, database, entry.provider().name(), address.domain(), host));
    List<Note> notes = new ArrayList<>();
    notes.add(Note.of(authenticated ? NoteCode.PROVIDER_BY_MX : NoteCode.PROVIDER_BY_UNCONFIRMED_MX,
        entry.provider().name(), database, host));
    List<Source> sources = Ranks.sorted(layer, List.of(Source.MX));
    ProviderCandidates.Firsts firsts = new ProviderCandidates.Firsts();
    List<Candidate> incoming =
        ProviderCandidates.expand(entry.config().incomingServers(), entry, address, sources, trust, reasons, notes, firsts);
    List<Candidate> outgoing =
        ProviderCandidates.expand(entry.config().outgoingServers(), entry, address, sources, trust, reasons, notes, firsts);
    return Optional.of(Results.found(this, Source.MX, Ranks.of(Source.MX), incoming, outgoing, Optional.of(entry.provider()),
        notes, other -> byRule(other, hosts, authenticated, elapsedNanos).orElseThrow(), entry.publicHosts(),
        java.time.Duration.ofNanos(elapsedNanos),
        authenticated ? NoteCode.MX_HOSTER_AUTHENTICATED : NoteCode.MX_HOSTER, host, entry.provider().name(), database));
  }

  private CompletableFuture<SourceResult> fromHosts(
      DiscoveryContext context, DnsClient.Answer<DnsClient.MxHost> answer, long start, List<CompletableFuture<?>> underway) {
    if (answer.records().isEmpty()) {
      return CompletableFuture.completedFuture(
          Results.nothing(Source.MX, query(), context.since(start), Note.of(NoteCode.NO_MX_RECORD)));
    }
    List<String> hosts = new ArrayList<>();
    for (DnsClient.MxHost record : answer.records()) {
      hosts.add(record.host());
    }
    Optional<SourceResult> rule = byRule(address, hosts, answer.authenticated(), context.since(start).toNanos());
    if (rule.isPresent()) {
      return CompletableFuture.completedFuture(rule.get());
    }
    String host = hosts.get(0);
    boolean authenticated = answer.authenticated();
    String base = context.registrableDomain(host);
    if (base.equals(context.registrableDomain(address.asciiDomain()))) {
      return CompletableFuture.completedFuture(
          Results.nothing(Source.MX, query(), context.since(start), Note.of(NoteCode.MX_IN_OWN_DOMAIN, host)));
    }
    String full = host.indexOf('.') > 0 ? host.substring(host.indexOf('.') + 1) : host;
    boolean distinctFull = !full.equals(base) && full.indexOf('.') > 0;
    String ispdb = context.options().ispdbBaseUrl();
    String autoconfig = context.options().autoconfigUrlTemplate();
    Note viaIspdb = Note.of(NoteCode.FROM_MX_ISPDB, address.domain(), host);
    Note viaAutoconfig = Note.of(NoteCode.FROM_MX_AUTOCONFIG, address.domain(), host);
    List<DocumentTask> lookups = new ArrayList<>();
    if (distinctFull) {
      lookups.add(new DocumentTask(Source.MX, URI.create(ispdb + full), context, authenticated, List.of(Source.MX, Source.ISPDB), viaIspdb));
    }
    lookups.add(new DocumentTask(Source.MX, URI.create(ispdb + base), context, authenticated, List.of(Source.MX, Source.ISPDB), viaIspdb));
    if (distinctFull) {
      lookups.add(new DocumentTask(Source.MX, context.url(autoconfig, full), context, authenticated, List.of(Source.MX, Source.AUTOCONFIG), viaAutoconfig));
    }
    lookups.add(new DocumentTask(Source.MX, context.url(autoconfig, base), context, authenticated, List.of(Source.MX, Source.AUTOCONFIG), viaAutoconfig));
    List<CompletableFuture<SourceResult>> started = new ArrayList<>();
    synchronized (underway) {
      for (DocumentTask lookup : lookups) {
        CompletableFuture<SourceResult> future = lookup.start();
        started.add(future);
        underway.add(future);
      }
    }
    // The first found in this order wins; all were started at once.
    CompletableFuture<@Nullable SourceResult> chain = CompletableFuture.completedFuture(null);
    for (CompletableFuture<SourceResult> next : started) {
      chain = chain.thenCompose(previous -> previous != null && previous.found() ? CompletableFuture.completedFuture(previous) : next);
    }
    return chain.thenApply(last -> {
      started.forEach(f -> f.cancel(true)); // the ones still running are not needed any more
      if (last != null && last.found()) {
        List<Note> details = new ArrayList<>();
        details.add(Note.of(NoteCode.MX_DOCUMENT, host, last.report().query()));
        details.addAll(last.report().details());
        java.time.Duration elapsed = context.since(start);
        SourceResult document = last;
        return Results.found(Source.MX, Ranks.of(Source.MX), last.incoming(), last.outgoing(), last.provider(), last.notes(),
                query(), details, elapsed)
            .withExpansion(other -> {
              SourceResult expanded = document.forAddress(address, other);
              return Results.found(Source.MX, Ranks.of(Source.MX), expanded.incoming(), expanded.outgoing(), expanded.provider(),
                  expanded.notes(), query(), details, elapsed);
            });
      }
      return Results.nothing(Source.MX, query(), context.since(start), Note.of(NoteCode.MX_NOTHING, host, full, base));
    });
  }
}
