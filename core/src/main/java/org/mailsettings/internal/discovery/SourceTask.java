package org.mailsettings.internal.discovery;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Source;

/** One source of the pipeline: it builds its request, asks, and reads the answer. */
public interface SourceTask {

  /** The source it reports as (a database task reports as the first layer it consults). */
  Source source();

  /** The best rank its answer can have ({@link Ranks}); lower wins. */
  default int rank() {
    return Ranks.of(source());
  }

  /** What the source asks, for reports and progress: a URL, a DNS name. */
  String query();

  /**
   * The answer at once, for sources that need no network (databases, hoster rules for the MX
   * hosts the caller gave, guesses); null for sources that must be {@linkplain #start() started}.
   */
  default @Nullable SourceResult now() {
    return null;
  }

  /**
   * Starts the source. The future never fails: failures are results with an {@code ERROR} or
   * {@code TIMEOUT} report. Cancelling it stops the source's network work.
   */
  CompletableFuture<SourceResult> start();
}
