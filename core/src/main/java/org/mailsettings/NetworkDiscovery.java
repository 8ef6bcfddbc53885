package org.mailsettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.discovery.SourceResult;
import org.mailsettings.internal.discovery.SourceTask;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.resolve.Advice;
import org.mailsettings.internal.resolve.CandidateOrdering;

/**
 * One run of discovery: every source started at once (or one after another when asked), under
 * one deadline. Per direction, the answer is the best-ranked source that found candidates; the
 * run ends as soon as no source still running could outrank the answers in hand, and what is
 * still running is cancelled. Other sources that found the same servers are added to them as
 * vouching sources.
 */
final class NetworkDiscovery {
  private final ResolutionRequest request;
  private final DiscoveryOptions options;
  private final List<SourceTask> tasks;
  private final @Nullable SourceResult[] results;
  private final long[] startedAt;
  private final List<CompletableFuture<SourceResult>> running = new ArrayList<>();
  private final CompletableFuture<Resolution> outcome = new CompletableFuture<>();
  private boolean finished;

  NetworkDiscovery(ResolutionRequest request, DiscoveryOptions options, List<SourceTask> tasks) {
    this.request = request;
    this.options = options;
    this.tasks = List.copyOf(tasks);
    this.results = new SourceResult[tasks.size()];
    this.startedAt = new long[tasks.size()];
  }

  CompletableFuture<Resolution> run() {
    CompletableFuture.delayedExecutor(options.deadline().toNanos(), TimeUnit.NANOSECONDS).execute(() -> finish(true));
    if (options.parallel()) {
      for (int i = 0; i < tasks.size(); i++) {
        var unused = launch(i); // settled through done(...)
      }
    } else {
      // "One after another" is about the network: the local sources answer at once anyway.
      for (int i = 0; i < tasks.size(); i++) {
        if (isLocal(tasks.get(i))) {
          var unused = launch(i);
        }
      }
      launchInOrder(0);
    }
    return outcome;
  }

  private static boolean isLocal(SourceTask task) {
    return task.level() == Source.LOCAL_FILE || task.level() == Source.BUNDLED_DATABASE || task.level() == Source.GUESS;
  }

  private void launchInOrder(int index) {
    int next = index;
    while (next < tasks.size() && isLocal(tasks.get(next))) {
      next++;
    }
    if (next >= tasks.size() || isFinished()) {
      return;
    }
    int current = next;
    var unused =
        launch(current).whenComplete((r, e) -> {
          if (!isFinished()) {
            launchInOrder(current + 1);
          }
        });
  }

  private CompletableFuture<SourceResult> launch(int index) {
    SourceTask task = tasks.get(index);
    synchronized (this) {
      if (finished) {
        return CompletableFuture.completedFuture(
            Objects.requireNonNullElse(results[index], skipped(task)));
      }
      startedAt[index] = System.nanoTime();
    }
    options.listener().started(task.level(), task.query());
    CompletableFuture<SourceResult> future;
    try {
      future = task.start();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    synchronized (this) {
      running.add(future);
    }
    return future.whenComplete((result, failure) -> done(index, result, failure));
  }

  private SourceResult skipped(SourceTask task) {
    return new SourceResult(task.level(), List.of(), List.of(), Optional.empty(),
        SourceReport.builder().source(task.level()).query(task.query()).outcome(SourceOutcome.SKIPPED)
            .detail("not started").elapsed(Duration.ZERO).build());
  }

  private void done(int index, @Nullable SourceResult result, @Nullable Throwable failure) {
    SourceTask task = tasks.get(index);
    SourceResult settled =
        result != null
            ? result
            : new SourceResult(task.level(), List.of(), List.of(), Optional.empty(),
                SourceReport.builder().source(task.level()).query(task.query()).outcome(SourceOutcome.ERROR)
                    .detail(failure == null ? "no result" : String.valueOf(failure.getMessage()))
                    .elapsed(Duration.ofNanos(System.nanoTime() - startedAt[index])).build());
    boolean decided;
    synchronized (this) {
      if (finished) {
        return;
      }
      results[index] = settled;
      decided = decided(true) && decided(false);
    }
    options.listener().finished(settled.report());
    if (decided) {
      finish(false);
    }
  }

  private synchronized boolean isFinished() {
    return finished;
  }

  /** Whether no unfinished source could outrank the best answer for this direction. */
  private boolean decided(boolean incoming) {
    Source best = bestLevel(incoming);
    for (int i = 0; i < tasks.size(); i++) {
      if (results[i] == null && (best == null || tasks.get(i).level().compareTo(best) < 0)) {
        return false;
      }
    }
    return true;
  }

  private @Nullable Source bestLevel(boolean incoming) {
    Source best = null;
    for (SourceResult result : results) {
      if (result != null && !usable(result, incoming).isEmpty() && (best == null || result.level().compareTo(best) < 0)) {
        best = result.level();
      }
    }
    return best;
  }

  private List<Candidate> usable(SourceResult result, boolean incoming) {
    return CandidateOrdering.apply(incoming ? result.incoming() : result.outgoing(), request.policy()).candidates;
  }

  private void finish(boolean deadline) {
    List<CompletableFuture<SourceResult>> toCancel;
    Resolution resolution;
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      resolution = build(deadline);
      toCancel = List.copyOf(running);
    }
    for (CompletableFuture<SourceResult> future : toCancel) {
      future.cancel(true);
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (results[i] == null && startedAt[i] != 0) {
        options.listener().finished(resolution.sourceReports().get(i));
      }
    }
    outcome.complete(resolution);
  }

