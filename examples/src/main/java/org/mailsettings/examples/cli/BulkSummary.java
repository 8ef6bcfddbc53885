package org.mailsettings.examples.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one line that ends a list run on standard error: how many addresses in how long, how many
 * got candidates and from which source (that of the best candidate), how many got none, and how
 * many inputs were not addresses.
 */
final class BulkSummary {
  private final long started = System.nanoTime();
  private final Map<String, Long> bySource = new TreeMap<>();
  private long found;
  private long notFound;
  private long invalid;

  void add(Answer answer) {
    answer.best().ifPresentOrElse(
        best -> {
          found++;
          bySource.merge(best.source().description(), 1L, Long::sum);
        },
        () -> notFound++);
  }

  void addInvalid() {
    invalid++;
  }

  long total() {
    return found + notFound + invalid;
  }

  String line() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
    StringBuilder line = new StringBuilder("mailsettings: ")
        .append(total()).append(total() == 1 ? " input in " : " inputs in ")
        .append(String.format(Locale.ROOT, "%.1f s (%.1f/s): ", seconds, total() / seconds))
        .append(found).append(" with settings");
    if (!bySource.isEmpty()) {
      line.append(" (");
      boolean first = true;
      for (Map.Entry<String, Long> entry : bySource.entrySet()) {
        line.append(first ? "" : ", ").append(entry.getKey()).append(' ').append(entry.getValue());
        first = false;
      }
      line.append(')');
    }
    line.append(", ").append(notFound).append(" without, ").append(invalid).append(invalid == 1 ? " not an address" : " not addresses");
    return line.toString();
  }
}
