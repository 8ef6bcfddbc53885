package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.jakarta.testing.BearerRefusingServer;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/**
 * The issuer from a refused OAUTHBEARER login's error (RFC 7628 section 3.2.2) as untrusted input:
 * a scripted IMAP server on 127.0.0.1 ({@link BearerRefusingServer}) names metadata addresses at
 * the provider's HTTPS server ({@link OpenProvider}); only an https metadata address whose
 * document is for exactly the issuer of that address, named by a server of trusted settings,
 * gives an issuer. Dovecot saying it for real is in {@link PublicClientDovecotTest}.
 */
class ChallengeDiscoveryTest {
  private static final EmailAddress JAN = EmailAddress.parse(AuthorizationServer.SUBJECT);
  private static final Credentials INVALID = Credentials.oauthBearer(() -> "known-to-be-invalid");
  private static AuthorizationServer authorizationServer;
  private static MailConnector mail;
  private OpenProvider provider;
  private BearerRefusingServer imap;
  private PublicOAuth2Client oauth;

  @BeforeAll
  static void startAuthorizationServer() {
    authorizationServer = new AuthorizationServer();
    mail = TestMail.connector();
  }

  @AfterAll
  static void stopAuthorizationServer() {
    mail.close();
    authorizationServer.close();
  }

  @BeforeEach
  void start() throws Exception {
    provider = new OpenProvider(authorizationServer);
    provider.http.route(OpenProvider.TENANT + "/.well-known/openid-configuration", OpenProvider.json(provider.metadata()));
    imap = BearerRefusingServer.imap(TestTls.server("localhost"), challengeNaming(oidcAddress()));
    oauth = PublicOAuth2Client.builder(ClientMetadata.of("0b6d3f64-8c1e-4a57-9f39-2f1f0c6a7d21", "mailsettings test"))
        .options(OAuth2Options.builder().sslContext(TestTls.client()).build())
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    oauth.close();
    imap.close();
    provider.close();
  }

  private String oidcAddress() {
    return provider.issuer() + "/.well-known/openid-configuration";
  }

  private static String challengeNaming(String url) {
    return "{\"status\":\"invalid_token\",\"scope\":\"urn:ietf:params:oauth:scope:mail\",\"openid-configuration\":\"" + url + "\"}";
  }

  private Candidate candidate(Trust trust) {
    ServerSettings settings = ServerSettings.builder().protocol(Protocol.IMAP).host("localhost").port(imap.port())
        .security(Security.IMPLICIT_TLS).addAuthMethods(AuthMethod.OAUTH2).username(JAN.address()).build();
    return Candidate.of(settings, Source.LOCAL_FILE, trust, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "test", "Scripted", "example.cz"));
  }

  /** A login with a token the server refuses with {@code challenge}. */
  private VerificationOutcome refused(String challenge) {
    imap.challenge(challenge);
    VerificationOutcome outcome = mail.verify(List.of(candidate(Trust.TRUSTED)), JAN, INVALID).outcomes().get(0);
    assertThat(outcome.bearerChallenge()).as(outcome.toString()).isPresent();
    return outcome;
  }

  @Test
  void anOpenIdOrRfc8414AddressGivesTheIssuerItsDocumentConfirmsAndTheSignInGoesThere() throws Exception {
    VerificationOutcome outcome = refused(challengeNaming(oidcAddress()));
    assertThat(oauth.issuerFromChallenge(outcome)).contains(provider.issuer());
    // Its metadata is kept: the account needs no second request for it.
    int before = provider.http.requestCount();
    assertThat(oauth.metadata(provider.issuer()).tokenEndpoint()).isEqualTo(authorizationServer.endpoint("token"));
    assertThat(provider.http.requestCount()).isEqualTo(before);

    try (PublicOAuth2Client fresh = PublicOAuth2Client.builder(oauth.application())
        .options(OAuth2Options.builder().sslContext(TestTls.client()).build()).build()) {
      String rfc8414 = provider.http.base() + "/.well-known/oauth-authorization-server" + OpenProvider.TENANT;
      assertThat(fresh.issuerFromChallenge(refused(challengeNaming(rfc8414)))).contains(provider.issuer());
      OAuth2Account account = fresh.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
      assertThat(SignIns.throughTheBrowser(account).accessToken()).isNotEmpty();
    }
  }

  @Test
  void anAddressThatIsNoMetadataAddressOrWhoseDocumentIsForAnotherIssuerGivesNone() {
    // Not a well-known address: which issuer it would be for cannot be told, and it is not asked.
    provider.http.route("/metadata.json", OpenProvider.json(provider.metadata()));
    int before = provider.http.requestCount();
    assertThatThrownBy(() -> oauth.issuerFromChallenge(refused(challengeNaming(provider.http.base() + "/metadata.json"))))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    assertThat(provider.http.requestCount()).isEqualTo(before);

    // The provider's document at another issuer's address.
    provider.http.route("/elsewhere/.well-known/openid-configuration", OpenProvider.json(provider.metadata()));
    assertThatThrownBy(() -> oauth.issuerFromChallenge(refused(challengeNaming(provider.http.base() + "/elsewhere/.well-known/openid-configuration"))))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));

    // A query makes it no metadata address either.
    assertThatThrownBy(() -> oauth.issuerFromChallenge(refused(challengeNaming(oidcAddress() + "?tenant=1"))))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
  }

  @Test
  void aRedirectAtTheAddressIsNotFollowedAndPlainHttpIsNoPointerAtAll() throws Exception {
    try (TestHttpServer elsewhere = TestHttpServer.https(TestTls.server("localhost"))) {
      elsewhere.route(OpenProvider.TENANT + "/.well-known/openid-configuration", OpenProvider.json(provider.metadata()));
      provider.http.route(OpenProvider.TENANT + "/.well-known/openid-configuration",
          TestHttpServer.Response.redirect(elsewhere.base() + OpenProvider.TENANT + "/.well-known/openid-configuration"));
      assertThatThrownBy(() -> oauth.issuerFromChallenge(refused(challengeNaming(oidcAddress()))))
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR));
      assertThat(elsewhere.requestCount()).isZero();
    }
    // The adapter keeps no http pointer: there is nothing to follow.
    VerificationOutcome http = refused(challengeNaming(oidcAddress().replace("https:", "http:")));
    assertThat(http.bearerChallenge().orElseThrow().openidConfiguration()).isEmpty();
    assertThat(oauth.issuerFromChallenge(http)).isEmpty();
  }

  @Test
  void theAnswerOfAServerWhoseSettingsNeedConfirmationIsNotUsed() {
    VerificationOutcome outcome = refused(challengeNaming(oidcAddress()));
    VerificationOutcome unconfirmed = VerificationOutcome.builder().from(outcome).candidate(candidate(Trust.NEEDS_CONFIRMATION)).build();
    int before = provider.http.requestCount();
    assertThatThrownBy(() -> oauth.issuerFromChallenge(unconfirmed))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    assertThat(provider.http.requestCount()).isEqualTo(before);
  }
}
