package org.mailsettings.internal.discovery;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How many discoveries run at once, in all and per domain: beyond the limits, a discovery waits
 * (without holding a thread) until one finishes, first come first served. A waiting discovery
 * that is cancelled or reaches its deadline leaves the queue.
 */
public final class Admission {
  private final int maxRunning;
  private final int maxPerDomain;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private final Map<String, Integer> perDomain = new HashMap<>();
  private int running;

  /** A discovery waiting for a place; compared by identity. */
  private static final class Waiting {
    private final String domain;
    private final CompletableFuture<Permit> permit;

    Waiting(String domain, CompletableFuture<Permit> permit) {
      this.domain = domain;
      this.permit = permit;
    }

    String domain() {
      return domain;
    }

    CompletableFuture<Permit> permit() {
      return permit;
    }
  }

  /** A granted place; {@link #release()} gives it back, once. */
  public final class Permit {
    private final String domain;
    private boolean released;

    private Permit(String domain) {
      this.domain = domain;
    }

    /** Gives the place back and admits whoever waits for it. */
    public void release() {
      synchronized (Admission.this) {
        if (released) {
          return;
        }
        released = true;
        running--;
        perDomain.computeIfPresent(domain, (d, n) -> n <= 1 ? null : n - 1);
      }
      admitWaiting();
    }
  }

  /** Limits of at most {@code maxRunning} discoveries, {@code maxPerDomain} of one domain. */
  public Admission(int maxRunning, int maxPerDomain) {
    this.maxRunning = maxRunning;
    this.maxPerDomain = maxPerDomain;
  }

  /** A place for a discovery of {@code domain}: granted at once when free, else when one is. */
  public CompletableFuture<Permit> acquire(String domain) {
    CompletableFuture<Permit> permit = new CompletableFuture<>();
    Waiting entry;
    synchronized (this) {
      if (queue.isEmpty() && fits(domain)) {
        permit.complete(grant(domain));
        return permit;
      }
      entry = new Waiting(domain, permit);
      queue.add(entry);
    }
    // Cancelled or timed out while waiting: out of the queue; granted meanwhile: given back.
    var unused = permit.whenComplete((granted, failure) -> {
      if (failure != null) {
        synchronized (this) {
          queue.remove(entry);
        }
        admitWaiting();
      }
    });
    return permit;
  }

  /** The number of discoveries running. */
  public synchronized int running() {
    return running;
  }

  private boolean fits(String domain) {
    return running < maxRunning && perDomain.getOrDefault(domain, 0) < maxPerDomain;
  }

  private Permit grant(String domain) {
    running++;
    perDomain.merge(domain, 1, Integer::sum);
    return new Permit(domain);
  }

  private void admitWaiting() {
    while (true) {
      Waiting next = null;
      Permit permit = null;
      synchronized (this) {
        for (Iterator<Waiting> it = queue.iterator(); it.hasNext(); ) {
          Waiting waiting = it.next();
          if (waiting.permit().isDone()) {
            it.remove();
          } else if (fits(waiting.domain())) {
            it.remove();
            next = waiting;
            permit = grant(waiting.domain());
            break;
          }
        }
      }
      if (next == null || permit == null) {
        return;
      }
      if (!next.permit().complete(permit)) {
        permit.release(); // cancelled in the meantime
      }
    }
  }
}
