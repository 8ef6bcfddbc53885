package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Provider;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.SourceReport;
import org.mailsettings.Trust;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.resolve.ProviderCandidates;

/** Building {@link SourceResult}s: one place for reports, failures and documents. */
final class Results {
  private Results() {}

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  static SourceResult nothing(Source level, String query, String detail, long startNanos) {
    return new SourceResult(level, List.of(), List.of(), Optional.empty(), report(level, query, SourceOutcome.NOTHING, detail, startNanos));
  }

  static SourceResult failed(Source level, String query, Throwable failure, long startNanos) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    SourceOutcome outcome = SourceOutcome.ERROR;
    if (cause instanceof HttpFetcher.FetchException fetch && fetch.failure() == HttpFetcher.Failure.TIMEOUT) {
      outcome = SourceOutcome.TIMEOUT;
    }
    if (cause instanceof org.mailsettings.internal.dns.DnsClient.DnsException dns && dns.isTimeout()) {
      outcome = SourceOutcome.TIMEOUT;
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new SourceResult(level, List.of(), List.of(), Optional.empty(), report(level, query, outcome, message, startNanos));
  }

  static SourceReport report(Source level, String query, SourceOutcome outcome, String detail, long startNanos) {
    return SourceReport.builder()
        .source(level)
        .query(query)
        .outcome(outcome)
        .detail(detail)
        .elapsed(since(startNanos))
        .build();
  }

  /**
   * The candidates of a clientConfig document for the address: from the section that lists the
   * address's domain, else the first.
   */
  static SourceResult fromDocument(
      Source level,
      String query,
      ClientConfig document,
      EmailAddress address,
      Trust trust,
      String reason,
      List<Source> alsoVouching,
      long startNanos) {
    if (document.emailProviders().isEmpty()) {
      return nothing(level, query, "the document has no emailProvider", startNanos);
    }
    EmailProviderConfig chosen =
        document.emailProviders().stream()
            .filter(p -> p.domains().contains(address.asciiDomain()))
            .findFirst()
            .orElse(document.emailProviders().get(0));
    ProviderEntry entry = new ProviderEntry(chosen, document.oAuth2(), level, document.sourceName());
    List<String> notes = new ArrayList<>();
    List<Candidate> incoming =
        vouched(ProviderCandidates.expand(chosen.incomingServers(), entry, address, level, trust, reason, notes), alsoVouching);
    List<Candidate> outgoing =
        vouched(ProviderCandidates.expand(chosen.outgoingServers(), entry, address, level, trust, reason, notes), alsoVouching);
    if (incoming.isEmpty() && outgoing.isEmpty()) {
      return nothing(level, query, "no usable IMAP, POP3 or SMTP server in the document", startNanos);
    }
    Provider provider = entry.provider();
    String detail = provider.name() + ": " + incoming.size() + " incoming, " + outgoing.size() + " outgoing"
        + (notes.isEmpty() ? "" : "; " + String.join(" ", notes));
    return new SourceResult(
        level, incoming, outgoing, Optional.of(provider), report(level, query, SourceOutcome.FOUND, detail, startNanos));
  }

  /** The candidates with more sources vouching for them. */
  static List<Candidate> vouched(List<Candidate> candidates, List<Source> alsoVouching) {
    if (alsoVouching.isEmpty()) {
      return candidates;
    }
    List<Candidate> result = new ArrayList<>();
    for (Candidate candidate : candidates) {
      java.util.Set<Source> sources = java.util.EnumSet.copyOf(candidate.sources());
      sources.addAll(alsoVouching);
      result.add(Candidate.builder().from(candidate).sources(sources).build());
    }
    return result;
  }
}
