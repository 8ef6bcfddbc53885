package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.internal.FailureClassifier;

/** Logins and message round trips against real GreenMail servers on 127.0.0.1. */
class GreenMailLoginTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <" + GreenMailServers.JAN + ">");
  private static GreenMailServers servers;
  private static MailConnector connector;
  private static final VerifyOptions ALL = VerifyOptions.builder().exhaustive(true).build();

  @BeforeAll
  static void start() {
    servers = new GreenMailServers();
    connector = MailConnector.create(TestTls.clientOptions().plaintextAllowed(true).build());
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static List<Candidate> all(Security security, String username) {
    return List.of(
        GreenMailServers.candidate(servers.settings(Protocol.IMAP, security, username)),
        GreenMailServers.candidate(servers.settings(Protocol.POP3, security, username)),
        GreenMailServers.candidate(servers.settings(Protocol.SMTP, security, username)));
  }

  @ParameterizedTest
  @EnumSource(value = Security.class, names = {"IMPLICIT_TLS", "NONE"})
  void everyProtocolLogsInAndAMessageMakesTheRoundTrip(Security security) throws Exception {
    VerificationReport report =
        connector.verify(all(security, GreenMailServers.JAN), JAN, Credentials.password(GreenMailServers.JAN_PASSWORD), ALL);
    assertThat(report.outcomes()).hasSize(3).allSatisfy(o -> {
      assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK);
      assertThat(o.username()).hasValue(GreenMailServers.JAN);
    });

    ServerSettings smtp = servers.settings(Protocol.SMTP, security, GreenMailServers.JAN);
    String messageId = connector.sendTestMessage(smtp, JAN, Credentials.password(GreenMailServers.JAN_PASSWORD));

    for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3)) {
      ServerSettings incoming = servers.settings(protocol, security, GreenMailServers.JAN);
      try (Store store = connector.connectStore(incoming, JAN, Credentials.password(GreenMailServers.JAN_PASSWORD))) {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        Message found = null;
        for (Message message : inbox.getMessages()) {
          if (messageId.equals(message.getHeader("Message-ID")[0])) {
            found = message;
          }
        }
        assertThat(found).as(protocol + " finds the message").isNotNull();
        InternetAddress from = (InternetAddress) found.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Jan Novák");
        assertThat(from.getAddress()).isEqualTo(GreenMailServers.JAN);
        assertThat(found.getSubject()).isEqualTo("mailsettings test message");
        inbox.close(false);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Security.class, names = {"IMPLICIT_TLS", "NONE"})
  void aWrongPasswordIsAuthFailedNeverABrokenServer(Security security) {
    VerificationReport report =
        connector.verify(all(security, GreenMailServers.JAN), JAN, Credentials.password("wrong"), ALL);
    assertThat(report.outcomes()).hasSize(3).allSatisfy(o -> {
      assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.AUTH_FAILED);
      assertThat(o.status().serverWorks()).isTrue();
      assertThat(o.message()).isNotEmpty();
    });
    assertThat(report.best()).isEmpty();
  }

  @Test
  void theCallersTrustDecidesEvenWithGreenMailInTheJvm() {
    // With the JDK's own trust store the test authority is unknown: TLS must fail, whatever
    // socket factories other code in the JVM installed.
    MailConnector jdkTrust = MailConnector.create(MailOptions.defaults());
    VerificationReport report =
        jdkTrust.verify(all(Security.IMPLICIT_TLS, GreenMailServers.JAN), JAN, Credentials.password(GreenMailServers.JAN_PASSWORD), ALL);
    assertThat(report.outcomes()).hasSize(3).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.TLS_FAILED));
  }

  @Test
  void startTlsAgainstAServerThatDoesNotOfferItFailsBeforeTheLogin() {
    List<Candidate> startTls =
        List.of(Protocol.IMAP, Protocol.POP3, Protocol.SMTP).stream()
            .map(p -> {
              ServerSettings plain = servers.settings(p, Security.NONE, GreenMailServers.JAN);
              return GreenMailServers.candidate(ServerSettings.builder().from(plain).security(Security.STARTTLS).build());
            })
            .toList();
    VerificationReport report = connector.verify(startTls, JAN, Credentials.password(GreenMailServers.JAN_PASSWORD), ALL);
    assertThat(report.outcomes()).hasSize(3).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.STARTTLS_NOT_OFFERED));
  }

  @Test
  void xoauth2IsAcceptedOnEveryProtocolAndTheTokenIsAskedOnEveryConnection() {
    AtomicInteger asked = new AtomicInteger();
    Credentials token = Credentials.oauth2(() -> {
      asked.incrementAndGet();
      return GreenMailServers.JAN_PASSWORD; // GreenMail takes the password as the token
    });
    VerificationReport report = connector.verify(all(Security.IMPLICIT_TLS, GreenMailServers.JAN), JAN, token, ALL);
    assertThat(report.outcomes()).hasSize(3).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK));
    assertThat(asked.get()).isEqualTo(3);
  }

  @Test
  void aSupplierThatNeedsTheUserToSignInAgainIsItsOwnOutcomeNotAWrongPassword() throws Exception {
    Credentials revoked = Credentials.oauth2(() -> {
      throw new SignInRequiredException("the grant was revoked; sign in again");
    });
    VerificationReport report = connector.verify(all(Security.IMPLICIT_TLS, GreenMailServers.JAN), JAN, revoked, ALL);
    assertThat(report.outcomes()).hasSize(3).allSatisfy(o -> {
      assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.SIGN_IN_REQUIRED);
      assertThat(o.status().serverWorks()).isFalse();
      assertThat(o.message()).isEqualTo("the grant was revoked; sign in again");
    });
    // The connecting methods let it through as it is, for the application to catch.
    ServerSettings imap = servers.settings(Protocol.IMAP, Security.IMPLICIT_TLS, GreenMailServers.JAN);
    assertThatThrownBy(() -> connector.connectStore(imap, JAN, revoked).close())
        .isInstanceOf(SignInRequiredException.class);
    // Wrapped in a cause, it is still recognised.
    assertThat(FailureClassifier.classify(
            new MessagingException("login failed", new SignInRequiredException("sign in again")), imap,
            org.mailsettings.jakarta.internal.ConnectionGuard.unrestricted()).status())
        .isEqualTo(VerificationStatus.SIGN_IN_REQUIRED);
  }

  @Test
  void aGuessedUsernameFallsBackToTheMailboxName() {
    ServerSettings imap = servers.settings(Protocol.IMAP, Security.IMPLICIT_TLS, GreenMailServers.PETR);
    Candidate guess =
        Candidate.builder()
            .settings(imap)
            .addSources(Source.GUESS)
            .trust(Trust.UNVERIFIED)
            .addReasons(Note.of(NoteCode.FROM_GUESS, "example.cz"))
            .addUsernameAlternatives(GreenMailServers.PETR_LOGIN)
            .build();
    // A guess on this machine's address: the user confirmed "localhost" (it is not the
    // application's own provider file, so the loopback address needs confirmation).
    VerificationReport report =
        connector.verify(List.of(guess), EmailAddress.parse(GreenMailServers.PETR), Credentials.password(GreenMailServers.PETR_PASSWORD),
            VerifyOptions.builder().addConfirmedDomains("localhost").build());
    assertThat(report.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(VerificationStatus.OK);
      assertThat(o.username()).hasValue(GreenMailServers.PETR_LOGIN);
    });
  }
}
