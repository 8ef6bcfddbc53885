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
 * HTTP lifetime). Concurrent requests for one key share one lookup; failed lookups are not kept.
 * Thread-safe without locks on the read path.
 */
public final class TtlCache {

  /** A value with how long it may be kept. */
  public record Timed<T>(T value, Duration ttl) {}

  /** A lookup and, once answered, when it expires; compared by identity. */
  private static final class Entry {
    final CompletableFuture<?> future;
    volatile long expiresAt = Long.MAX_VALUE; // in flight: never expired until answered

    Entry(CompletableFuture<?> future) {
      this.future = future;
    }
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
   * shared.
   */
  @SuppressWarnings("unchecked") // every key maps to values of one type, by construction of the keys
  public <T> CompletableFuture<T> get(String key, Supplier<CompletableFuture<Timed<T>>> lookup) {
    long now = nanoClock.getAsLong();
    Entry existing = entries.get(key);
    if (existing != null && existing.expiresAt > now) {
      return (CompletableFuture<T>) existing.future;
    }
    CompletableFuture<T> mine = new CompletableFuture<>();
    Entry fresh = new Entry(mine);
    Entry winner =
        entries.compute(key, (k, current) -> current != null && current.expiresAt > now ? current : fresh);
    if (winner != fresh) {
      return (CompletableFuture<T>) winner.future;
    }
    evictIfFull(now);
    var unused =
        lookup
            .get()
            .whenComplete(
            (timed, failure) -> {
              if (failure != null) {
                entries.remove(key, fresh);
                mine.completeExceptionally(failure);
              } else {
                fresh.expiresAt = nanoClock.getAsLong() + timed.ttl().toNanos();
                mine.complete(timed.value());
              }
            });
    return mine;
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
