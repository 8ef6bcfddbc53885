package org.mailsettings.internal.discovery;

import java.util.List;
import java.util.Optional;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.Provider;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;

/**
 * What one source found: candidates of each direction, in the source's order, the provider when
 * it names one, notes for the resolution when it wins, and its report. {@code rank} is the rank
 * of this answer ({@link Ranks}): a database answer ranks as the layer that knew the domain.
 */
public record SourceResult(
    Source source,
    int rank,
    List<Candidate> incoming,
    List<Candidate> outgoing,
    Optional<Provider> provider,
    List<Note> notes,
    SourceReport report) {

  /** Whether anything was found. */
  public boolean found() {
    return !incoming.isEmpty() || !outgoing.isEmpty();
  }
}
