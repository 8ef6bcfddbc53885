package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A bounded cache of asynchronous lookups, each kept for the time its answer says (a DNS TTL, an
 * HTTP lifetime). Concurrent requests for one key share one lookup, and each caller gets a future
 * of its own: cancelling it never cancels what other callers wait for, and when every caller of a
 * lookup still in flight has cancelled, the lookup itself is cancelled (its HTTP exchange
 * aborted) and forgotten. Failed lookups are not kept. Thread-safe.
 */
public final class TtlCache {

  /** A value with how long it may be kept. */
  public record Timed<T>(T value, Duration ttl) {}

  /** A lookup, its callers while in flight, and once answered when it expires. */
  private static final class Entry {
    final CompletableFuture<?> answer = new CompletableFuture<>();
    volatile long expiresAt = Long.MAX_VALUE; // in flight: never expired until answered
    int waiting; // callers whose futures are neither done nor cancelled, while in flight
    @org.jspecify.annotations.Nullable CompletableFuture<?> lookup;
  }

  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** A cache of at most {@code maxEntries} answers. */
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
    Entry fresh = new Entry();
    Entry winner = entries.compute(key, (k, current) -> current != null && current.expiresAt > now ? current : fresh);
    CompletableFuture<T> share = share(winner);
    if (winner != fresh) {
      return share;
    }
    evictIfFull(now);
    CompletableFuture<Timed<T>> started;
    try {
      started = lookup.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    synchronized (fresh) {
      fresh.lookup = started;
    }
    var unused =
        started.whenComplete(
            (timed, failure) -> {
              CompletableFuture<Object> answer = (CompletableFuture<Object>) fresh.answer;
              if (failure != null) {
                entries.remove(key, fresh);
                answer.completeExceptionally(failure);
              } else {
                fresh.expiresAt = nanoClock.getAsLong() + timed.ttl().toNanos();
                answer.complete(timed.value());
              }
            });
    // The caller may have cancelled before the lookup was even stored.
    cancelIfAbandoned(fresh);
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
    entries.values().remove(entry);
    if (lookup != null) {
      lookup.cancel(true);
    }
    entry.answer.cancel(false);
  }

  /** The number of entries held, expired ones included until evicted. */
  public int size() {
    return entries.size();
  }

  /** Forgets everything. */
  public void clear() {
    entries.clear();
  }

  private void evictIfFull(long now) {
    if (entries.size() <= maxEntries) {
      return;
    }
    entries.values().removeIf(e -> e.expiresAt <= now);
    Iterator<String> keys = entries.keySet().iterator();
    while (entries.size() > maxEntries && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  /** Maps the cached type, for callers that cache one shape and use another. */
  public static <A, B> Function<Timed<A>, Timed<B>> mapping(Function<A, B> function) {
    return timed -> new Timed<>(function.apply(timed.value()), timed.ttl());
  }
}
