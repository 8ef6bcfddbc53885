package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;

/**
 * The any-provider flow end to end: the application, which registered nothing in advance, finds
 * the provider's metadata, registers there as a public client ({@link OpenProvider}), the user
 * signs in at the real authorization server (mock-oauth2-server), and the token logs in to a real
 * Dovecot with SASL OAUTHBEARER (RFC 7628) over IMAP and submission, Dovecot checking it by
 * introspection ({@link OpenProviderMail}); a message goes out through submission. Angus Mail's
 * POP3 has no SASL, so POP3 logs in with the same token over XOAUTH2.
 */
class PublicClientDovecotTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <" + AuthorizationServer.SUBJECT + ">");
  private static final VerifyOptions ALL = VerifyOptions.builder().exhaustive(true).build();
  private static OpenProviderMail servers;

  @BeforeAll
  static void start() throws Exception {
    servers = new OpenProviderMail(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    if (servers != null) {
      servers.close();
    }
  }

  @Test
  void registeredSignedInThenImapAndSubmissionWithOauthbearerAndPop3WithXoauth2() throws Exception {
    OpenProvider provider = servers.provider;
    OAuth2Account account =
        servers.oauth.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
    assertThat(provider.registrations()).hasSize(1);
    TokenSet signedIn = SignIns.throughTheBrowser(account);

    Candidate imap = servers.candidate(Protocol.IMAP);
    Candidate submission = servers.candidate(Protocol.SMTP);
    Candidate pop3 = servers.candidate(Protocol.POP3);
    VerificationReport report = servers.mail.verify(List.of(imap, submission, pop3), JAN, account.credentials(), ALL);
    assertThat(report.outcomes()).as(report + "\n" + servers.dovecot.log()).hasSize(3).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK));
    String messageId = servers.mail.sendTestMessage(submission.settings(), JAN, account.credentials());
    assertThat(servers.relayed).as(servers.dovecot.log()).anySatisfy(m -> assertThat(m).contains(messageId));

    assertThat(servers.logins("imap-login")).as(servers.dovecot.log())
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("user=<" + AuthorizationServer.SUBJECT + ">", "method=OAUTHBEARER"));
    assertThat(servers.logins("submission-login")).as(servers.dovecot.log())
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("method=OAUTHBEARER"));
    assertThat(servers.logins("pop3-login")).as(servers.dovecot.log())
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("method=XOAUTH2"));
    assertThat(report.toString()).doesNotContain(signedIn.accessToken());
  }

  @Test
  void aTokenTheServerRefusesOverOauthbearerIsARefusedLoginNotAHang() {
    Credentials forged = Credentials.oauthBearer(() -> "eyJub3QiOiJhIHRva2VuIn0");
    VerificationReport report =
        servers.mail.verify(List.of(servers.candidate(Protocol.IMAP), servers.candidate(Protocol.SMTP)), JAN, forged, ALL);
    assertThat(report.outcomes()).as(report.toString()).hasSize(2).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isIn(VerificationStatus.AUTH_FAILED, VerificationStatus.SIGN_IN_REQUIRED));
  }
}
