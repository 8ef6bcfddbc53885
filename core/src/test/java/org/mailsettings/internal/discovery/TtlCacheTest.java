package org.mailsettings.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The answer cache of discovery: which entries a full cache gives up, and that a lookup in flight
 * stays shared however full the cache is (a bulk run over thousands of domains fills it).
 */
class TtlCacheTest {
  private final AtomicLong clock = new AtomicLong();
  private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<TtlCache.Timed<String>>> pending = new ConcurrentHashMap<>();

  /** A lookup of {@code key} that answers when the test says so, counted. */
  private Supplier<CompletableFuture<TtlCache.Timed<String>>> lookup(String key) {
    return () -> {
      lookups.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      return pending.computeIfAbsent(key, k -> new CompletableFuture<>());
    };
  }

  private void answer(String key) {
    pending.remove(key).complete(new TtlCache.Timed<>("answer of " + key, Duration.ofMinutes(5)));
  }

  private int lookupsOf(String key) {
    AtomicInteger count = lookups.get(key);
    return count == null ? 0 : count.get();
  }

  @Test
  void aFullCacheGivesUpTheLeastRecentlyUsedAnswerFirst() {
    TtlCache cache = new TtlCache(3, clock::get);
    for (String key : List.of("a", "b", "c")) {
      var unused = cache.get(key, lookup(key));
      answer(key);
    }
    assertThat(cache.get("a", lookup("a"))).isCompletedWithValue("answer of a"); // "a" used again: "b" is the eldest now

    var unused = cache.get("d", lookup("d"));
    answer("d");

    for (String key : List.of("a", "c", "d")) {
      assertThat(cache.get(key, lookup(key))).isCompletedWithValue("answer of " + key);
      assertThat(lookupsOf(key)).as(key).isEqualTo(1);
    }
    assertThat(cache.get("b", lookup("b"))).isNotDone();
    assertThat(lookupsOf("b")).isEqualTo(2);
    assertThat(cache.size()).isEqualTo(3); // the lookup of "b" made "a", the least recently used, leave
  }

  @Test
  void lookupsInFlightStaySharedWhenTheCacheIsFull() {
    TtlCache cache = new TtlCache(2, clock::get);
    List<CompletableFuture<String>> first = new ArrayList<>();
    for (String key : List.of("a", "b", "c", "d")) {
      first.add(cache.get(key, lookup(key)));
    }

    List<CompletableFuture<String>> second = new ArrayList<>();
    for (String key : List.of("a", "b", "c", "d")) {
      second.add(cache.get(key, lookup(key)));
    }

    for (String key : List.of("a", "b", "c", "d")) {
      assertThat(lookupsOf(key)).as(key).isEqualTo(1);
      answer(key);
    }
    for (int i = 0; i < 4; i++) {
      assertThat(first.get(i)).isCompletedWithValue(second.get(i).join());
    }
    // Answered now, they can go: the next entry brings the cache back to its size.
    var unused = cache.get("e", lookup("e"));
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void anAnswerIsKeptForItsLifetimeOnly() {
    TtlCache cache = new TtlCache(10, clock::get);
    var unused = cache.get("a", lookup("a"));
    answer("a");

    clock.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
    assertThat(cache.get("a", lookup("a"))).isCompletedWithValue("answer of a");
    clock.addAndGet(1);
    assertThat(cache.get("a", lookup("a"))).isNotDone();

    assertThat(lookupsOf("a")).isEqualTo(2);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aLookupEveryCallerAbandonedIsCancelledAndForgotten() {
    TtlCache cache = new TtlCache(10, clock::get);
    CompletableFuture<String> one = cache.get("a", lookup("a"));
    CompletableFuture<String> two = cache.get("a", lookup("a"));
    CompletableFuture<TtlCache.Timed<String>> exchange = pending.remove("a");

    one.cancel(true);
    assertThat(exchange).isNotCancelled(); // the other caller still waits
    two.cancel(true);

    assertThat(exchange).isCancelled();
    assertThat(cache.size()).isZero();
    assertThat(cache.get("a", lookup("a"))).isNotDone();
    assertThat(lookupsOf("a")).isEqualTo(2);
  }

  @Test
  void aFailedLookupIsNotKept() {
    TtlCache cache = new TtlCache(10, clock::get);
    CompletableFuture<String> failed = cache.get("a", lookup("a"));
    pending.remove("a").completeExceptionally(new IllegalStateException("no answer"));

    assertThat(failed).isCompletedExceptionally();
    assertThat(cache.size()).isZero();
    var unused = cache.get("a", lookup("a"));
    assertThat(lookupsOf("a")).isEqualTo(2);
  }
}
