package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.mailsettings.DiscoveryListener;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.SourceOutcome;
import org.mailsettings.SourceReport;

/**
 * One run of discovery: every source started at once (or one after another when asked), under
 * one deadline. Per direction, the answer is the best-ranked source that found candidates; the
 * run ends as soon as no source still running could outrank the answers in hand, at the
 * deadline, or when the caller cancels the returned future. When it ends, everything still
 * running is cancelled (HTTP exchanges aborted), the deadline's timer is cancelled, and the run
 * keeps no reference from the client's threads.
 */
public final class Discovery {
  private enum End {
    DECIDED,
    DEADLINE,
    CANCELLED
  }

  private final DiscoveryContext context;
  private final List<SourceTask> tasks;
  private final @Nullable SourceResult[] results;
  private final long[] startedAt;
  private final List<@Nullable CompletableFuture<SourceResult>> running;
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final DiscoveryListener listener;
  private final ResolutionPolicy policy;
  private @Nullable ScheduledFuture<?> deadline;
  private Admission.@Nullable Permit permit;
  private @Nullable CompletableFuture<Admission.Permit> waiting;
  private boolean finished;

  private Discovery(DiscoveryContext context, List<SourceTask> tasks) {
    this.context = context;
    this.tasks = List.copyOf(tasks);
    this.results = new SourceResult[tasks.size()];
    this.startedAt = new long[tasks.size()];
    this.running = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
    this.listener = context.options().listener();
    this.policy = context.request().policy();
  }

  /**
   * What a finished run found: every finished source's result, every source's report, and the
   * deadline when it passed before every source answered. {@link #resolution} assembles it for
   * the run's address; {@link #forAddress} for another address of the same domain.
   */
  public record Outcome(List<SourceResult> results, List<SourceReport> reports, @Nullable Long deadlineMillis) {
    /** The resolution for {@code request}, whose address is the run's. */
    public Resolution resolution(ResolutionRequest request) {
      return Assembly.assemble(request, results, reports, deadlineMillis);
    }

    /** The resolution for {@code request}, another address of the run's domain ({@code runAddress}). */
    public Resolution forAddress(EmailAddress runAddress, ResolutionRequest request) {
      // Only the winners of the two directions are expanded again for the address: the others
      // only vouch for the winners' servers, and a server's endpoint does not depend on the
      // address. Expanding every result (the 23 guesses of each address of a domain an earlier
      // source answered) took a quarter of a bulk run's CPU.
      ResolutionPolicy requested = request.policy();
      @Nullable SourceResult incoming = Assembly.winner(results, true, requested);
      @Nullable SourceResult outgoing = Assembly.winner(results, false, requested);
      List<SourceResult> retargeted = new ArrayList<>(results.size());
      for (SourceResult result : results) {
        retargeted.add(result == incoming || result == outgoing ? result.forAddress(runAddress, request.address()) : result);
      }
      return Assembly.assemble(request, retargeted, reports, deadlineMillis);
    }
  }

  /** Starts a run of the tasks; the future completes with the resolution and never fails. */
  public static CompletableFuture<Resolution> start(DiscoveryContext context, List<SourceTask> tasks) {
    CompletableFuture<Outcome> run = outcome(context, tasks);
    CompletableFuture<Resolution> resolution = new CompletableFuture<>();
    var unused = run.whenComplete((finished, failure) -> {
      if (finished != null) {
        resolution.complete(finished.resolution(context.request()));
      } else if (failure != null) {
        resolution.completeExceptionally(failure);
      }
    });
    // The caller cancels the resolution: the run stops everything.
    var unusedToo = resolution.whenComplete((r, e) -> {
      if (resolution.isCancelled()) {
        run.cancel(false);
      }
    });
    return resolution;
  }

  /** Starts a run of the tasks; cancelling the future stops it. */
  public static CompletableFuture<Outcome> outcome(DiscoveryContext context, List<SourceTask> tasks) {
    return new Discovery(context, tasks).run();
  }

