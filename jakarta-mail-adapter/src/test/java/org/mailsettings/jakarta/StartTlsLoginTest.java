package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.testing.Dovecot;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * STARTTLS for real: SMTP against SubEthaSMTP (TLS required before AUTH and MAIL), IMAP and POP3
 * against a real Dovecot that refuses plaintext logins before TLS.
 */
class StartTlsLoginTest {
  private static final String SMTP_USER = "jan@example.cz";
  private static final String SMTP_PASSWORD = "smtp-secret";
  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private static final List<String> LOGINS = new CopyOnWriteArrayList<>();
  private static SMTPServer smtp;
  private static Dovecot dovecot;
  private static final MailConnector CONNECTOR = MailConnector.create(TestTls.clientOptions().build());
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <jan@example.cz>");

  @BeforeAll
  static void start() throws Exception {
    smtp =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getByName("127.0.0.1"))
            .hostName("localhost")
            .enableTLS()
            .requireTLS()
            .requireAuth()
            .startTlsSocketFactory(TestTls.serverContext("localhost"))
            .authenticationHandlerFactory(
                new EasyAuthenticationHandlerFactory(
                    (username, password, context) -> {
                      LOGINS.add(username);
                      if (!SMTP_USER.equals(username) || !SMTP_PASSWORD.equals(password)) {
                        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                      }
                    }))
            .messageHandler((context, from, to, data) -> RECEIVED.add(new String(data, StandardCharsets.UTF_8)))
            .build();
    smtp.start();
    dovecot = Dovecot.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (smtp != null) {
      smtp.stop();
    }
    if (dovecot != null) {
      dovecot.close();
    }
  }

  private static ServerSettings settings(Protocol protocol, int port, String username) {
    return ServerSettings.builder()
        .protocol(protocol)
        .host("localhost")
        .port(port)
        .security(Security.STARTTLS)
        .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT)
        .username(username)
        .build();
  }

  @Test
  void smtpUpgradesLogsInAndDeliversAMessage() throws Exception {
    ServerSettings submission = settings(Protocol.SMTP, smtp.getPortAllocated(), SMTP_USER);
    VerificationReport report =
        CONNECTOR.verify(List.of(GreenMailServers.candidate(submission)), JAN, Credentials.password(SMTP_PASSWORD));
    assertThat(report.best()).isPresent();

    String messageId = CONNECTOR.sendTestMessage(submission, JAN, Credentials.password(SMTP_PASSWORD));
    assertThat(RECEIVED).anySatisfy(data -> assertThat(data).contains(messageId).contains("mailsettings test message"));
  }

  @Test
  void smtpWrongPasswordIsAuthFailed() {
    ServerSettings submission = settings(Protocol.SMTP, smtp.getPortAllocated(), SMTP_USER);
    VerificationReport report =
        CONNECTOR.verify(List.of(GreenMailServers.candidate(submission)), JAN, Credentials.password("wrong"));
    assertThat(report.outcomes()).singleElement().satisfies(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.AUTH_FAILED));
  }

  @Test
  void imapAndPop3UpgradeLogInAndReadADeliveredMessage() throws Exception {
    dovecot.deliver(
        "From: Petr <petr@example.cz>\nTo: jan@example.cz\nSubject: Dovecot round trip\n"
            + "Message-ID: <dovecot-1@example.cz>\n\nHello over STARTTLS.\n");
    for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3)) {
      int port = protocol == Protocol.IMAP ? dovecot.imapPort() : dovecot.pop3Port();
      ServerSettings incoming = settings(protocol, port, Dovecot.USER);
      VerificationReport report =
          CONNECTOR.verify(List.of(GreenMailServers.candidate(incoming)), JAN, Credentials.password(Dovecot.PASSWORD));
      assertThat(report.outcomes()).singleElement().satisfies(o ->
          assertThat(o.status()).as(o + "\n" + dovecot.log()).isEqualTo(VerificationStatus.OK));

      try (Store store = CONNECTOR.connectStore(incoming, JAN, Credentials.password(Dovecot.PASSWORD))) {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessages())
            .extracting(Message::getSubject)
            .as(protocol.name())
            .contains("Dovecot round trip");
        inbox.close(false);
      }
    }
    assertThat(dovecot.log()).contains("Login: user=<" + Dovecot.USER + ">");
  }

  @Test
  void imapAndPop3WrongPasswordIsAuthFailed() throws Exception {
    for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3)) {
      // A Dovecot of its own per failure: Dovecot delays every later login from an address
      // that failed once, which would slow the other tests.
      try (Dovecot fresh = Dovecot.start()) {
        int port = protocol == Protocol.IMAP ? fresh.imapPort() : fresh.pop3Port();
        VerificationReport report =
            CONNECTOR.verify(
                List.of(GreenMailServers.candidate(settings(protocol, port, Dovecot.USER))), JAN, Credentials.password("wrong"));
        assertThat(report.outcomes()).singleElement().satisfies(o ->
            assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.AUTH_FAILED));
        assertThat(fresh.log()).contains("Password mismatch");
      }
    }
  }
}
