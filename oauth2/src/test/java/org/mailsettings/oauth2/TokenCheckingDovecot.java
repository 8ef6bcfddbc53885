package org.mailsettings.oauth2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.testing.Dovecot;
import org.mailsettings.testing.TestTls;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real Dovecot on 127.0.0.1 that checks every OAUTHBEARER or XOAUTH2 token by introspection at
 * the tests' authorization server (logging in there as a client, trusting the test authority for
 * its certificate), and whose submission relays what it accepts to an SMTP server on loopback
 * that records each message. Skips the test where Dovecot is not installed.
 */
final class TokenCheckingDovecot implements AutoCloseable {
  final Dovecot dovecot;
  /** What the relay received, one message a string. */
  final List<String> relayed;
  private final SMTPServer relay;

  private TokenCheckingDovecot(Dovecot dovecot, List<String> relayed, SMTPServer relay) {
    this.dovecot = dovecot;
    this.relayed = relayed;
    this.relay = relay;
  }

  /**
   * Starts the relay and Dovecot.
   *
   * @param openidConfiguration what a refused token's error names as its {@code openid-configuration}, or null for nothing
   */
  static TokenCheckingDovecot start(AuthorizationServer server, @Nullable URI openidConfiguration) throws Exception {
    List<String> relayed = new CopyOnWriteArrayList<>();
    SMTPServer relay = SMTPServer.port(0)
        .bindAddress(InetAddress.getByName("127.0.0.1"))
        .hostName("relay.localhost")
        .messageHandler((context, from, to, data) -> relayed.add(new String(data, StandardCharsets.UTF_8)))
        .build();
    relay.start();
    try {
      URI introspection = URI.create("https://dovecot:introspection-secret@localhost:" + server.port() + "/"
          + AuthorizationServer.ISSUER + "/introspect");
      Dovecot.Builder builder = Dovecot.builder().oauth2(introspection, TestTls.directory().resolve("ca.pem"));
      if (openidConfiguration != null) {
        builder.openidConfiguration(openidConfiguration);
      }
      return new TokenCheckingDovecot(builder.submission(relay.getPortAllocated()).start(), relayed, relay);
    } catch (Exception | Error e) { // a missing Dovecot skips the test with an exception too
      relay.stop();
      throw e;
    }
  }

  /** Dovecot's IMAP, POP3 or submission: STARTTLS, OAuth 2.0, the user's address as the login. */
  ServerSettings settings(Protocol protocol) {
    int port = switch (protocol) {
      case IMAP -> dovecot.imapPort();
      case POP3 -> dovecot.pop3Port();
      case SMTP -> dovecot.submissionPort();
    };
    return ServerSettings.builder()
        .protocol(protocol)
        .host("localhost")
        .port(port)
        .security(Security.STARTTLS)
        .addAuthMethods(AuthMethod.OAUTH2)
        .username(AuthorizationServer.SUBJECT)
        .build();
  }

  /** {@link #settings} as a trusted candidate from the application's own provider file. */
  Candidate candidate(Protocol protocol) {
    return Candidate.of(
        settings(protocol), Source.LOCAL_FILE, Trust.TRUSTED, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "test", "Dovecot", "example.cz"));
  }

  @Override
  public void close() throws IOException {
    try {
      dovecot.close();
    } finally {
      relay.stop();
    }
  }
}
