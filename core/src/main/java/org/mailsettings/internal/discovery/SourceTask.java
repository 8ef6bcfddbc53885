package org.mailsettings.internal.discovery;

import java.util.concurrent.CompletableFuture;
import org.mailsettings.Source;

/** One source of discovery: it builds its request, asks, and reads the answer. */
public interface SourceTask {

  /** The source's rank: results from earlier {@link Source} constants win. */
  Source level();

  /** What the source asks, for reports and progress: a URL, a DNS name. */
  String query();

  /**
   * Starts the source. The future never fails: failures are results with an {@code ERROR} or
   * {@code TIMEOUT} report.
   */
  CompletableFuture<SourceResult> start();
}
