package org.mailsettings;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.value.Values;

/** The generated classes' copy methods, for the library's hot paths ({@link Values}). */
final class ValueAccess implements Values.Access {
  // The first resolution built, a seed for the others: a copy with other attributes copies each
  // list once, where a builder copies it twice and allocates for the attributes never set.
  private volatile @Nullable ImmutableResolution seed;

  @Override
  public Candidate withSettings(Candidate candidate, ServerSettings settings) {
    // (Every candidate is an ImmutableCandidate: Candidate's constructor is package-private.)
    return ((ImmutableCandidate) ImmutableCandidate.copyOf(candidate)).withSettings(settings);
  }

  @Override
  public Resolution resolution(
      EmailAddress address, Optional<Provider> provider, List<Candidate> incoming, List<Candidate> outgoing,
      List<Note> notes) {
    ImmutableResolution known = seed;
    if (known == null) {
      known = (ImmutableResolution) Resolution.builder().address(address).build();
      seed = known; // two threads may both make one: either is as good
    }
    return known.withAddress(address).withProvider(provider).withIncoming(incoming).withOutgoing(outgoing).withNotes(notes);
  }
}
