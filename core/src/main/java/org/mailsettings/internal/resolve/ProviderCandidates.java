package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
import org.mailsettings.internal.value.Values;

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
    return expand(servers, entry, address, sources, trust, reasons, notes, new Firsts());
  }

  /**
   * The first candidates built by {@link #expand}, one of each username kind, for the other
   * direction of the same answer (same sources, trust and reasons): it copies them rather than
   * building its own.
   */
  public static final class Firsts {
    @Nullable Candidate known;
    @Nullable Candidate unknown;
  }

  /** {@link #expand}, sharing the first candidates with the other direction's call through {@code firsts}. */
  public static List<Candidate> expand(
      List<ServerConfig> servers,
      ProviderEntry entry,
      EmailAddress address,
      List<Source> sources,
      Trust trust,
      List<Note> reasons,
      List<Note> notes,
      Firsts firsts) {
    List<Candidate> candidates = new ArrayList<>(servers.size());
    // The first candidate of each username kind is built, the others are copies of it with other
    // settings: they share its lists (a builder copies every list into every candidate, and this
    // runs for every candidate of every resolution).
    for (int i = 0; i < servers.size(); i++) {
      ServerConfig server = servers.get(i);
      Optional<String> usernameTemplate = server.username();
      boolean usernameKnown = usernameTemplate.isPresent();
      String username =
          usernameKnown ? Templates.expandUsername(usernameTemplate.get(), address) : address.asciiAddress();
      ServerSettings prototype = entry.prototype(servers, i, server);
      ServerSettings settings;
      if (prototype != null) {
        settings = prototype.withUsername(username);
      } else {
        Optional<String> host =
            Templates.expandHostname(server.hostname(), address, server.domainDotReplacement().orElse(""));
        if (host.isEmpty()) {
          notes.add(Note.of(NoteCode.SERVER_LEFT_OUT, server.protocol(), entry.provider().name(), server.hostname(), address.asciiDomain()));
          continue;
        }
        settings = ProviderEntry.settings(server, host.get(), username);
      }
      Candidate first = usernameKnown ? firsts.known : firsts.unknown;
      if (first != null) {
        candidates.add(Values.access().withSettings(first, settings));
        continue;
      }
      Candidate made =
          Candidate.builder()
              .settings(settings)
              .sources(sources)
              .trust(trust)
              .reasons(reasons)
              .usernameAlternatives(usernameKnown ? List.of() : List.of(address.localPart()))
              .build();
      if (usernameKnown) {
        firsts.known = made;
      } else {
        firsts.unknown = made;
      }
      candidates.add(made);
    }
    return candidates;
  }
}
