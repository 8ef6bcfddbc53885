package org.mailsettings.internal.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;
import org.mailsettings.Trust;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.resolve.Advice;
import org.mailsettings.internal.resolve.CandidateOrdering;
import org.mailsettings.internal.value.Values;

/**
 * The one place where the answers of sources become a {@link Resolution}, for offline
 * resolution and discovery alike: per direction, the best-ranked source with usable candidates
 * wins; every other source that found the same server vouches for it; settings of a public
 * domain that point at this machine or a private network need confirmation; the policy filters
 * and orders; the notes say where the answer came from and what to watch out for.
 */
public final class Assembly {
  private Assembly() {}

  /** Whether the policy keeps any candidate of one direction of a result. */
  static boolean hasUsable(SourceResult result, boolean incoming, ResolutionPolicy policy) {
    return CandidateOrdering.keepsAny(incoming ? result.incoming() : result.outgoing(), policy);
  }

  /** The best-ranked result with usable candidates in the direction, the first of equal rank; null if none. */
  static @Nullable SourceResult winner(List<SourceResult> results, boolean incoming, ResolutionPolicy policy) {
    SourceResult best = null;
    for (SourceResult result : results) {
      if ((best == null || result.rank() < best.rank()) && hasUsable(result, incoming, policy)) {
        best = result;
      }
    }
    return best;
  }

  /**
   * The resolution of the finished results.
   *
   * @param reports every source's report, in source order (empty for an offline resolution)
   * @param deadlineMillis the deadline that passed before every source answered, or null
   */
  public static Resolution assemble(
      ResolutionRequest request, List<SourceResult> results, List<SourceReport> reports, @Nullable Long deadlineMillis) {
    // Plain loops and no lambdas here: this runs on every resolution, and on the first one of a
    // process each lambda and stream costs class loading (the start-up figure).
    ResolutionPolicy policy = request.policy();
    SourceResult incomingWinner = winner(results, true, policy);
    SourceResult outgoingWinner = winner(results, false, policy);
    CandidateOrdering.Outcome in = CandidateOrdering.apply(
        incomingWinner == null ? List.of() : merged(request, incomingWinner, results, true), policy);
    CandidateOrdering.Outcome out = CandidateOrdering.apply(
        outgoingWinner == null ? List.of() : merged(request, outgoingWinner, results, false), policy);

    List<Note> notes = new ArrayList<>();
    boolean discovery = !reports.isEmpty();
    if (incomingWinner != null) {
      notesOf(incomingWinner, NoteCode.INCOMING_FROM, discovery, notes);
    }
    if (outgoingWinner != null) {
      if (incomingWinner == null || !incomingWinner.equals(outgoingWinner)) {
        notesOf(outgoingWinner, NoteCode.OUTGOING_FROM, discovery, notes);
      } else if (discovery && outgoingWinner.notes().isEmpty()) {
        notes.add(Note.of(NoteCode.OUTGOING_FROM, outgoingWinner.source().description(), outgoingWinner.report().query()));
      }
    }
    if (incomingWinner == null && outgoingWinner == null) {
      notes.add(Note.of(NoteCode.NOTHING_FOUND, request.address().domain()));
    }
    if (deadlineMillis != null) {
      notes.add(Note.of(NoteCode.DEADLINE_PASSED, deadlineMillis));
    }
    int plaintext = in.plaintextRemoved + out.plaintextRemoved;
    if (plaintext > 0) {
      notes.add(Note.of(NoteCode.PLAINTEXT_LEFT_OUT, plaintext));
    }
    Advice.addNotes(in.candidates, out.candidates, notes);
    Optional<Provider> provider = incomingWinner == null ? Optional.empty() : incomingWinner.provider();
    if (provider.isEmpty() && outgoingWinner != null) {
      provider = outgoingWinner.provider();
    }
    // The HTTP services (PACC): from the best-ranked result that vouched for any, whichever won
    // the mail directions; they are not candidates, and nothing else names them.
    SourceResult services = null;
    for (SourceResult result : results) {
      if (!result.services().isEmpty() && (services == null || result.rank() < services.rank())) {
        services = result;
      }
    }
    if (reports.isEmpty() && services == null) {
      // Offline (no reports, and only PACC, a network source, names services): the cheap copy.
      return Values.access().resolution(request.address(), provider, in.candidates, out.candidates, notes);
    }
    Resolution.Builder resolution =
        Resolution.builder()
            .address(request.address())
            .incoming(in.candidates)
            .outgoing(out.candidates)
            .notes(notes)
            .sourceReports(reports);
    if (services != null) {
      resolution.serviceUrls(services.services());
    }
    if (provider.isPresent()) {
      resolution.provider(provider.get());
    }
    return resolution.build();
  }

