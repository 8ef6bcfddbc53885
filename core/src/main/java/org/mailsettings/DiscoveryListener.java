package org.mailsettings;

/**
 * Hears about each source of a discovery as it starts and finishes, for progress displays.
 * Called from discovery threads; implementations must be thread-safe and quick.
 */
public interface DiscoveryListener {

  /** A listener that does nothing. */
  DiscoveryListener NONE = new DiscoveryListener() {};

  /** A source started asking {@code query}. */
  default void started(Source source, String query) {}

  /** A source finished (or was stopped). */
  default void finished(SourceReport report) {}
}
