package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.GrantType;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.jakarta.testing.Dovecot;
import org.mailsettings.testing.TestTls;

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
  private static AuthorizationServer authorizationServer;
  private static TokenCheckingDovecot servers;
  private static Dovecot dovecot;
  private static MutableClock clock;
  private static OAuth2Client client;
  private static MailConnector mail;

  @BeforeAll
  static void start() throws Exception {
    authorizationServer = new AuthorizationServer();
    authorizationServer.tokenLifetimeSeconds(4);
    servers = TokenCheckingDovecot.start(authorizationServer, null);
    dovecot = servers.dovecot;
    clock = MutableClock.startingNow();
    client = OAuth2Client.create(
        ClientRegistration.of("mail-app", "not-so-secret"),
        OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).refreshSkew(Duration.ofSeconds(1)).build());
    mail = TestMail.connector();
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
    if (client != null) {
      client.close();
    }
    if (servers != null) {
      servers.close();
    }
    if (authorizationServer != null) {
      authorizationServer.close();
    }
  }

  @Test
  void signInThenImapAndSubmissionWithXoauth2ThenALaterConnectionRefreshesAndARevokedGrantAsksToSignInAgain() throws Exception {
    ServerSettings imap = servers.settings(Protocol.IMAP);
    ServerSettings submission = servers.settings(Protocol.SMTP);
    OAuth2Account account = client.account(authorizationServer.settings(), JAN, TokenStore.inMemory());
    TokenSet signedIn = SignIns.throughTheBrowser(account);

    // Logged in with the token, both ways.
    VerificationReport report = mail.verify(List.of(servers.candidate(Protocol.IMAP), servers.candidate(Protocol.SMTP)), JAN, account.credentials(), ALL);
    assertThat(report.outcomes()).as(report + "\n" + dovecot.log()).hasSize(2).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK));
    String messageId = mail.sendTestMessage(submission, JAN, account.credentials());
    assertThat(servers.relayed).as(dovecot.log()).anySatisfy(m -> assertThat(m).contains(messageId));
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
    VerificationReport revoked = mail.verify(List.of(servers.candidate(Protocol.IMAP), servers.candidate(Protocol.SMTP)), JAN, account.credentials(), ALL);
    assertThat(revoked.outcomes()).hasSize(2).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.SIGN_IN_REQUIRED));
    assertThat(account.isSignedIn()).isFalse();
    assertThat(revoked.toString()).doesNotContain(signedIn.accessToken()).doesNotContain(signedIn.refreshToken().get());
  }
}