  private CompletableFuture<Outcome> run() {
    var unused = outcome.whenComplete((r, e) -> {
      if (outcome.isCancelled()) {
        finish(End.CANCELLED);
      }
    });
    ScheduledFuture<?> timer = context.runtime().schedule(() -> finish(End.DEADLINE), context.options().deadline());
    synchronized (this) {
      if (finished) {
        timer.cancel(false);
      } else {
        deadline = timer;
      }
    }
    CompletableFuture<Admission.Permit> admitted = context.runtime().admission().acquire(context.address().asciiDomain());
    synchronized (this) {
      waiting = admitted;
    }
    var unusedAdmission = admitted.whenComplete((granted, failure) -> {
      if (granted == null) {
        return;
      }
      boolean keep;
      synchronized (this) {
        keep = !finished;
        if (keep) {
          permit = granted;
          waiting = null;
        }
      }
      if (keep) {
        launchAll();
      } else {
        granted.release(); // the run ended while it waited
      }
    });
    if (isFinished()) {
      admitted.cancel(false);
    }
    return outcome;
  }

  private void launchAll() {
    if (context.options().parallel()) {
      for (int i = 0; i < tasks.size(); i++) {
        var unused = launch(i); // settled through done(...)
      }
    } else {
      // "One after another" is about the network: the sources that need none answer at once anyway.
      for (int i = 0; i < tasks.size(); i++) {
        if (isImmediate(tasks.get(i))) {
          var unused = launch(i);
        }
      }
      launchInOrder(0);
    }
  }

  private static boolean isImmediate(SourceTask task) {
    return task instanceof DatabaseTask || task instanceof GuessTask;
  }

  private void launchInOrder(int index) {
    int next = index;
    while (next < tasks.size() && isImmediate(tasks.get(next))) {
      next++;
    }
    if (next >= tasks.size() || isFinished()) {
      return;
    }
    int current = next;
    var unused = launch(current).whenComplete((r, e) -> {
      if (!isFinished()) {
        launchInOrder(current + 1);
      }
    });
  }

