package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.GrantType;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.jakarta.testing.Dovecot;
import org.mailsettings.testing.TestTls;
import org.subethamail.smtp.server.SMTPServer;

/**
 * End to end through a real mail server: the user signs in at the authorization server
 * (mock-oauth2-server, HTTPS), then {@link MailConnector} logs in to a real Dovecot, which checks
 * each XOAUTH2 token by introspection at that same authorization server, over IMAP (STARTTLS)
 * and submission (STARTTLS), and sends a message that Dovecot relays to an SMTP server on
 * loopback. Access tokens live a few seconds on the injected clock: a later connection
 * refreshes without the user; a revoked grant is reported as "sign in again".
 */
class DovecotEndToEndTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <" + AuthorizationServer.SUBJECT + ">");
  private static final VerifyOptions ALL = VerifyOptions.builder().exhaustive(true).build();
  private static final List<String> RELAYED = new CopyOnWriteArrayList<>();
  private static AuthorizationServer authorizationServer;
  private static SMTPServer relay;
  private static Dovecot dovecot;
  private static MutableClock clock;
  private static OAuth2Client client;
  private static MailConnector mail;

  @BeforeAll
  static void start() throws Exception {
    authorizationServer = new AuthorizationServer();
    authorizationServer.tokenLifetimeSeconds(4);
    relay = SMTPServer.port(0)
        .bindAddress(InetAddress.getByName("127.0.0.1"))
        .hostName("relay.localhost")
        .messageHandler((context, from, to, data) -> RELAYED.add(new String(data, StandardCharsets.UTF_8)))
        .build();
    relay.start();
    // Dovecot authenticates itself to the introspection endpoint (mock-oauth2-server wants a
    // client login there) and trusts the test authority for its certificate.
    URI introspection = URI.create("https://dovecot:introspection-secret@localhost:" + authorizationServer.port() + "/"
        + AuthorizationServer.ISSUER + "/introspect");
    dovecot = Dovecot.builder()
        .oauth2(introspection, TestTls.directory().resolve("ca.pem"))
        .submission(relay.getPortAllocated())
        .start();
    clock = MutableClock.startingNow();
    client = OAuth2Client.create(
        ClientRegistration.of("mail-app", "not-so-secret"),
        OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).refreshSkew(Duration.ofSeconds(1)).build());
    mail = MailConnector.create(MailOptions.builder()
        .trustStore(TestTls.keyStore("truststore.p12"))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (dovecot != null) {
      dovecot.close();
    }
    if (relay != null) {
      relay.stop();
    }
    if (authorizationServer != null) {
      authorizationServer.close();
    }
  }

  private static ServerSettings settings(Protocol protocol, int port) {
    return ServerSettings.builder()
        .protocol(protocol)
        .host("localhost")
        .port(port)
        .security(Security.STARTTLS)
        .addAuthMethods(AuthMethod.OAUTH2)
        .username(AuthorizationServer.SUBJECT)
        .build();
  }

  private static Candidate candidate(ServerSettings settings) {
    return Candidate.of(settings, Source.LOCAL_FILE, Trust.TRUSTED, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "test", "Dovecot", "example.cz"));
  }

  @Test
  void signInThenImapAndSubmissionWithXoauth2ThenALaterConnectionRefreshesAndARevokedGrantAsksToSignInAgain() throws Exception {
    ServerSettings imap = settings(Protocol.IMAP, dovecot.imapPort());
    ServerSettings submission = settings(Protocol.SMTP, dovecot.submissionPort());
    OAuth2Account account = client.account(authorizationServer.settings(), JAN, TokenStore.inMemory());
    TokenSet signedIn = SignIns.throughTheBrowser(account);

    // Logged in with the token, both ways.
    VerificationReport report = mail.verify(List.of(candidate(imap), candidate(submission)), JAN, account.credentials(), ALL);
    assertThat(report.outcomes()).as(report + "\n" + dovecot.log()).hasSize(2).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK));
    String messageId = mail.sendTestMessage(submission, JAN, account.credentials());
    assertThat(RELAYED).as(dovecot.log()).anySatisfy(m -> assertThat(m).contains(messageId));
    assertThat(authorizationServer.tokenRequests(GrantType.REFRESH_TOKEN)).isZero();

    // Later: the token has expired; the next connection refreshes it without the user.
    clock.advance(Duration.ofSeconds(10));
    try (Store store = mail.connectStore(imap, JAN, account.credentials())) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isNotNegative();
      inbox.close(false);
    }
    assertThat(authorizationServer.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    assertThat(account.accessTokens().get()).isNotEqualTo(signedIn.accessToken());
    assertThat(dovecot.log()).contains("user=<" + AuthorizationServer.SUBJECT + ">").contains("method=XOAUTH2");

    // The user revokes the application's access at the provider: verification says "sign in again".
    authorizationServer.revoke(signedIn.refreshToken().orElseThrow());
    clock.advance(Duration.ofSeconds(10));
    VerificationReport revoked = mail.verify(List.of(candidate(imap), candidate(submission)), JAN, account.credentials(), ALL);
    assertThat(revoked.outcomes()).hasSize(2).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.SIGN_IN_REQUIRED));
    assertThat(account.isSignedIn()).isFalse();
    assertThat(revoked.toString()).doesNotContain(signedIn.accessToken()).doesNotContain(signedIn.refreshToken().get());
  }
}
