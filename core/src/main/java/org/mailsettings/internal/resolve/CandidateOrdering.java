package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailsettings.Candidate;
import org.mailsettings.Protocol;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.Security;
import org.mailsettings.Source;
import org.mailsettings.internal.discovery.Ranks;

/**
 * The one place where candidates are filtered by policy, merged and ordered: the same server from
 * several sources appears once, with every source that vouched for it; the incoming protocol the
 * policy prefers comes first; otherwise the order given is kept.
 */
public final class CandidateOrdering {

  /** What {@link #apply} removed, for the notes. */
  public static final class Outcome {
    public final List<Candidate> candidates;
    public final int plaintextRemoved;

    Outcome(List<Candidate> candidates, int plaintextRemoved) {
      this.candidates = candidates;
      this.plaintextRemoved = plaintextRemoved;
    }
  }

  private CandidateOrdering() {}

  public static Outcome apply(List<Candidate> candidates, ResolutionPolicy policy) {
    List<Candidate> merged = new ArrayList<>();
    int plaintext = 0;
    for (Candidate candidate : candidates) {
      if (!policy.includes(candidate.protocol())) {
        continue;
      }
      if (candidate.settings().security() == Security.NONE && !policy.allowPlaintext()) {
        plaintext++;
        continue;
      }
      mergeInto(merged, candidate);
    }
    // A stable partition: the preferred incoming protocol moves ahead, nothing else moves.
    Protocol preferred = policy.preferredIncoming();
    List<Candidate> ordered = new ArrayList<>(merged.size());
    List<Candidate> later = new ArrayList<>();
    for (Candidate candidate : merged) {
      (candidate.protocol().isIncoming() && candidate.protocol() != preferred ? later : ordered).add(candidate);
    }
    ordered.addAll(later);
    return new Outcome(List.copyOf(ordered), plaintext);
  }

  private static void mergeInto(List<Candidate> merged, Candidate candidate) {
    for (int i = 0; i < merged.size(); i++) {
      Candidate existing = merged.get(i);
      if (existing.settings().sameEndpoint(candidate.settings())) {
        Set<Source> sources = new LinkedHashSet<>(existing.sources());
        sources.addAll(candidate.sources());
        merged.set(
            i,
            Candidate.builder()
                .from(existing)
                .sources(Ranks.sorted(sources))
                .trust(existing.trust().compareTo(candidate.trust()) <= 0 ? existing.trust() : candidate.trust())
                .build());
        return;
      }
    }
    merged.add(candidate);
  }
}
