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
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;
import org.mailsettings.Trust;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.resolve.Advice;
import org.mailsettings.internal.resolve.CandidateOrdering;

/**
 * The one place where the answers of sources become a {@link Resolution}, for offline
 * resolution and discovery alike: per direction, the best-ranked source with usable candidates
 * wins; every other source that found the same server vouches for it; settings of a public
 * domain that point at this machine or a private network need confirmation; the policy filters
 * and orders; the notes say where the answer came from and what to watch out for.
 */
public final class Assembly {
  private Assembly() {}

  /** The candidates of one direction of a result that the policy keeps. */
  static List<Candidate> usable(SourceResult result, boolean incoming, ResolutionPolicy policy) {
    return CandidateOrdering.apply(incoming ? result.incoming() : result.outgoing(), policy).candidates;
  }

  /** The best-ranked result with usable candidates in the direction; the first of equal rank. */
  static Optional<SourceResult> winner(List<SourceResult> results, boolean incoming, ResolutionPolicy policy) {
    SourceResult best = null;
    for (SourceResult result : results) {
      if ((best == null || result.rank() < best.rank()) && !usable(result, incoming, policy).isEmpty()) {
        best = result;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The resolution of the finished results.
   *
   * @param reports every source's report, in source order (empty for an offline resolution)
   * @param deadlineMillis the deadline that passed before every source answered, or null
   */
  public static Resolution assemble(
      ResolutionRequest request, List<SourceResult> results, List<SourceReport> reports, @Nullable Long deadlineMillis) {
    ResolutionPolicy policy = request.policy();
    Optional<SourceResult> incomingWinner = winner(results, true, policy);
    Optional<SourceResult> outgoingWinner = winner(results, false, policy);
    List<Candidate> incoming = incomingWinner.map(w -> merged(request, w.incoming(), results, true)).orElse(List.of());
    List<Candidate> outgoing = outgoingWinner.map(w -> merged(request, w.outgoing(), results, false)).orElse(List.of());
    CandidateOrdering.Outcome in = CandidateOrdering.apply(incoming, policy);
    CandidateOrdering.Outcome out = CandidateOrdering.apply(outgoing, policy);

    List<Note> notes = new ArrayList<>();
    boolean discovery = !reports.isEmpty();
    incomingWinner.ifPresent(w -> notesOf(w, NoteCode.INCOMING_FROM, discovery, notes));
    outgoingWinner.ifPresent(w -> {
      if (incomingWinner.isEmpty() || !incomingWinner.get().equals(w)) {
        notesOf(w, NoteCode.OUTGOING_FROM, discovery, notes);
      } else if (discovery && w.notes().isEmpty()) {
        notes.add(Note.of(NoteCode.OUTGOING_FROM, w.source().description(), w.report().query()));
      }
    });
    if (incomingWinner.isEmpty() && outgoingWinner.isEmpty()) {
      notes.add(Note.of(NoteCode.NOTHING_FOUND, request.address().domain()));
    }
    if (deadlineMillis != null) {
      notes.add(Note.of(NoteCode.DEADLINE_PASSED, deadlineMillis));
    }
    int plaintext = in.plaintextRemoved + out.plaintextRemoved;
    if (plaintext > 0) {
      notes.add(Note.of(NoteCode.PLAINTEXT_LEFT_OUT, plaintext));
    }
    notes.addAll(Advice.notes(in.candidates, out.candidates));
    Resolution.Builder resolution =
        Resolution.builder()
            .address(request.address())
            .incoming(in.candidates)
            .outgoing(out.candidates)
            .notes(notes)
            .sourceReports(reports);
    // The HTTP services (PACC): from the best-ranked result that vouched for any, whichever won
    // the mail directions; they are not candidates, and nothing else names them.
    results.stream()
        .filter(r -> !r.services().isEmpty())
        .min(java.util.Comparator.comparingInt(SourceResult::rank))
        .ifPresent(r -> resolution.serviceUrls(r.services()));
    incomingWinner.flatMap(SourceResult::provider)
        .or(() -> outgoingWinner.flatMap(SourceResult::provider))
        .ifPresent(resolution::provider);
    return resolution.build();
  }

  private static void notesOf(SourceResult winner, NoteCode from, boolean discovery, List<Note> notes) {
    if (!winner.notes().isEmpty()) {
      notes.addAll(winner.notes());
    } else if (discovery) {
      notes.add(Note.of(from, winner.source().description(), winner.report().query()));
    }
  }

  /** The winner's candidates, each with every other source that found the same server. */
  private static List<Candidate> merged(
      ResolutionRequest request, List<Candidate> winning, List<SourceResult> results, boolean incoming) {
    boolean publicDomain = !HostNames.isLocalOrPrivate(request.address().asciiDomain());
    List<Candidate> merged = new ArrayList<>(winning.size());
    for (Candidate candidate : winning) {
      Set<Source> sources = null;
      Trust trust = candidate.trust();
      for (SourceResult other : results) {
        for (Candidate vouching : incoming ? other.incoming() : other.outgoing()) {
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
      Set<Source> all = sources == null ? Set.copyOf(candidate.sources()) : sources;
      if (publicDomain
          && HostNames.isLocalOrPrivate(candidate.settings().host())
          && !all.contains(Source.LOCAL_FILE)
          && !all.contains(Source.USER_INPUT)) {
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
        merged.add(candidate);
      } else {
        Candidate.Builder builder = Candidate.builder().from(candidate).trust(trust).reasons(reasons);
        if (sources != null) {
          builder.sources(Ranks.sorted(sources));
        }
        merged.add(builder.build());
      }
    }
    return merged;
  }
}
