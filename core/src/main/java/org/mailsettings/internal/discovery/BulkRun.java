package org.mailsettings.internal.discovery;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mailsettings.BulkOptions;
import org.mailsettings.BulkResult;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;

/**
 * One run of bulk discovery over a stream of addresses: each distinct domain is discovered once
 * (concurrent addresses of a domain wait for the same discovery, later ones take the remembered
 * answer) and every address gets the domain's answer with its own usernames. At most {@link
 * BulkOptions#concurrency()} domains are discovered at once and a bounded window of addresses is
 * in hand, so memory stays flat however long the input is: inputs are read only as results are
 * taken. Results come back as they complete or in input order. Closing the run cancels what is
 * still running.
 */
public final class BulkRun implements Spliterator<BulkResult>, AutoCloseable {

  /** An address read and not yet handed out. */
  private static final class Pending {
    final long index;
    final String input;
    final @Nullable EmailAddress address;
    final @Nullable InvalidEmailAddressException error;
    @Nullable Domain domain;

    Pending(long index, String input, @Nullable EmailAddress address, @Nullable InvalidEmailAddressException error) {
      this.index = index;
      this.input = input;
      this.address = address;
      this.error = error;
    }

    boolean ready() {
      return domain == null || domain.outcome.isDone();
    }
  }

  /** A domain's discovery, run for the first address of the domain read. */
  private static final class Domain {
    final EmailAddress first;
    final CompletableFuture<Discovery.Outcome> outcome;

    Domain(EmailAddress first, CompletableFuture<Discovery.Outcome> outcome) {
      this.first = first;
      this.outcome = outcome;
    }
  }

  private final Iterator<String> inputs;
  private final BulkOptions options;
  private final PipelineRuntime runtime;
  private final int window;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final Map<String, Domain> running = new HashMap<>();
  private final Map<String, Domain> remembered;
  private final Object changed = new Object();
  private long nextIndex;
  private boolean inputEnded;
  private volatile boolean closed;

  /** A run over {@code inputs} (read lazily, from the caller's thread only). */
  public BulkRun(Iterator<String> inputs, BulkOptions options, PipelineRuntime runtime) {
    this.inputs = inputs;
    this.options = options;
    this.runtime = runtime;
    this.window = Math.max(64, options.concurrency() * 4);
    int keep = options.maxDomainsRemembered();
    this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Domain> eldest) {
        return size() > keep;
      }
    };
  }

  @Override
  public boolean tryAdvance(Consumer<? super BulkResult> action) {
    Pending next = takeNext();
    if (next == null) {
      return false;
    }
    action.accept(result(next));
    return true;
  }

  /**
   * Hands out a ready result first and reads the next input only when none is ready (while the
   * window and the domain limit allow), then waits for a result. Ready first: an input that is
   * read slowly, such as a pipe a person types into, is answered line by line, and still up to
   * the limit of domains are discovered at once while none is ready.
   */
  private @Nullable Pending takeNext() {
    while (true) {
      if (closed) {
        return null;
      }
      synchronized (changed) {
        Pending ready = ready();
        if (ready != null) {
          pending.remove(ready);
          return ready;
        }
      }
      if (readOne()) {
        continue;
      }
      synchronized (changed) {
        if (ready() != null) {
          continue;
        }
        if (pending.isEmpty() && inputEnded) {
          return null;
        }
        try {
          changed.wait(50); // woken by a finished domain; the timeout only guards a lost wake-up
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          return null;
        }
      }
    }
  }

  /** The next result that may be handed out: the oldest ready one, or in order the oldest only. */
  private @Nullable Pending ready() {
    if (options.ordered()) {
      Pending first = pending.peekFirst();
      return first != null && first.ready() ? first : null;
    }
    for (Pending candidate : pending) {
      if (candidate.ready()) {
        return candidate;
      }
    }
    return null;
  }

  /** Reads one input when the window and the domain limit allow; whether one was read. */
  private boolean readOne() {
    if (inputEnded) {
      return false;
    }
    synchronized (changed) {
      if (pending.size() >= window || running.size() >= options.concurrency()) {
        return false;
      }
    }
    if (!inputs.hasNext()) {
      inputEnded = true;
      return false;
    }
    String input = Objects.requireNonNull(inputs.next(), "a null input");
    long index = nextIndex++;
    Pending item;
    try {
      item = new Pending(index, input, EmailAddress.parse(input), null);
    } catch (InvalidEmailAddressException e) {
      item = new Pending(index, input, null, e);
    }
    if (item.address != null) {
      item.domain = domain(item.address);
    }
    synchronized (changed) {
      pending.addLast(item);
    }
    return true;
  }

  /** The domain's discovery: running, remembered, or started now for this address. */
  private Domain domain(EmailAddress address) {
    String key = address.asciiDomain();
    synchronized (changed) {
      Domain known = running.get(key);
      if (known == null) {
        known = remembered.get(key);
      }
      if (known != null) {
        return known;
      }
    }
    ResolutionRequest request = ResolutionRequest.builder().address(address).policy(options.policy()).build();
    DiscoveryContext context = new DiscoveryContext(request, options.discovery(), runtime);
    CompletableFuture<Discovery.Outcome> outcome = Discovery.outcome(context, Pipeline.tasks(context));
    Domain domain = new Domain(address, outcome);
    synchronized (changed) {
      running.put(key, domain);
    }
    var unused = outcome.whenComplete((finished, failure) -> {
      synchronized (changed) {
        running.remove(key, domain);
        if (finished != null && options.maxDomainsRemembered() > 0) {
          remembered.put(key, domain);
        }
        changed.notifyAll();
      }
    });
    return domain;
  }

  private BulkResult result(Pending item) {
    if (item.error != null) {
      return BulkResult.failed(item.index, item.input, item.error);
    }
    Domain domain = Objects.requireNonNull(item.domain);
    EmailAddress address = Objects.requireNonNull(item.address);
    Discovery.Outcome outcome = domain.outcome.join();
    ResolutionRequest request = ResolutionRequest.builder().address(address).policy(options.policy()).build();
    Resolution resolution = address.equals(domain.first) ? outcome.resolution(request) : outcome.forAddress(domain.first, request);
    return BulkResult.of(item.index, item.input, resolution);
  }

  @Override
  public @Nullable Spliterator<BulkResult> trySplit() {
    return null; // one consumer: results are handed out in the run's own order
  }

  @Override
  public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public int characteristics() {
    return Spliterator.NONNULL | (options.ordered() ? Spliterator.ORDERED : 0);
  }

  /** Cancels every discovery still running; no further input is read. */
  @Override
  public void close() {
    closed = true;
    synchronized (changed) {
      for (Domain domain : running.values()) {
        domain.outcome.cancel(false);
      }
      running.clear();
      pending.clear();
      changed.notifyAll();
    }
  }
}
