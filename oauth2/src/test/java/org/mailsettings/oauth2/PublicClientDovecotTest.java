package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.jakarta.testing.Dovecot;
import org.mailsettings.testing.TestTls;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The any-provider flow end to end: the application, which registered nothing in advance, finds
 * the provider's metadata, registers there as a public client ({@link OpenProvider}), the user
 * signs in at the real authorization server (mock-oauth2-server), and the token logs in to a real
 * Dovecot with SASL OAUTHBEARER (RFC 7628) over IMAP and submission, Dovecot checking it by
 * introspection; a message goes out through submission. Angus Mail's POP3 has no SASL, so POP3
 * logs in with the same token over XOAUTH2.
 */
class PublicClientDovecotTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <" + AuthorizationServer.SUBJECT + ">");
  private static final VerifyOptions ALL = VerifyOptions.builder().exhaustive(true).build();
  private static final List<String> RELAYED = new CopyOnWriteArrayList<>();
  private static AuthorizationServer authorizationServer;
  private static OpenProvider provider;
  private static SMTPServer relay;
  private static Dovecot dovecot;
  private static PublicOAuth2Client oauth;
  private static MailConnector mail;

  @BeforeAll
  static void start() throws Exception {
    authorizationServer = new AuthorizationServer();
    provider = new OpenProvider(authorizationServer);
    relay = SMTPServer.port(0)
        .bindAddress(InetAddress.getByName("127.0.0.1"))
        .hostName("relay.localhost")
        .messageHandler((context, from, to, data) -> RELAYED.add(new String(data, StandardCharsets.UTF_8)))
        .build();
    relay.start();
    URI introspection = URI.create("https://dovecot:introspection-secret@localhost:" + authorizationServer.port() + "/"
        + AuthorizationServer.ISSUER + "/introspect");
    dovecot = Dovecot.builder()
        .oauth2(introspection, TestTls.directory().resolve("ca.pem"))
        .submission(relay.getPortAllocated())
        .start();
    oauth = PublicOAuth2Client.builder(ClientMetadata.of("0b6d3f64-8c1e-4a57-9f39-2f1f0c6a7d21", "mailsettings end-to-end"))
        .options(OAuth2Options.builder().sslContext(TestTls.client()).signInTimeout(Duration.ofSeconds(20)).build())
        .build();
    mail = MailConnector.create(MailOptions.builder()
        .trustStore(TestTls.keyStore("truststore.p12"))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (mail != null) {
      mail.close();
    }
    if (oauth != null) {
      oauth.close();
    }
    if (dovecot != null) {
      dovecot.close();
    }
    if (relay != null) {
      relay.stop();
    }
    if (provider != null) {
      provider.close();
    }
    if (authorizationServer != null) {
      authorizationServer.close();
    }
  }

  private static Candidate candidate(Protocol protocol, int port) {
    ServerSettings settings =
        ServerSettings.builder()
            .protocol(protocol)
            .host("localhost")
            .port(port)
            .security(Security.STARTTLS)
            .addAuthMethods(AuthMethod.OAUTH2)
            .username(AuthorizationServer.SUBJECT)
            .build();
    return Candidate.of(settings, Source.LOCAL_FILE, Trust.TRUSTED, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "test", "Dovecot", "example.cz"));
  }

  private static List<String> logins(String service) throws Exception {
    return Arrays.stream(dovecot.log().split("\n")).filter(line -> line.contains(service + ": ") && line.contains(" Login: ")).toList();
  }

  @Test
  void registeredSignedInThenImapAndSubmissionWithOauthbearerAndPop3WithXoauth2() throws Exception {
    OAuth2Account account =
        oauth.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
    assertThat(provider.registrations()).hasSize(1);
    TokenSet signedIn = SignIns.throughTheBrowser(account);

    Candidate imap = candidate(Protocol.IMAP, dovecot.imapPort());
    Candidate submission = candidate(Protocol.SMTP, dovecot.submissionPort());
    Candidate pop3 = candidate(Protocol.POP3, dovecot.pop3Port());
    VerificationReport report = mail.verify(List.of(imap, submission, pop3), JAN, account.credentials(), ALL);
    assertThat(report.outcomes()).as(report + "\n" + dovecot.log()).hasSize(3).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isEqualTo(VerificationStatus.OK));
    String messageId = mail.sendTestMessage(submission.settings(), JAN, account.credentials());
    assertThat(RELAYED).as(dovecot.log()).anySatisfy(m -> assertThat(m).contains(messageId));

    assertThat(logins("imap-login")).as(dovecot.log())
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("user=<" + AuthorizationServer.SUBJECT + ">", "method=OAUTHBEARER"));
    assertThat(logins("submission-login")).as(dovecot.log())
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("method=OAUTHBEARER"));
    assertThat(logins("pop3-login")).as(dovecot.log())
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("method=XOAUTH2"));
    assertThat(report.toString()).doesNotContain(signedIn.accessToken());
  }

  @Test
  void aTokenTheServerRefusesOverOauthbearerIsARefusedLoginNotAHang() {
    Credentials forged = Credentials.oauthBearer(() -> "eyJub3QiOiJhIHRva2VuIn0");
    VerificationReport report =
        mail.verify(List.of(candidate(Protocol.IMAP, dovecot.imapPort()), candidate(Protocol.SMTP, dovecot.submissionPort())),
            JAN, forged, ALL);
    assertThat(report.outcomes()).as(report.toString()).hasSize(2).allSatisfy(o ->
        assertThat(o.status()).as(o.toString()).isIn(VerificationStatus.AUTH_FAILED, VerificationStatus.SIGN_IN_REQUIRED));
  }
}
