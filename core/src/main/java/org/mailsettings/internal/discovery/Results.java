package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Provider;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.SourceReport;
import org.mailsettings.Trust;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.resolve.ProviderCandidates;

/** Building {@link SourceResult}s: one place for reports, failures and documents. */
public final class Results {
  private Results() {}

  /** A result with nothing found. */
  public static SourceResult nothing(Source source, String query, Duration elapsed, Note... details) {
    return new SourceResult(source, Ranks.of(source), List.of(), List.of(), Optional.empty(), List.of(),
        report(source, query, SourceOutcome.NOTHING, List.of(details), elapsed));
  }

  /** A result of candidates found. */
  public static SourceResult found(
      Source source, int rank, List<Candidate> incoming, List<Candidate> outgoing, Optional<Provider> provider,
      List<Note> notes, String query, List<Note> details, Duration elapsed) {
    return new SourceResult(source, rank, List.copyOf(incoming), List.copyOf(outgoing), provider, List.copyOf(notes),
        report(source, query, SourceOutcome.FOUND, details, elapsed));
  }

  /** A result with nothing found, its report (with {@code detail}) made when first asked for. */
  static SourceResult nothing(SourceTask task, Note detail) {
    Source source = task.source();
    return new SourceResult(source, Ranks.of(source), List.of(), List.of(), Optional.empty(), List.of(),
        new Deferred(task, source, SourceOutcome.NOTHING, Duration.ZERO, detail, null, null), null, true);
  }

  /**
   * A result of candidates found by an offline source, its report made when first asked for: with
   * the note {@code code} of {@code arguments} as its detail; {@code expansion} gives the same
   * answer for another address; {@code publicHosts} when the source knows that no candidate's
   * host is this machine or a private network.
   */
  static SourceResult found(
      SourceTask task, Source source, int rank, List<Candidate> incoming, List<Candidate> outgoing,
      Optional<Provider> provider, List<Note> notes, Function<EmailAddress, SourceResult> expansion, boolean publicHosts,
      Duration elapsed, NoteCode code, Object... arguments) {
    return new SourceResult(source, rank, incoming, outgoing, provider, notes,
        new Deferred(task, source, SourceOutcome.FOUND, elapsed, null, code, arguments), expansion, publicHosts);
  }

  /** The report of an offline source's result, made from the task when someone asks (a discovery does). */
  private static final class Deferred implements SourceResult.DeferredReport {
    private final SourceTask task;
    private final Source source;
    private final SourceOutcome outcome;
    private final Duration elapsed;
    private final @Nullable Note detail;
    private final @Nullable NoteCode code;
    private final Object @Nullable [] arguments;

    Deferred(SourceTask task, Source source, SourceOutcome outcome, Duration elapsed, @Nullable Note detail, @Nullable NoteCode code,
        Object @Nullable [] arguments) {
      this.task = task;
      this.source = source;
      this.outcome = outcome;
      this.elapsed = elapsed;
      this.detail = detail;
      this.code = code;
      this.arguments = arguments;
    }

    @Override
    public SourceReport make() {
      Note note = detail;
      if (note == null) {
        note = Note.of(java.util.Objects.requireNonNull(code, "code"), java.util.Objects.requireNonNull(arguments, "arguments"));
      }
      return report(source, task.query(), outcome, List.of(note), elapsed);
    }
  }

