package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of asynchronous lookups, each kept for the time its answer says (a DNS TTL, an
 * HTTP lifetime). Concurrent requests for one key share one lookup, and each caller gets a future
 * of its own: cancelling it never cancels what other callers wait for, and when every caller of a
 * lookup still in flight has cancelled, the lookup itself is cancelled (its HTTP exchange
 * aborted) and forgotten. Failed lookups are not kept. When full, the least recently used answers
 * leave first; a lookup in flight is never evicted (its callers share it until it answers).
 * Every operation costs the same however many entries are held. Thread-safe.
 */
public final class TtlCache {

  /** A value with how long it may be kept. */
  public record Timed<T>(T value, Duration ttl) {}

  /** A lookup, its callers while in flight, and once answered when it expires. */
  private static final class Entry {
    final String key;
    final CompletableFuture<?> answer = new CompletableFuture<>();
    volatile long expiresAt = Long.MAX_VALUE; // in flight: never expired until answered
    int waiting; // callers whose futures are neither done nor cancelled, while in flight
    @Nullable CompletableFuture<?> lookup;

    Entry(String key) {
      this.key = key;
    }
  }

  private final int maxEntries;
  private final LongSupplier nanoClock;
  // In access order: the eldest entry is the least recently used. Guarded by itself; no other
  // lock is taken while it is held. Lookups are started and completed outside it.
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  /** A cache of at most {@code maxEntries} answers (lookups in flight may add to them). */
  public TtlCache(int maxEntries, LongSupplier nanoClock) {
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  /**
   * The cached answer for {@code key}, or the lookup's, started now; lookups in flight are
   * shared. The returned future is the caller's own.
   */
  @SuppressWarnings("unchecked") // every key maps to values of one type, by construction of the keys
  public <T> CompletableFuture<T> get(String key, Supplier<CompletableFuture<Timed<T>>> lookup) {
    long now = nanoClock.getAsLong();
    Entry winner;
    boolean fresh;
    synchronized (entries) {
      Entry current = entries.get(key); // marks it the most recently used
      fresh = current == null || current.expiresAt <= now;
      if (current != null && !fresh) {
        winner = current;
      } else {
        winner = new Entry(key);
        entries.put(key, winner); // an expired answer is replaced
        evictIfFull();
      }
    }
    CompletableFuture<T> share = share(winner);
    if (!fresh) {
      return share;
    }
    Entry entry = winner;
    CompletableFuture<Timed<T>> started;
    try {
      started = lookup.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    synchronized (entry) {
      entry.lookup = started;
    }
    var unused =
        started.whenComplete(
            (timed, failure) -> {
              CompletableFuture<Object> answer = (CompletableFuture<Object>) entry.answer;
              if (failure != null) {
                forget(entry);
                answer.completeExceptionally(failure);
              } else {
                entry.expiresAt = nanoClock.getAsLong() + timed.ttl().toNanos();
                answer.complete(timed.value());
              }
            });
    // The caller may have cancelled before the lookup was even stored.
    cancelIfAbandoned(entry);
    return share;
  }

  /** A future of the caller's own that follows the entry's answer. */
  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> share(Entry entry) {
    CompletableFuture<T> answer = (CompletableFuture<T>) entry.answer;
    if (answer.isDone()) {
      return answer.copy();
    }
    CompletableFuture<T> mine = new CompletableFuture<>();
    synchronized (entry) {
      entry.waiting++;
    }
    var unused = answer.whenComplete((value, failure) -> {
      if (failure != null) {
        mine.completeExceptionally(failure);
      } else {
        mine.complete(value);
      }
    });
    var unusedToo = mine.whenComplete((value, failure) -> {
      boolean abandoned;
      synchronized (entry) {
        entry.waiting--;
        abandoned = mine.isCancelled() && entry.waiting == 0 && !answer.isDone();
      }
      if (abandoned) {
        cancelIfAbandoned(entry);
      }
    });
    return mine;
  }

  /** Cancels a lookup in flight that no caller waits for any more. */
  private void cancelIfAbandoned(Entry entry) {
    CompletableFuture<?> lookup;
    synchronized (entry) {
      if (entry.waiting > 0 || entry.answer.isDone()) {
        return;
      }
      lookup = entry.lookup;
    }
    forget(entry);
    if (lookup != null) {
      lookup.cancel(true);
    }
    entry.answer.cancel(false);
  }

  /** Removes the entry, unless another has taken its key since. */
  private void forget(Entry entry) {
    synchronized (entries) {
      entries.remove(entry.key, entry);
    }
  }

  /** The number of entries held, expired ones included until evicted. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Forgets everything. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /**
   * Evicts answered entries, least recently used first, while more than the maximum are held.
   * Lookups in flight are passed over: they are young, so few are met before an answered one.
   */
  private void evictIfFull() {
    Iterator<Entry> eldest = entries.values().iterator();
    while (entries.size() > maxEntries && eldest.hasNext()) {
      if (eldest.next().answer.isDone()) {
        eldest.remove();
      }
    }
  }

  /** Maps the cached type, for callers that cache one shape and use another. */
  public static <A, B> Function<Timed<A>, Timed<B>> mapping(Function<A, B> function) {
    return timed -> new Timed<>(function.apply(timed.value()), timed.ttl());
  }
}