  private CompletableFuture<SourceResult> launch(int index) {
    SourceTask task = tasks.get(index);
    synchronized (this) {
      if (finished) {
        return CompletableFuture.completedFuture(skipped(task));
      }
      startedAt[index] = context.nanoTime();
    }
    notify(() -> listener.started(task.source(), task.query()));
    CompletableFuture<SourceResult> future;
    try {
      SourceResult now = task.now();
      future = now != null ? CompletableFuture.completedFuture(now) : startApart(task);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    synchronized (this) {
      if (!future.isDone()) {
        running.set(index, future);
      }
    }
    return future.whenComplete((result, failure) -> done(index, result, failure));
  }

  /**
   * Starts a network task on the client's network threads, not on the caller's thread nor the
   * workers': starting can block (the JDK's HTTP client resolves the host name before {@code
   * sendAsync} returns, up to the system resolver's timeout), and neither the sources after it nor
   * the answers the workers carry must wait for that. Cancelling the returned future cancels the
   * task's own (which aborts its HTTP exchange).
   */
  private CompletableFuture<SourceResult> startApart(SourceTask task) {
    CompletableFuture<SourceResult> outer = new CompletableFuture<>();
    context.runtime().network().execute(() -> {
      if (outer.isDone()) {
        return;
      }
      CompletableFuture<SourceResult> inner;
      try {
        inner = task.start();
      } catch (RuntimeException | LinkageError e) {
        // A linkage error too (a class of a library missing from a repackaged jar): the source
        // fails now with it in its report, instead of waiting for the deadline while the error
        // goes to the thread's uncaught-exception handler.
        outer.completeExceptionally(e);
        return;
      }
      var unusedRelay = inner.whenComplete((result, failure) -> {
        if (failure != null) {
          outer.completeExceptionally(failure);
        } else {
          outer.complete(result);
        }
      });
      var unusedCancel = outer.whenComplete((result, failure) -> {
        if (outer.isCancelled()) {
          inner.cancel(true);
        }
      });
    });
    return outer;
  }

  private SourceResult skipped(SourceTask task) {
    return new SourceResult(task.source(), task.rank(), List.of(), List.of(), Optional.empty(), List.of(),
        Results.report(task.source(), task.query(), SourceOutcome.SKIPPED, List.of(Note.of(NoteCode.NOT_STARTED)), Duration.ZERO));
  }

  private void done(int index, @Nullable SourceResult result, @Nullable Throwable failure) {
    SourceTask task = tasks.get(index);
    SourceResult settled =
        result != null
            ? result
            : Results.failed(task.source(), task.query(), failure == null ? new IllegalStateException("no result") : failure,
                context.since(startedAt[index]));
    boolean decided;
    synchronized (this) {
      running.set(index, null);
      if (finished) {
        return;
      }
      results[index] = settled;
      decided = decided(true) && decided(false);
    }
    notify(() -> listener.finished(settled.report()));
    if (decided) {
      finish(End.DECIDED);
    }
  }

  private synchronized boolean isFinished() {
    return finished;
  }

  /** Whether no unfinished source could outrank the best answer for this direction. */
  private boolean decided(boolean incoming) {
    int best = Integer.MAX_VALUE;
    for (SourceResult result : results) {
      if (result != null && result.rank() < best && Assembly.hasUsable(result, incoming, policy)) {
        best = result.rank();
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (results[i] == null && tasks.get(i).rank() < best) {
        return false;
      }
    }
    return true;
  }

  private void finish(End end) {
    List<CompletableFuture<SourceResult>> toCancel;
    List<SourceResult> finishedResults = new ArrayList<>();
    List<SourceReport> reports = new ArrayList<>();
    List<SourceReport> stopped = new ArrayList<>();
    ScheduledFuture<?> timer;
    Admission.Permit held;
    CompletableFuture<Admission.Permit> admission;
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      for (int i = 0; i < tasks.size(); i++) {
        SourceResult result = results[i];
        if (result != null) {
          finishedResults.add(result);
          reports.add(result.report());
        } else {
          SourceReport report = unfinished(i, end);
          reports.add(report);
          if (startedAt[i] != 0) {
            stopped.add(report);
          }
        }
      }
      toCancel = new ArrayList<>();
      for (int i = 0; i < running.size(); i++) {
        CompletableFuture<SourceResult> future = running.get(i);
        if (future != null) {
          toCancel.add(future);
          running.set(i, null);
        }
      }
      timer = deadline;
      deadline = null;
      held = permit;
      permit = null;
      admission = waiting;
      waiting = null;
    }
    if (admission != null) {
      admission.cancel(false);
    }
    if (timer != null) {
      timer.cancel(false);
    }
    for (CompletableFuture<SourceResult> future : toCancel) {
      future.cancel(true);
    }
    if (held != null) {
      held.release();
    }
    for (SourceReport report : stopped) {
      notify(() -> listener.finished(report));
    }
    if (end != End.CANCELLED) {
      Long deadlineMillis = end == End.DEADLINE ? context.options().deadline().toMillis() : null;
      outcome.complete(new Outcome(List.copyOf(finishedResults), List.copyOf(reports), deadlineMillis));
    }
  }

  private SourceReport unfinished(int index, End end) {
    SourceTask task = tasks.get(index);
    boolean started = startedAt[index] != 0;
    SourceOutcome outcome;
    Note detail;
    if (!started) {
      outcome = SourceOutcome.SKIPPED;
      detail = Note.of(NoteCode.NOT_STARTED);
    } else if (end == End.DEADLINE) {
      outcome = SourceOutcome.TIMEOUT;
      detail = Note.of(NoteCode.NO_ANSWER_BEFORE_DEADLINE, context.options().deadline().toMillis());
    } else {
      outcome = SourceOutcome.CANCELLED;
      detail = Note.of(end == End.CANCELLED ? NoteCode.STOPPED_CANCELLED : NoteCode.STOPPED_BETTER_ANSWERED);
    }
    return Results.report(task.source(), task.query(), outcome, List.of(detail),
        started ? context.since(startedAt[index]) : Duration.ZERO);
  }

  /** Calls the application's listener; what it throws must not break the run. */
  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      // the listener's own problem
    }
  }
}
