package org.mailsettings.internal.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Provider;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.SourceReport;
import org.mailsettings.Trust;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.pacc.DigestRecord;
import org.mailsettings.internal.pacc.PaccDocument;
import org.mailsettings.internal.pacc.PaccMapping;

/**
 * PACC (draft-ietf-mailmaint-pacc-03; -02's {@code smtp} read too): the domain's
 * {@code user-agent-configuration.json} over HTTPS with no redirect followed, used only when the
 * SHA-256 of its exact bytes is among the valid UAAC1 digests of the domain's
 * {@code _ua-auto-config} TXT records (any of them: several stand side by side during a rollover),
 * compared in constant time; the JSON is read only after that.
 *
 * <p>The TXT lookup comes first; the document is fetched only when a valid digest record could
 * vouch for it: no record at all is "nothing here" ({@code NOTHING},
 * {@link NoteCode#PACC_NO_DIGEST}), records that mean to be UAAC1 but are malformed an {@code
 * ERROR} ({@link NoteCode#PACC_RECORD_MALFORMED}); a document that matches no digest is an {@code
 * ERROR} ({@link NoteCode#PACC_DIGEST_MISMATCH}), never a candidate.
 *
 * <p>Trust: HTTPS (the template must be https), no redirect, the digest matched: {@link
 * Trust#TRUSTED}, as autoconfig over HTTPS from the domain is, whether or not the resolver
 * authenticated the TXT answer with DNSSEC (the reason says which: {@link NoteCode#FROM_PACC} or
 * {@link NoteCode#FROM_PACC_AUTHENTICATED}); the document's authenticity rests on the HTTPS
 * certificate for the domain's own name, the digest adds the DNS zone's consent. See SECURITY.md.
 */
public final class PaccTask implements SourceTask {
  private static final String ACCEPT = "application/json";

  private final DiscoveryContext context;
  private final URI uri;
  private final String recordName;

  /** The PACC lookup for the context's address, at the options' URL template. */
  public PaccTask(DiscoveryContext context) {
    this.context = context;
    String domain = context.address().asciiDomain();
    this.uri = context.url(context.options().paccUrlTemplate(), domain);
    this.recordName = DigestRecord.ownerName(domain);
  }

  @Override
  public Source source() {
    return Source.PACC;
  }

  @Override
  public String query() {
    return uri + " + TXT " + recordName;
  }

