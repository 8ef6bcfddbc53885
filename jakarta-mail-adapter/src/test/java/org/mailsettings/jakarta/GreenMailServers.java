package org.mailsettings.jakarta;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;

/**
 * GreenMail on 127.0.0.1 with all six servers (SMTP, SMTPS, IMAP, IMAPS, POP3, POP3S) on free
 * ports, presenting the test certificate for {@code localhost} and {@code 127.0.0.1}.
 */
final class GreenMailServers implements AutoCloseable {
  static final String JAN = "jan@example.cz";
  static final String JAN_PASSWORD = "secret";
  /** A user whose login name is the mailbox name only, not the address. */
  static final String PETR = "petr@example.cz";
  static final String PETR_LOGIN = "petr";
  static final String PETR_PASSWORD = "petr-secret";

  final GreenMail greenMail;

  GreenMailServers() {
    // GreenMail reads its keystore once per JVM from these properties.
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    ServerSetup[] setups = {
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3S).dynamicPort(),
    };
    for (ServerSetup setup : setups) {
      // Six servers on a loaded machine (CI shares its cores) may need more than GreenMail's 2 s.
      setup.setServerStartupTimeout(20_000);
    }
    greenMail = new GreenMail(setups);
    greenMail.start();
    greenMail.setUser(JAN, JAN, JAN_PASSWORD);
    greenMail.setUser(PETR, PETR_LOGIN, PETR_PASSWORD);
  }

  int port(Protocol protocol, Security security) {
    boolean tls = security == Security.IMPLICIT_TLS;
    return switch (protocol) {
      case SMTP -> (tls ? greenMail.getSmtps() : greenMail.getSmtp()).getPort();
      case IMAP -> (tls ? greenMail.getImaps() : greenMail.getImap()).getPort();
      case POP3 -> (tls ? greenMail.getPop3s() : greenMail.getPop3()).getPort();
    };
  }

  /** Settings for one GreenMail server, host {@code localhost}. */
  ServerSettings settings(Protocol protocol, Security security, String username) {
    return ServerSettings.builder()
        .protocol(protocol)
        .host("localhost")
        .port(port(protocol, security))
        .security(security)
        .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT)
        .username(username)
        .build();
  }

  static Candidate candidate(ServerSettings settings) {
    return Candidate.of(settings, Source.LOCAL_FILE, Trust.TRUSTED, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "test", "GreenMail", "example.cz"));
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
