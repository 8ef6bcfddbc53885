package org.mailsettings.internal.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.mailsettings.Source;

/**
 * How discovery ranks the answers of its sources, lower first: the application's files, the
 * curated files, the ISPDB snapshot, PACC (before the clientConfig sources, as implementations
 * rank it: it is the standards-track successor and is vouched for by DNS), then the clientConfig
 * network sources in the autoconfig draft's order (plain HTTP below the ISPDB because it is
 * forgeable), guesses last. Ranks are explicit and leave room between them, so that a source added
 * later takes a rank of its own without moving the others.
 */
public final class Ranks {
  private static final Map<Source, Integer> RANKS =
      Map.ofEntries(
          Map.entry(Source.LOCAL_FILE, 100),
          Map.entry(Source.BUNDLED_DATABASE, 200),
          Map.entry(Source.ISPDB_SNAPSHOT, 250),
          Map.entry(Source.PACC, 350),
          Map.entry(Source.AUTOCONFIG, 400),
          Map.entry(Source.WELL_KNOWN, 450),
          Map.entry(Source.ISPDB, 500),
          Map.entry(Source.AUTOCONFIG_HTTP, 600),
          Map.entry(Source.MX, 700),
          Map.entry(Source.SRV, 800),
          Map.entry(Source.AUTODISCOVER, 900),
          Map.entry(Source.PROBE, 950),
          Map.entry(Source.USER_INPUT, 980),
          Map.entry(Source.GUESS, 1000));

  private Ranks() {}

  /** The sources, each once, the best-ranked first (of equal rank, in the order given). */
  public static List<Source> sorted(Collection<Source> sources) {
    // An insertion sort: a candidate has a handful of sources, and this runs for each one.
    Source[] sorted = new Source[sources.size()];
    int count = 0;
    for (Source source : sources) {
      count = insert(sorted, count, source);
    }
    return List.of(Arrays.copyOf(sorted, count));
  }

  /** {@code source} and {@code more}, each once, the best-ranked first. */
  public static List<Source> sorted(Source source, List<Source> more) {
    if (more.isEmpty()) {
      return List.of(source);
    }
    if (more.size() == 1) { // a database layer and MX, on every resolution by an MX hint
      Source other = more.get(0);
      if (other == source) {
        return List.of(source);
      }
      return of(other) < of(source) ? List.of(other, source) : List.of(source, other);
    }
    List<Source> all = new ArrayList<>(more.size() + 1);
    all.add(source);
    all.addAll(more);
    return sorted(all);
  }

  private static int insert(Source[] sorted, int count, Source source) {
    int rank = of(source);
    int at = count;
    for (int i = 0; i < count; i++) {
      if (sorted[i] == source) {
        return count;
      }
      if (at == count && of(sorted[i]) > rank) {
        at = i;
      }
    }
    System.arraycopy(sorted, at, sorted, at + 1, count - at);
    sorted[at] = source;
    return count + 1;
  }

  /** The rank of a source's answers; lower wins. */
  public static int of(Source source) {
    Integer rank = RANKS.get(source);
    if (rank == null) {
      throw new IllegalArgumentException("No rank for " + source);
    }
    return rank;
  }
}
