package org.mailsettings.internal.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.Candidate;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.Trust;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.resolve.ProviderCandidates;

/**
 * Settings through the domain's MX host (autoconfig draft 3.x): the most preferred MX host (from
 * DNS, or the caller's hints) identifies a hoster by the local and bundled rules; otherwise the
 * ISPDB and autoconfig are asked for its MXFULLDOMAIN and MXBASEDOMAIN. Unsigned DNS can be
 * forged, so the result needs confirmation unless the resolver authenticated the MX answer.
 */
public final class MxTask implements SourceTask {
  private final DiscoveryContext context;
  private final String ispdbBase;
  private final String autoconfigTemplate;

  public MxTask(DiscoveryContext context, String ispdbBase, String autoconfigTemplate) {
    this.context = context;
    this.ispdbBase = ispdbBase;
    this.autoconfigTemplate = autoconfigTemplate;
  }

  @Override
  public Source level() {
    return Source.MX;
  }

  @Override
  public String query() {
    return context.request().mxHosts().isEmpty()
        ? "MX " + context.address().asciiDomain()
        : "MX hint " + context.request().mxHosts().get(0);
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = System.nanoTime();
    CompletableFuture<DnsClient.Answer<DnsClient.MxHost>> mx;
    if (!context.request().mxHosts().isEmpty()) {
      List<DnsClient.MxHost> hints = new ArrayList<>();
      for (String host : context.request().mxHosts()) {
        hints.add(new DnsClient.MxHost(host, hints.size()));
      }
      mx = CompletableFuture.completedFuture(
          new DnsClient.Answer<>(hints, context.request().mxHostsAuthenticated(), java.time.Duration.ZERO, false));
    } else {
      mx = context.mx(context.address().asciiDomain());
    }
    return mx.thenCompose(answer -> answer.records().isEmpty()
            ? CompletableFuture.completedFuture(Results.nothing(level(), query(), "no MX record", start))
            : fromHost(answer.records().get(0).host(), answer.authenticated(), start))
        .exceptionally(failure -> Results.failed(level(), query(), failure, start));
  }

  private CompletableFuture<SourceResult> fromHost(String host, boolean authenticated, long start) {
    Trust trust = authenticated ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION;
    for (ProviderIndex database : context.databases()) {
      Optional<ProviderIndex.MxMatch> match = database.byMxHost(host);
      if (match.isPresent()) {
        ProviderEntry entry = match.get().entry();
        String reason =
            database.description() + ": " + entry.provider().name() + " hosts " + context.address().domain() + " (MX " + host + ")";
        List<String> notes = new ArrayList<>();
        List<Candidate> incoming = Results.vouched(
            ProviderCandidates.expand(entry.config().incomingServers(), entry, context.address(), entry.source(), trust, reason, notes),
            List.of(Source.MX));
        List<Candidate> outgoing = Results.vouched(
            ProviderCandidates.expand(entry.config().outgoingServers(), entry, context.address(), entry.source(), trust, reason, notes),
            List.of(Source.MX));
        return CompletableFuture.completedFuture(
            new SourceResult(
                level(), incoming, outgoing, Optional.of(entry.provider()),
                Results.report(level(), query(), SourceOutcome.FOUND,
                    host + " is " + entry.provider().name() + " (" + database.description() + ")" + (authenticated ? ", DNSSEC-authenticated" : ""),
                    start)));
      }
    }
    String base = context.registrableDomain(host);
    if (base.equals(context.registrableDomain(context.address().asciiDomain()))) {
      return CompletableFuture.completedFuture(
          Results.nothing(level(), query(), "MX host " + host + " is in the domain itself", start));
    }
    String full = host.indexOf('.') > 0 ? host.substring(host.indexOf('.') + 1) : host;
    List<DocumentTask> lookups = new ArrayList<>();
    String reason = "for the MX domain of " + context.address().domain() + " (MX " + host + ")";
    if (!full.equals(base) && full.indexOf('.') > 0) {
      lookups.add(new DocumentTask(level(), URI.create(ispdbBase + full), context, authenticated, List.of(Source.MX, Source.ISPDB), "ISPDB " + reason));
    }
    lookups.add(new DocumentTask(level(), URI.create(ispdbBase + base), context, authenticated, List.of(Source.MX, Source.ISPDB), "ISPDB " + reason));
    if (!full.equals(base) && full.indexOf('.') > 0) {
      lookups.add(new DocumentTask(level(), context.url(autoconfigTemplate, full), context, authenticated, List.of(Source.MX, Source.AUTOCONFIG), "autoconfig " + reason));
    }
    lookups.add(new DocumentTask(level(), context.url(autoconfigTemplate, base), context, authenticated, List.of(Source.MX, Source.AUTOCONFIG), "autoconfig " + reason));
    List<CompletableFuture<SourceResult>> started = new ArrayList<>();
    for (DocumentTask lookup : lookups) {
      started.add(lookup.start());
    }
    // The first found in this order wins; all were started at once.
    CompletableFuture<SourceResult> chain = CompletableFuture.completedFuture(null);
    List<String> tried = new ArrayList<>();
    for (CompletableFuture<SourceResult> next : started) {
      chain = chain.thenCompose(previous -> {
        if (previous != null && previous.found()) {
          return CompletableFuture.completedFuture(previous);
        }
        if (previous != null) {
          tried.add(previous.report().query() + ": " + previous.report().outcome() + " " + previous.report().detail());
        }
        return next;
      });
    }
    return chain.thenApply(last -> {
      if (last != null && last.found()) {
        started.forEach(f -> f.cancel(true));
        return new SourceResult(level(), last.incoming(), last.outgoing(), last.provider(),
            Results.report(level(), query(), SourceOutcome.FOUND, "MX " + host + "; " + last.report().query() + ": " + last.report().detail(), start));
      }
      if (last != null) {
        tried.add(last.report().query() + ": " + last.report().outcome() + " " + last.report().detail());
      }
      return Results.nothing(level(), query(), "MX " + host + "; nothing for " + full + " or " + base + " (" + String.join("; ", tried) + ")", start);
    });
  }
}