  /** A failed source, its outcome and detail read from the failure's type. */
  public static SourceResult failed(Source source, String query, Throwable failure, Duration elapsed) {
    Throwable cause = unwrap(failure);
    SourceOutcome outcome = SourceOutcome.ERROR;
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    NoteCode code = NoteCode.FAILED;
    if (cause instanceof HttpFetcher.FetchException fetch) {
      code = switch (fetch.failure()) {
        case TIMEOUT -> NoteCode.TIMED_OUT;
        case TOO_LARGE -> NoteCode.TOO_LARGE;
        case TLS -> NoteCode.TLS_FAILED;
        case CONNECT -> NoteCode.CONNECT_FAILED;
        case REDIRECT_REFUSED -> NoteCode.REDIRECT_REFUSED;
        case OTHER -> NoteCode.FAILED;
      };
      if (fetch.failure() == HttpFetcher.Failure.TIMEOUT) {
        outcome = SourceOutcome.TIMEOUT;
      }
    } else if (cause instanceof DnsClient.DnsException dns) {
      code = dns.isTimeout() ? NoteCode.TIMED_OUT : NoteCode.DNS_FAILED;
      if (dns.isTimeout()) {
        outcome = SourceOutcome.TIMEOUT;
      }
    } else if (cause instanceof DnsClient.NoDnsException) {
      code = NoteCode.NO_DNS;
    } else if (cause instanceof ClientConfigException
        || cause instanceof AutodiscoverParser.MalformedException
        || cause instanceof org.mailsettings.internal.pacc.PaccDocument.MalformedException) {
      code = NoteCode.MALFORMED_ANSWER;
    } else if (cause instanceof CancellationException) {
      outcome = SourceOutcome.CANCELLED;
      code = NoteCode.STOPPED_CANCELLED;
    }
    List<Note> details = code == NoteCode.STOPPED_CANCELLED ? List.of(Note.of(code)) : List.of(Note.of(code, message));
    return new SourceResult(source, Ranks.of(source), List.of(), List.of(), Optional.empty(), List.of(),
        report(source, query, outcome, details, elapsed));
  }

  /** An HTTP status other than 200 and the "nothing here" ones. */
  public static SourceResult httpError(Source source, String query, int status, Duration elapsed) {
    return new SourceResult(source, Ranks.of(source), List.of(), List.of(), Optional.empty(), List.of(),
        report(source, query, SourceOutcome.ERROR, List.of(Note.of(NoteCode.HTTP_ERROR, status)), elapsed));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A report. */
  public static SourceReport report(Source source, String query, SourceOutcome outcome, List<Note> details, Duration elapsed) {
    return SourceReport.builder()
        .source(source)
        .query(query)
        .outcome(outcome)
        .details(details)
        .elapsed(elapsed)
        .build();
  }

  /**
   * The candidates of a clientConfig document for the address: from the section that lists the
   * address's domain, else the first.
   */
  static SourceResult fromDocument(
      Source source,
      String query,
      ClientConfig document,
      EmailAddress address,
      Trust trust,
      List<Note> reasons,
      List<Source> alsoVouching,
      Duration elapsed) {
    if (document.emailProviders().isEmpty()) {
      return nothing(source, query, elapsed, Note.of(NoteCode.DOCUMENT_WITHOUT_PROVIDER));
    }
    EmailProviderConfig chosen = document.emailProviders().get(0);
    for (EmailProviderConfig provider : document.emailProviders()) {
      if (provider.domains().contains(address.asciiDomain())) {
        chosen = provider;
        break;
      }
    }
    ProviderEntry entry = new ProviderEntry(chosen, document.oAuth2(), source, document.sourceName());
    List<Note> notes = new ArrayList<>();
    List<Source> sources = Ranks.sorted(source, alsoVouching);
    ProviderCandidates.Firsts firsts = new ProviderCandidates.Firsts();
    List<Candidate> incoming =
        ProviderCandidates.expand(chosen.incomingServers(), entry, address, sources, trust, reasons, notes, firsts);
    List<Candidate> outgoing =
        ProviderCandidates.expand(chosen.outgoingServers(), entry, address, sources, trust, reasons, notes, firsts);
    if (incoming.isEmpty() && outgoing.isEmpty()) {
      notes.add(0, Note.of(NoteCode.DOCUMENT_WITHOUT_SERVERS));
      return new SourceResult(source, Ranks.of(source), List.of(), List.of(), Optional.empty(), List.of(),
          report(source, query, SourceOutcome.NOTHING, notes, elapsed));
    }
    Provider provider = entry.provider();
    List<Note> details = new ArrayList<>();
    details.add(Note.of(NoteCode.DOCUMENT_FOUND, provider.name(), incoming.size(), outgoing.size()));
    details.addAll(notes);
    return found(source, Ranks.of(source), incoming, outgoing, Optional.of(provider), notes, query, details, elapsed)
        .withExpansion(other -> fromDocument(source, query, document, other, trust, reasons, alsoVouching, elapsed));
  }

}
