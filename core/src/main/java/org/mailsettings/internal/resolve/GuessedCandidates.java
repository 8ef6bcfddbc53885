package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
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

  /** The guesses for one protocol, in order. */
  public static List<Candidate> forProtocol(Protocol protocol, EmailAddress address, boolean includePlaintext) {
    List<String> prefixes =
        protocol == Protocol.IMAP ? IMAP_PREFIXES : protocol == Protocol.POP3 ? POP3_PREFIXES : SMTP_PREFIXES;
    List<Candidate> guesses = new ArrayList<>();
    add(guesses, protocol, prefixes, protocol.implicitTlsPort(), Security.IMPLICIT_TLS, address);
    add(guesses, protocol, prefixes, protocol.startTlsPort(), Security.STARTTLS, address);
    if (protocol == Protocol.SMTP) {
      add(guesses, protocol, prefixes, Protocol.SMTP_RELAY_PORT, Security.STARTTLS, address);
    }
    if (includePlaintext) {
      add(guesses, protocol, prefixes, protocol.startTlsPort(), Security.NONE, address);
      if (protocol == Protocol.SMTP) {
        add(guesses, protocol, prefixes, Protocol.SMTP_RELAY_PORT, Security.NONE, address);
      }
    }
    return guesses;
  }

  private static void add(
      List<Candidate> guesses,
      Protocol protocol,
      List<String> prefixes,
      int port,
      Security security,
      EmailAddress address) {
    for (String prefix : prefixes) {
      if (prefix.length() + address.asciiDomain().length() > org.mailsettings.internal.idn.DomainName.MAX_LENGTH) {
        continue; // a domain near the length limit leaves no room for "imap." and the like
      }
      ServerSettings settings =
          ServerSettings.builder()
              .protocol(protocol)
              .host(prefix + address.asciiDomain())
              .port(port)
              .security(security)
              .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT)
              .username(address.asciiAddress())
              .build();
      guesses.add(
          Candidate.builder()
              .settings(settings)
              .addSources(Source.GUESS)
              .trust(Trust.UNVERIFIED)
              .addReasons(Note.of(NoteCode.FROM_GUESS, address.domain()))
              .addUsernameAlternatives(address.localPart())
              .build());
    }
  }
}