  /** The valid digests of an answer, and notes on the records that were not valid. */
  private record Digests(List<byte[]> valid, List<Note> problems, int records) {}

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = context.nanoTime();
    CompletableFuture<SourceResult> result = new CompletableFuture<>();
    // The TXT lookup first, the fetch only when a valid digest could vouch for a document: most
    // domains have no PACC records, and a connection to a name nobody serves costs a DNS lookup
    // and a connection attempt for nothing (one DNS round trip is the price for the others).
    CompletableFuture<DnsClient.Answer<String>> txt = context.txt(recordName);
    AtomicReference<@Nullable CompletableFuture<HttpFetcher.Response>> fetching = new AtomicReference<>();
    var unusedTxt = txt.whenComplete((answer, dnsFailure) -> {
      try {
        if (dnsFailure != null) {
          result.complete(Results.failed(Source.PACC, query(), dnsFailure, context.since(start)));
          return;
        }
        Digests digests = digests(answer);
        if (digests.valid().isEmpty()) {
          result.complete(withoutDigest(digests, start));
          return;
        }
        if (result.isDone()) {
          return; // cancelled meanwhile
        }
        CompletableFuture<HttpFetcher.Response> fetch = context.getWithoutRedirects(uri, ACCEPT);
        fetching.set(fetch);
        var unusedFetch = fetch.whenComplete((response, fetchFailure) -> {
          try {
            result.complete(fetchFailure != null
                ? Results.failed(Source.PACC, query(), fetchFailure, context.since(start))
                : read(response, digests, answer.authenticated(), start));
          } catch (RuntimeException e) {
            result.complete(Results.failed(Source.PACC, query(), e, context.since(start)));
          }
        });
        if (result.isCancelled()) {
          fetch.cancel(true);
        }
      } catch (RuntimeException e) {
        result.complete(Results.failed(Source.PACC, query(), e, context.since(start)));
      }
    });
    // A run that no longer needs this source cancels the result: pass it on to the lookups.
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        txt.cancel(true);
        CompletableFuture<HttpFetcher.Response> fetch = fetching.get();
        if (fetch != null) {
          fetch.cancel(true);
        }
      }
    });
    return result;
  }

  private Digests digests(DnsClient.Answer<String> answer) {
    List<byte[]> valid = new ArrayList<>();
    List<Note> problems = new ArrayList<>();
    int ours = 0;
    for (String record : answer.records()) {
      DigestRecord.Parsed parsed = DigestRecord.parse(record);
      switch (parsed.kind()) {
        case VALID -> {
          ours++;
          valid.add(java.util.Objects.requireNonNull(parsed.digest()));
        }
        case MALFORMED -> {
          ours++;
          problems.add(Note.of(NoteCode.PACC_RECORD_MALFORMED, recordName, parsed.problem()));
        }
        case OTHER -> {
          // not a UAAC1 record (an SPF record a wildcard put there): ignored
        }
      }
    }
    return new Digests(valid, problems, ours);
  }

  private SourceResult withoutDigest(Digests digests, long start) {
    if (digests.records() == 0) {
      return Results.nothing(Source.PACC, query(), context.since(start), Note.of(NoteCode.PACC_NO_DIGEST, recordName));
    }
    List<Note> details = new ArrayList<>(digests.problems());
    details.add(Note.of(NoteCode.PACC_NO_DIGEST, recordName));
    return error(details, start);
  }

  private SourceResult error(List<Note> details, long start) {
    return new SourceResult(Source.PACC, Ranks.of(Source.PACC), List.of(), List.of(), Optional.empty(), List.of(),
        Results.report(Source.PACC, query(), SourceOutcome.ERROR, details, context.since(start)));
  }

  private SourceResult read(HttpFetcher.Response response, Digests digests, boolean authenticated, long start) {
    if (response.status() == 404 || response.status() == 410) {
      return Results.nothing(Source.PACC, query(), context.since(start), Note.of(NoteCode.HTTP_STATUS, response.status()));
    }
    if (response.status() != 200) {
      return Results.httpError(Source.PACC, query(), response.status(), context.since(start));
    }
    byte[] body = response.body();
    if (!DigestRecord.matches(body, digests.valid())) {
      List<Note> details = new ArrayList<>(digests.problems());
      details.add(Note.of(NoteCode.PACC_DIGEST_MISMATCH, recordName, digests.valid().size()));
      return error(details, start);
    }
    PaccDocument document;
    try {
      document = PaccDocument.read(body, context.options().maxResponseBytes());
    } catch (PaccDocument.MalformedException e) {
      return Results.failed(Source.PACC, query(), e, context.since(start));
    }
    String domain = context.address().asciiDomain();
    ClientConfig config = PaccMapping.toClientConfig(document, domain, uri.toString());
    Note reason = Note.of(authenticated ? NoteCode.FROM_PACC_AUTHENTICATED : NoteCode.FROM_PACC, context.address().domain());
    List<Note> details = new ArrayList<>(digests.problems());
    details.add(Note.of(NoteCode.PACC_DIGEST_MATCHED, recordName));
    for (PaccDocument.Ignored ignored : document.ignored()) {
      details.add(Note.of(NoteCode.PACC_ENTRY_IGNORED, ignored.member(), ignored.reason()));
    }
    SourceResult found =
        Results.fromDocument(Source.PACC, query(), config, context.address(), Trust.TRUSTED, List.of(reason), List.of(),
            context.since(start));
    return completed(found, document, details).withExpansion(other -> completed(
        Results.fromDocument(Source.PACC, query(), config, other, Trust.TRUSTED, List.of(reason), List.of(), found.report().elapsed()),
        document, details));
  }

  /** The result with the provider's issuer, the HTTP services and the digest's details. */
  private static SourceResult completed(SourceResult result, PaccDocument document, List<Note> details) {
    Optional<Provider> provider = result.provider().map(p -> Provider.builder().from(p)
        .publicClientIssuer(document.issuer())
        .build());
    SourceReport report = result.report();
    List<Note> all = new ArrayList<>(report.details());
    all.addAll(details);
    SourceReport extended = SourceReport.builder().from(report).details(all).build();
    return new SourceResult(result.source(), result.rank(), result.incoming(), result.outgoing(), provider, result.notes(),
        extended).withServices(document.services());
  }
}
