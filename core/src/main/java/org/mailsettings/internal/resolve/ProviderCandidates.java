package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.template.Templates;

/** Turns a provider's server templates into concrete candidates for one address. */
public final class ProviderCandidates {

  private ProviderCandidates() {}

  /**
   * The candidates of one direction, in the provider's order, each vouched for by {@code sources}
   * (best-ranked first). Sections whose host template gives no valid host name are left out with a
   * note.
   */
  public static List<Candidate> expand(
      List<ServerConfig> servers,
      ProviderEntry entry,
      EmailAddress address,
      List<Source> sources,
      Trust trust,
      List<Note> reasons,
      List<Note> notes) {
    List<Candidate> candidates = new ArrayList<>(servers.size());
    // One builder for all: each attribute is set anew for every candidate, and a builder copies
    // what it builds (fewer allocations on every resolution).
    Candidate.Builder candidate = Candidate.builder().sources(sources).trust(trust).reasons(reasons);
    List<String> localPart = List.of(address.localPart());
    for (ServerConfig server : servers) {
      Optional<String> usernameTemplate = server.username();
      boolean usernameKnown = usernameTemplate.isPresent();
      String username =
          usernameKnown ? Templates.expandUsername(usernameTemplate.get(), address) : address.asciiAddress();
      Optional<ServerSettings> prototype = entry.prototype(server);
      ServerSettings settings;
      if (prototype.isPresent()) {
        settings = prototype.get().withUsername(username);
      } else {
        Optional<String> host =
            Templates.expandHostname(server.hostname(), address, server.domainDotReplacement().orElse(""));
        if (host.isEmpty()) {
          notes.add(Note.of(NoteCode.SERVER_LEFT_OUT, server.protocol(), entry.provider().name(), server.hostname(), address.asciiDomain()));
          continue;
        }
        settings = ProviderEntry.settings(server, host.get(), username);
      }
      candidates.add(candidate.settings(settings).usernameAlternatives(usernameKnown ? List.of() : localPart).build());
    }
    return candidates;
  }
}
