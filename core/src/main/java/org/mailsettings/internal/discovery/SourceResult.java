package org.mailsettings.internal.discovery;

import java.util.List;
import java.util.Optional;
import org.mailsettings.Candidate;
import org.mailsettings.Provider;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;

/**
 * What one source found: candidates of each direction, in the source's order, the provider when
 * it names one, and its report. {@code level} is the source's rank in discovery.
 */
public record SourceResult(
    Source level,
    List<Candidate> incoming,
    List<Candidate> outgoing,
    Optional<Provider> provider,
    SourceReport report) {

  /** Whether anything usable was found. */
  public boolean found() {
    return !incoming.isEmpty() || !outgoing.isEmpty();
  }
}
