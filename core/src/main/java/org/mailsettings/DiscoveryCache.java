package org.mailsettings;

import org.mailsettings.internal.discovery.TtlCache;

/**
 * A cache of discovery's DNS answers (kept for their TTL) and HTTP documents (kept for {@link
 * DiscoveryOptions#httpCacheTtl()}), shared by every discovery that is given it: resolving
 * 100,000 contacts asks each domain's sources once. Concurrent discoveries of one domain share
 * one lookup. Thread-safe; bounded in size.
 *
 * <pre>{@code
 * DiscoveryCache cache = DiscoveryCache.create(50_000);
 * DiscoveryOptions options = DiscoveryOptions.builder().cache(cache).build();
 * }</pre>
 */
public final class DiscoveryCache {
  private final TtlCache store;

  private DiscoveryCache(int maxEntries) {
    this.store = new TtlCache(maxEntries, System::nanoTime);
  }

  /**
   * A cache of at most {@code maxEntries} answers.
   *
   * @throws IllegalArgumentException if {@code maxEntries} is not positive
   */
  public static DiscoveryCache create(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    return new DiscoveryCache(maxEntries);
  }

  /** The number of answers held. */
  public int size() {
    return store.size();
  }

  /** Forgets every answer. */
  public void clear() {
    store.clear();
  }

  TtlCache store() {
    return store;
  }

  @Override
  public String toString() {
    return "DiscoveryCache[" + size() + " entries]";
  }
}
