package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Trust;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderIndex;

/**
 * Resolution without the network: the provider databases by domain, then by the caller's MX
 * hints, else guesses. Immutable and thread-safe.
 */
public final class OfflineResolver {
  private final List<ProviderIndex> databases;

  /** A resolver over the databases, the first one to know a domain winning. */
  public OfflineResolver(List<ProviderIndex> databases) {
    this.databases = List.copyOf(databases);
  }

  /** Resolves a request. */
  public Resolution resolve(ResolutionRequest request) {
    EmailAddress address = request.address();
    List<String> notes = new ArrayList<>();
    Optional<Found> found = byDomain(address, notes);
    if (found.isEmpty()) {
      found = byMx(request, notes);
    }
    List<Candidate> incoming = new ArrayList<>();
    List<Candidate> outgoing = new ArrayList<>();
    ResolutionPolicy policy = request.policy();
    if (found.isPresent()) {
      Found f = found.get();
      incoming.addAll(
          ProviderCandidates.expand(
              f.entry.config().incomingServers(), f.entry, address, f.entry.source(), f.trust, f.reason, notes));
      outgoing.addAll(
          ProviderCandidates.expand(
              f.entry.config().outgoingServers(), f.entry, address, f.entry.source(), f.trust, f.reason, notes));
    } else {
      notes.add(
          "No provider is known for "
              + address.domain()
              + "; the candidates are guesses from the domain and are not verified.");
      for (Protocol protocol : Protocol.values()) {
        List<Candidate> guesses = GuessedCandidates.forProtocol(protocol, address, policy.allowPlaintext());
        (protocol.isIncoming() ? incoming : outgoing).addAll(guesses);
      }
    }
    CandidateOrdering.Outcome in = CandidateOrdering.apply(incoming, policy);
    CandidateOrdering.Outcome out = CandidateOrdering.apply(outgoing, policy);
    int plaintext = in.plaintextRemoved + out.plaintextRemoved;
    if (plaintext > 0) {
      notes.add(
          "Left out "
              + plaintext
              + " unencrypted candidate"
              + (plaintext == 1 ? "" : "s")
              + "; the policy does not allow plaintext.");
    }
    notes.addAll(Advice.notes(in.candidates, out.candidates));
    Resolution.Builder resolution =
        Resolution.builder()
            .address(address)
            .incoming(in.candidates)
            .outgoing(out.candidates)
            .notes(notes);
    found.ifPresent(f -> resolution.provider(f.entry.provider()));
    return resolution.build();
  }

  private Optional<Found> byDomain(EmailAddress address, List<String> notes) {
    for (ProviderIndex database : databases) {
      Optional<ProviderEntry> entry = database.byDomain(address.asciiDomain());
      if (entry.isPresent()) {
        String reason = database.description() + ": " + entry.get().provider().name() + " serves " + address.domain();
        notes.add("Found " + entry.get().provider().name() + " in the " + database.description() + " by the domain " + address.domain() + ".");
        return Optional.of(new Found(entry.get(), Trust.TRUSTED, reason));
      }
    }
    return Optional.empty();
  }

  private Optional<Found> byMx(ResolutionRequest request, List<String> notes) {
    for (String mxHost : request.mxHosts()) {
      for (ProviderIndex database : databases) {
        Optional<ProviderIndex.MxMatch> match = database.byMxHost(mxHost);
        if (match.isPresent()) {
          ProviderEntry entry = match.get().entry();
          Trust trust = request.mxHostsAuthenticated() ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION;
          String reason =
              database.description()
                  + ": "
                  + entry.provider().name()
                  + " hosts "
                  + request.address().domain()
                  + " (MX "
                  + mxHost
                  + ")";
          notes.add(
              "Found "
                  + entry.provider().name()
                  + " in the "
                  + database.description()
                  + " by the MX host "
                  + mxHost
                  + (trust == Trust.TRUSTED
                      ? "."
                      : "; the MX host is not authenticated, so confirm the settings before sending a password."));
          return Optional.of(new Found(entry, trust, reason));
        }
      }
    }
    return Optional.empty();
  }

  private static final class Found {
    final ProviderEntry entry;
    final Trust trust;
    final String reason;

    Found(ProviderEntry entry, Trust trust, String reason) {
      this.entry = entry;
      this.trust = trust;
      this.reason = reason;
    }
  }
}
