package org.mailsettings;

/** What one source of discovery came back with. */
public enum SourceOutcome {
  /** Settings were found. */
  FOUND,
  /** The source answered, with nothing usable (404, no records, no matching provider). */
  NOTHING,
  /** The source failed: TLS error, refused redirect, malformed answer, unreachable. */
  ERROR,
  /** No answer before its timeout or the discovery's deadline. */
  TIMEOUT,
  /** Stopped because a better source had already answered. */
  CANCELLED,
  /** Not started: disabled by the options, or not applicable. */
  SKIPPED
}
