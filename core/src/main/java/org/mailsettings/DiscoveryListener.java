package org.mailsettings;

/**
 * Hears about each source of a discovery as it starts and finishes, for progress displays.
 * Called from discovery threads; implementations must be thread-safe and quick.
 */
public interface DiscoveryListener {

  /** A listener that does nothing. */
  DiscoveryListener NONE = new DiscoveryListener() {};

  /**
   * A source started asking {@code query}.
   *
   * @param source the source that starts
   * @param query what is asked
   */
  default void started(Source source, String query) {}

  /**
   * A source finished (or was stopped).
   *
   * @param report what the source answered
   */
  default void finished(SourceReport report) {}
}
