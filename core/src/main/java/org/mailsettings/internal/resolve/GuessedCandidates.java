package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;

/**
 * Candidates made up from the domain when nobody knows it: the host names providers commonly use,
 * implicit TLS before STARTTLS (RFC 8314), port 25 last, plaintext only when asked for.
 */
public final class GuessedCandidates {
  private static final List<String> IMAP_PREFIXES = List.of("imap.", "mail.", "");
  private static final List<String> POP3_PREFIXES = List.of("pop3.", "pop.", "mail.", "");
  private static final List<String> SMTP_PREFIXES = List.of("smtp.", "mail.", "");

  private GuessedCandidates() {}

  /**
   * Adds the guesses for one protocol, in order, each for the reason {@code reason}, to {@code
   * guesses}.
   */
  public static void add(
      List<Candidate> guesses, Protocol protocol, EmailAddress address, boolean includePlaintext, Note reason) {
    List<String> prefixes =
        protocol == Protocol.IMAP ? IMAP_PREFIXES : protocol == Protocol.POP3 ? POP3_PREFIXES : SMTP_PREFIXES;
    // The host names once for every port, and one builder of each for all guesses: a builder
    // copies what it builds, and this runs for every unknown domain (20-odd guesses).
    String domain = address.asciiDomain();
    List<String> hosts = new ArrayList<>(prefixes.size());
    for (int i = 0; i < prefixes.size(); i++) {
      String prefix = prefixes.get(i);
      // A domain near the length limit leaves no room for "imap." and the like.
      if (prefix.length() + domain.length() <= org.mailsettings.internal.idn.DomainName.MAX_LENGTH) {
        hosts.add(prefix.concat(domain));
      }
    }
    ServerSettings.Builder settings =
        ServerSettings.builder().protocol(protocol).addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT).username(address.asciiAddress());
    Candidate.Builder candidate =
        Candidate.builder()
            .addSources(Source.GUESS)
            .trust(Trust.UNVERIFIED)
            .addReasons(reason)
            .addUsernameAlternatives(address.localPart());
    add(guesses, hosts, protocol.implicitTlsPort(), Security.IMPLICIT_TLS, settings, candidate);
    add(guesses, hosts, protocol.startTlsPort(), Security.STARTTLS, settings, candidate);
    if (protocol == Protocol.SMTP) {
      add(guesses, hosts, Protocol.SMTP_RELAY_PORT, Security.STARTTLS, settings, candidate);
    }
    if (includePlaintext) {
      add(guesses, hosts, protocol.startTlsPort(), Security.NONE, settings, candidate);
      if (protocol == Protocol.SMTP) {
        add(guesses, hosts, Protocol.SMTP_RELAY_PORT, Security.NONE, settings, candidate);
      }
    }
  }

  private static void add(
      List<Candidate> guesses,
      List<String> hosts,
      int port,
      Security security,
      ServerSettings.Builder settings,
      Candidate.Builder candidate) {
    settings.port(port).security(security);
    for (int i = 0; i < hosts.size(); i++) {
      guesses.add(candidate.settings(settings.host(hosts.get(i)).build()).build());
    }
  }
}
