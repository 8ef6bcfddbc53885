package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.testing.BearerRefusingServer;

/**
 * The error a server answers a refused SASL {@code OAUTHBEARER} login with (RFC 7628 section
 * 3.2.2), from scripted IMAP and SMTP servers on 127.0.0.1 ({@link BearerRefusingServer}, implicit
 * TLS, the test certificate):
 * kept on the outcome once read as untrusted input, answered with the RFC's {@code 0x01}, and the
 * login refused.
 */
class BearerChallengeTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");
  private static final MailConnector CONNECTOR = MailConnector.create(TestTls.clientOptions().build());
  private static final Credentials TOKEN = Credentials.oauthBearer(() -> "revoked-access-token");
  private static final String DOVECOT =
      "{\"status\":\"invalid_token\",\"openid-configuration\":\"https://auth.example.cz/tenant/.well-known/openid-configuration\"}";

  @AfterAll
  static void close() {
    CONNECTOR.close();
  }

  private static BearerRefusingServer imap(String challenge) throws Exception {
    return BearerRefusingServer.imap(TestTls.serverContext("localhost"), challenge);
  }

  private static BearerRefusingServer smtp(String challenge) throws Exception {
    return BearerRefusingServer.smtp(TestTls.serverContext("localhost"), challenge);
  }

  private static Candidate candidate(Protocol protocol, int port) {
    return GreenMailServers.candidate(
        ServerSettings.builder().protocol(protocol).host("localhost").port(port).security(Security.IMPLICIT_TLS)
            .addAuthMethods(AuthMethod.OAUTH2).username(JAN.address()).build());
  }

  private static VerificationOutcome verify(Candidate candidate, Credentials credentials) {
    return CONNECTOR.verify(List.of(candidate), JAN, credentials).outcomes().get(0);
  }

  @Test
  void overImapAndSmtpTheServersErrorIsKeptAndAnsweredAsTheRfcSays() throws Exception {
    try (BearerRefusingServer imap = imap(DOVECOT); BearerRefusingServer smtp = smtp(DOVECOT)) {
      for (Candidate candidate : List.of(candidate(Protocol.IMAP, imap.port()), candidate(Protocol.SMTP, smtp.port()))) {
        VerificationOutcome outcome = verify(candidate, TOKEN);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(VerificationStatus.AUTH_FAILED);
        assertThat(outcome.bearerChallenge()).as(outcome.toString()).hasValueSatisfying(challenge -> {
          assertThat(challenge.status()).isEqualTo("invalid_token");
          assertThat(challenge.scope()).isEmpty();
          assertThat(challenge.openidConfiguration())
              .contains(URI.create("https://auth.example.cz/tenant/.well-known/openid-configuration"));
        });
      }
      // The client's answer to the error is the single 0x01, base64 "AQ==" (RFC 7628 section 3.2.3).
      assertThat(imap.received()).contains("AQ==");
      assertThat(smtp.received()).contains("AQ==");
      assertThat(String.join("\n", imap.received())).contains("AUTHENTICATE OAUTHBEARER ");
    }
  }

  @Test
  void aChallengeThatIsNoRfc7628ErrorOrTooLargeIsNotKeptAndAPlainHttpPointerIsLeftOut() throws Exception {
    String padded = "{\"status\":\"invalid_token\",\"padding\":\"" + "x".repeat(5000) + "\"}";
    try (BearerRefusingServer imap = imap(DOVECOT)) {
      for (String challenge : List.of(padded, "not json", "{\"status\":\"a\",\"status\":\"b\"}", "{\"status\":401}", "[]")) {
        imap.challenge(challenge);
        VerificationOutcome outcome = verify(candidate(Protocol.IMAP, imap.port()), TOKEN);
        assertThat(outcome.status()).as(challenge).isEqualTo(VerificationStatus.AUTH_FAILED);
        assertThat(outcome.bearerChallenge()).as(challenge).isEmpty();
      }
    }
    String http = "{\"status\":\"invalid_token\",\"scope\":\"urn:ietf:params:oauth:scope:mail\","
        + "\"openid-configuration\":\"http://auth.example.cz/.well-known/openid-configuration\",\"unknown\":{\"a\":[1]}}";
    try (BearerRefusingServer smtp = smtp(http)) {
      VerificationOutcome outcome = verify(candidate(Protocol.SMTP, smtp.port()), TOKEN);
      assertThat(outcome.bearerChallenge()).hasValueSatisfying(challenge -> {
        assertThat(challenge.status()).isEqualTo("invalid_token");
        assertThat(challenge.scope()).contains("urn:ietf:params:oauth:scope:mail");
        assertThat(challenge.openidConfiguration()).isEmpty();
      });
    }
  }

  @Test
  void aPasswordOrXoauth2LoginHasNoBearerChallenge() throws Exception {
    try (BearerRefusingServer imap = imap(DOVECOT)) {
      Candidate candidate = candidate(Protocol.IMAP, imap.port());
      assertThat(verify(candidate, Credentials.oauth2(() -> "revoked-access-token")).bearerChallenge()).isEmpty();
      assertThat(String.join("\n", imap.received())).doesNotContain("OAUTHBEARER");
    }
  }
}
