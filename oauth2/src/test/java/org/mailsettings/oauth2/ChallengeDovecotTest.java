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
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;

/**
 * An application that has the mail settings but no issuer finds it in the error a real Dovecot
 * answers a refused OAUTHBEARER token with (RFC 7628 section 3.2.2, {@code openid_configuration_url}),
 * over IMAP and submission; the user signs in there and the next login works ({@link
 * OpenProviderMail}). A Dovecot of its own: after failed logins Dovecot 2.3 delays every further
 * login from the address (its auth penalty: 4 s, doubling, up to 15 s; nothing turns it off for
 * 127.0.0.1), so the refused logins here would slow the other tests' logins, and this test's
 * connector waits long enough for the one after them.
 */
class ChallengeDovecotTest {
  private static final EmailAddress JAN = EmailAddress.parse(AuthorizationServer.SUBJECT);
  private static final VerifyOptions ALL = VerifyOptions.builder().exhaustive(true).build();
  private static OpenProviderMail servers;

  @BeforeAll
  static void start() throws Exception {
    servers = new OpenProviderMail(Duration.ofSeconds(25));
  }

  @AfterAll
  static void stop() throws Exception {
    if (servers != null) {
      servers.close();
    }
  }

  @Test
  void theErrorOfARefusedTokenNamesTheAuthorizationServerWhereTheUserThenSignsInForTheNextLogin() throws Exception {
    Candidate imap = servers.candidate(Protocol.IMAP);
    Candidate submission = servers.candidate(Protocol.SMTP);
    Credentials invalid = Credentials.oauthBearer(() -> "known-to-be-invalid");
    VerificationReport refused = servers.mail.verify(List.of(imap, submission), JAN, invalid, ALL);
    assertThat(refused.outcomes()).as(refused + "\n" + servers.dovecot.log()).hasSize(2).allSatisfy(o -> {
      assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.AUTH_FAILED);
      assertThat(o.bearerChallenge()).as(o.toString()).hasValueSatisfying(challenge -> {
        assertThat(challenge.status()).isEqualTo("invalid_token");
        assertThat(challenge.openidConfiguration()).contains(servers.openidConfiguration());
      });
    });

    for (VerificationOutcome outcome : refused.outcomes()) {
      assertThat(servers.oauth.issuerFromChallenge(outcome)).as(outcome.toString()).contains(servers.provider.issuer());
    }
    OAuth2Account account = servers.oauth.account(
        servers.provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
    SignIns.throughTheBrowser(account);
    VerificationReport report =
        servers.mail.verify(List.of(imap, submission), JAN, account.credentials(), VerifyOptions.builder().from(ALL).deadline(Duration.ofSeconds(60)).build());
    assertThat(report.outcomes()).as(report + "\n" + servers.dovecot.log()).hasSize(2).allSatisfy(o -> {
      assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK);
      assertThat(o.bearerChallenge()).isEmpty();
    });
    assertThat(servers.logins("imap-login")).as(servers.dovecot.log())
        .singleElement().satisfies(line -> assertThat(line).contains("method=OAUTHBEARER"));
  }
}