  private Resolution build(boolean deadline) {
    List<SourceReport> reports = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      SourceResult result = results[i];
      SourceTask task = tasks.get(i);
      if (result != null) {
        reports.add(result.report());
      } else {
        boolean started = startedAt[i] != 0;
        reports.add(
            SourceReport.builder()
                .source(task.level())
                .query(task.query())
                .outcome(!started ? SourceOutcome.SKIPPED : deadline ? SourceOutcome.TIMEOUT : SourceOutcome.CANCELLED)
                .detail(!started ? "not started" : deadline
                    ? "no answer before the deadline of " + options.deadline().toMillis() + " ms"
                    : "stopped: a better source had answered")
                .elapsed(started ? Duration.ofNanos(System.nanoTime() - startedAt[i]) : Duration.ZERO)
                .build());
      }
    }
    List<String> notes = new ArrayList<>();
    Optional<SourceResult> incomingWinner = winner(true);
    Optional<SourceResult> outgoingWinner = winner(false);
    List<Candidate> incoming = incomingWinner.map(w -> merged(w.incoming(), true)).orElse(List.of());
    List<Candidate> outgoing = outgoingWinner.map(w -> merged(w.outgoing(), false)).orElse(List.of());
    CandidateOrdering.Outcome in = CandidateOrdering.apply(incoming, request.policy());
    CandidateOrdering.Outcome out = CandidateOrdering.apply(outgoing, request.policy());
    incomingWinner.ifPresent(w -> notes.add("Incoming settings from the " + w.level().description() + ": " + w.report().query() + "."));
    outgoingWinner.ifPresent(w -> notes.add("Outgoing settings from the " + w.level().description() + ": " + w.report().query() + "."));
    if (incomingWinner.isEmpty() && outgoingWinner.isEmpty()) {
      notes.add("No source found settings for " + request.address().domain() + ".");
    }
    if (deadline) {
      notes.add("The deadline of " + options.deadline().toMillis() + " ms passed before every source answered.");
    }
    if (in.plaintextRemoved + out.plaintextRemoved > 0) {
      notes.add("Left out " + (in.plaintextRemoved + out.plaintextRemoved) + " unencrypted candidates; the policy does not allow plaintext.");
    }
    notes.addAll(Advice.notes(in.candidates, out.candidates));
    Resolution.Builder resolution =
        Resolution.builder()
            .address(request.address())
            .incoming(in.candidates)
            .outgoing(out.candidates)
            .notes(notes)
            .sourceReports(reports);
    incomingWinner.flatMap(SourceResult::provider)
        .or(() -> outgoingWinner.flatMap(SourceResult::provider))
        .ifPresent(resolution::provider);
    return resolution.build();
  }

  private Optional<SourceResult> winner(boolean incoming) {
    Source best = bestLevel(incoming);
    if (best == null) {
      return Optional.empty();
    }
    for (SourceResult result : results) {
      if (result != null && result.level() == best && !usable(result, incoming).isEmpty()) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }

  /** The winner's candidates, each with every other source that found the same server. */
  private List<Candidate> merged(List<Candidate> winning, boolean incoming) {
    List<Candidate> merged = new ArrayList<>();
    for (Candidate candidate : winning) {
      Set<Source> sources = EnumSet.copyOf(candidate.sources());
      Trust trust = candidate.trust();
      for (SourceResult other : results) {
        if (other == null) {
          continue;
        }
        for (Candidate vouching : incoming ? other.incoming() : other.outgoing()) {
          if (vouching.settings().sameEndpoint(candidate.settings()) && vouching.source() != Source.GUESS) {
            sources.addAll(vouching.sources());
            if (vouching.trust().compareTo(trust) < 0) {
              trust = vouching.trust();
            }
          }
        }
      }
      String reason = candidate.reason();
      if (HostNames.isLocalOrPrivate(candidate.settings().host())
          && !HostNames.isLocalOrPrivate(request.address().asciiDomain())
          && !sources.contains(Source.LOCAL_FILE)
          && !sources.contains(Source.BUNDLED_DATABASE)) {
        // A public domain's settings that point at this machine or a private network: a
        // forged answer trying to reach local services, or a mistake. Never trusted unasked.
        trust = trust.weakest(Trust.NEEDS_CONFIRMATION);
        reason = reason + "; the host is a loopback or private address, unusual for " + request.address().domain();
      }
      merged.add(Candidate.builder().from(candidate).sources(sources).trust(trust).reason(reason).build());
    }
    return merged;
  }
}
