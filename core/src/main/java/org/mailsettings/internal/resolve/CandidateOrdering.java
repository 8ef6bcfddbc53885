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

  /** Whether {@link #apply} would keep any of the candidates; allocates nothing. */
  public static boolean keepsAny(List<Candidate> candidates, ResolutionPolicy policy) {
    for (int i = 0; i < candidates.size(); i++) { // (no iterator: runs on every resolution)
      if (kept(candidates.get(i), policy)) {
        return true;
      }
    }
    return false;
  }

  private static boolean kept(Candidate candidate, ResolutionPolicy policy) {
    return policy.includes(candidate.protocol())
        && (candidate.settings().security() != Security.NONE || policy.allowPlaintext());
  }

  public static Outcome apply(List<Candidate> candidates, ResolutionPolicy policy) {
    if (alreadyApplied(candidates, policy)) {
      return new Outcome(List.copyOf(candidates), 0); // the common case: a provider's own list
    }
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

  /** Whether {@link #apply} would keep every candidate, merge none and move none. */
  private static boolean alreadyApplied(List<Candidate> candidates, ResolutionPolicy policy) {
    Protocol preferred = policy.preferredIncoming();
    boolean laterSeen = false;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      if (!kept(candidate, policy)) {
        return false;
      }
      boolean later = candidate.protocol().isIncoming() && candidate.protocol() != preferred;
      if (laterSeen && !later) {
        return false;
      }
      laterSeen |= later;
      for (int j = 0; j < i; j++) {
        if (candidates.get(j).settings().sameEndpoint(candidate.settings())) {
          return false;
        }
      }
    }
    return true;
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