  private static void notesOf(SourceResult winner, NoteCode from, boolean discovery, List<Note> notes) {
    if (!winner.notes().isEmpty()) {
      notes.addAll(winner.notes());
    } else if (discovery) {
      notes.add(Note.of(from, winner.source().description(), winner.report().query()));
    }
  }

  private static boolean vouchedBy(Source source, Candidate candidate, @Nullable Set<Source> others) {
    return candidate.sources().contains(source) || (others != null && others.contains(source));
  }

  /** The winner's candidates, each with every other source that found the same server. */
  private static List<Candidate> merged(
      ResolutionRequest request, SourceResult winner, List<SourceResult> results, boolean incoming) {
    List<Candidate> winning = incoming ? winner.incoming() : winner.outgoing();
    // (The winner may know that none of its hosts is private: then no host needs the check.)
    boolean checkHosts = !winner.publicHosts() && !HostNames.isLocalOrPrivate(request.address().asciiDomain());
    boolean mayChange = anyVouching(winning, results, incoming);
    List<Candidate> merged = null;
    // Indexed loops, no iterators: this runs for every candidate of every resolution.
    for (int c = 0; c < winning.size(); c++) {
      Candidate candidate = winning.get(c);
      Set<Source> sources = null;
      Trust trust = candidate.trust();
      for (int r = 0; mayChange && r < results.size(); r++) {
        List<Candidate> others = incoming ? results.get(r).incoming() : results.get(r).outgoing();
        for (int o = 0; o < others.size(); o++) {
          Candidate vouching = others.get(o);
          if (vouching.source() != Source.GUESS && vouching.settings().sameEndpoint(candidate.settings())) {
            // (The candidate itself is among them, and adds nothing.)
            if (!candidate.sources().containsAll(vouching.sources())) {
              if (sources == null) {
                sources = new LinkedHashSet<>(candidate.sources());
              }
              sources.addAll(vouching.sources());
            }
            if (vouching.trust().compareTo(trust) < 0) {
              trust = vouching.trust(); // a more trustworthy source vouches for the same server
            }
          }
        }
      }
      List<Note> reasons = candidate.reasons();
      boolean flagged = false;
      if (checkHosts
          && HostNames.isLocalOrPrivate(candidate.settings().host())
          && !vouchedBy(Source.LOCAL_FILE, candidate, sources)
          && !vouchedBy(Source.USER_INPUT, candidate, sources)) {
        // A public domain's settings that point at this machine or a private network: a
        // forged answer trying to reach local services, or a mistake (or, in the bundled data,
        // a local bridge such as Proton's). Never trusted unasked: only the application's own
        // files and what the user typed may point there without confirmation.
        trust = trust.weakest(Trust.NEEDS_CONFIRMATION);
        reasons = new ArrayList<>(reasons);
        reasons.add(Note.of(NoteCode.PRIVATE_ADDRESS, request.address().domain()));
        flagged = true;
      }
      if (sources == null && trust == candidate.trust() && !flagged) {
        if (merged != null) {
          merged.add(candidate);
        }
      } else {
        if (merged == null) { // the first change: the candidates so far are kept as they are
          merged = new ArrayList<>(winning.size());
          for (int k = 0; k < c; k++) {
            merged.add(winning.get(k));
          }
        }
        Candidate.Builder builder = Candidate.builder().from(candidate).trust(trust).reasons(reasons);
        if (sources != null) {
          builder.sources(Ranks.sorted(sources));
        }
        merged.add(builder.build());
      }
    }
    return merged == null ? winning : merged;
  }

  /**
   * Whether any candidate of the direction could vouch for a winning one and change it: one that
   * is not a guess and differs from the first winning candidate in its sources or trust. When
   * none does, as for an offline answer of a single source, the vouching loops (every candidate
   * against every other) would change nothing and are skipped.
   */
  private static boolean anyVouching(List<Candidate> winning, List<SourceResult> results, boolean incoming) {
    if (winning.isEmpty()) {
      return false;
    }
    Candidate first = winning.get(0);
    for (int r = 0; r < results.size(); r++) {
      List<Candidate> others = incoming ? results.get(r).incoming() : results.get(r).outgoing();
      for (int o = 0; o < others.size(); o++) {
        Candidate other = others.get(o);
        if (other.source() != Source.GUESS
            && (other.trust() != first.trust() || !other.sources().equals(first.sources()))) {
          return true;
        }
      }
    }
    for (int c = 1; c < winning.size(); c++) {
      Candidate candidate = winning.get(c);
      if (candidate.trust() != first.trust() || !candidate.sources().equals(first.sources())) {
        return true;
      }
    }
    return false;
  }
}
