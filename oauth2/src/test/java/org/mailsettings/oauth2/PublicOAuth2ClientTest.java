package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/**
 * The OAuth profile for open public clients against real servers on 127.0.0.1: the provider's
 * metadata and registration endpoint ({@link OpenProvider}) and the real authorization server
 * behind them (mock-oauth2-server, {@link AuthorizationServer}), the test playing the browser.
 */
class PublicOAuth2ClientTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <" + AuthorizationServer.SUBJECT + ">");
  private static final ClientMetadata APP =
      ClientMetadata.builder()
          .softwareId("6f1c2f6e-0a6b-4d47-9d3e-6a2c0b1e9f10")
          .clientName("mailsettings test")
          .softwareVersion("0.1.0")
          .clientUri(URI.create("https://mailsettings.example/"))
          .build();
  private static AuthorizationServer authorizationServer;
  private OpenProvider provider;
  private MutableClock clock;
  private PublicOAuth2Client oauth;

  @BeforeAll
  static void startAuthorizationServer() {
    authorizationServer = new AuthorizationServer();
  }

  @AfterAll
  static void stopAuthorizationServer() {
    authorizationServer.close();
  }

  @BeforeEach
  void start() throws Exception {
    provider = new OpenProvider(authorizationServer);
    clock = MutableClock.startingNow();
    oauth = PublicOAuth2Client.builder(APP).options(options()).build();
  }

  private OAuth2Options options() {
    return OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).signInTimeout(Duration.ofSeconds(20)).build();
  }

  @AfterEach
  void stop() throws Exception {
    oauth.close();
    provider.close();
  }

  private static Map<String, List<String>> query(URI uri) {
    return URLUtils.parseParameters(uri.getRawQuery());
  }

  /** What a JMAP client does first: asks the resource without a token and reads its challenge. */
  private static String challengeOf(URI resource) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(TestTls.client()).build();
    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(resource).GET().build(), HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).isEqualTo(401);
    return answer.headers().firstValue("WWW-Authenticate").orElseThrow();
  }

  @Test
  void fromTheResourcesChallengeToTokensRegisteringOnceAsAPublicClientWithPkceTheResourceAndTheProfilesScopes() throws Exception {
    ProtectedResource resource = oauth.protectedResource(provider.resource(), challengeOf(provider.resource()));
    assertThat(resource.resource()).isEqualTo(provider.resource());
    assertThat(resource.authorizationServers()).containsExactly(provider.issuer());

    // mock-oauth2-server is an OpenID provider and wants openid: an extra scope, asked for here only.
    assertThat(AccessRequest.mail().scopes()).containsExactly(AccessRequest.MAIL, AccessRequest.OFFLINE_ACCESS);
    AccessRequest request = AccessRequest.builder().addExtraScopes("openid").addResources(resource.resource()).build();
    TokenStore tokens = TokenStore.inMemory();
    OAuth2Account account = oauth.account(resource.authorizationServers().get(0), JAN, tokens, request);

    // Registered as a public client, with the application's identity.
    assertThat(provider.registrations()).hasSize(1);
    Map<String, Object> registration = provider.registrations().get(0);
    assertThat(registration)
        .containsEntry("token_endpoint_auth_method", "none")
        .containsEntry("software_id", APP.softwareId())
        .containsEntry("software_version", "0.1.0")
        .containsEntry("client_name", "mailsettings test")
        .containsEntry("client_uri", "https://mailsettings.example/")
        .containsEntry("redirect_uris", List.of("http://127.0.0.1/"))
        .containsEntry("response_types", List.of("code"))
        .containsEntry("scope", "urn:ietf:params:oauth:scope:mail offline_access openid")
        .doesNotContainKeys("client_secret", "software_statement");
    assertThat(List.copyOf((List<?>) registration.get("grant_types"))).asString().contains("authorization_code").contains("refresh_token");

    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);
    URI authorizationUrl = browser.authorizationUrl();
    Map<String, List<String>> asked = query(authorizationUrl);
    assertThat(authorizationUrl.toString()).startsWith(authorizationServer.endpoint("authorize") + "?");
    assertThat(asked.get("client_id")).containsExactly(provider.clientIds().get(0));
    assertThat(asked.get("response_type")).containsExactly("code");
    assertThat(asked.get("code_challenge_method")).containsExactly("S256");
    assertThat(asked.get("scope")).containsExactly("urn:ietf:params:oauth:scope:mail offline_access openid");
    assertThat(asked.get("resource")).containsExactly(provider.resource().toString());
    assertThat(asked.get("login_hint")).containsExactly(AuthorizationServer.SUBJECT);
    assertThat(URI.create(asked.get("redirect_uri").get(0)).getHost()).isEqualTo("127.0.0.1");
    assertThat(browser.visit(browser.authorize()).status()).isEqualTo(200);
    TokenSet signedIn = signIn.get(20, TimeUnit.SECONDS);
    assertThat(tokens.load(account.key())).contains(signedIn);
    assertThat(authorizationServer.tokenRequestResources()).last().isEqualTo(List.of(provider.resource()));
    assertThat(account.credentials().tokenMechanisms()).containsExactly("OAUTHBEARER", "XOAUTH2");
    assertThat(account.resources()).containsExactly(provider.resource());

    // An hour later the token is refreshed for the same resource, without the user.
    int refreshes = authorizationServer.tokenRequests(GrantType.REFRESH_TOKEN);
    clock.advance(Duration.ofHours(2));
    assertThat(account.accessTokens().get()).isNotEqualTo(signedIn.accessToken());
    assertThat(authorizationServer.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(refreshes + 1);
    assertThat(authorizationServer.tokenRequestResources()).last().isEqualTo(List.of(provider.resource()));

    // The registration is used again: by this client, and by a new one (a later run) with the same store.
    oauth.account(provider.issuer(), JAN, TokenStore.inMemory(), request);
    assertThat(provider.registrations()).hasSize(1);
    RegistrationStore store = RegistrationStore.inMemory();
    try (PublicOAuth2Client first = PublicOAuth2Client.builder(APP).options(options()).registrations(store).build()) {
      first.account(provider.issuer(), JAN, TokenStore.inMemory());
    }
    try (PublicOAuth2Client later = PublicOAuth2Client.builder(APP).options(options()).registrations(store).build()) {
      later.account(provider.issuer(), JAN, TokenStore.inMemory());
    }
    assertThat(provider.registrations()).hasSize(2);
    assertThat(store.load(RegisteredClient.keyOf(provider.issuer(), URI.create("http://127.0.0.1/"))))
        .hasValueSatisfying(saved -> {
          assertThat(saved.clientId()).isEqualTo(provider.clientIds().get(1));
          assertThat(saved.issuer()).isEqualTo(provider.issuer());
          assertThat(saved.softwareId()).isEqualTo(APP.softwareId());
        });
  }

  @Test
  void aRegistrationTheServerNoLongerKnowsIsForgottenAndMadeAgain() throws Exception {
    RegistrationStore store = RegistrationStore.inMemory();
    URI loopback = URI.create("http://127.0.0.1/");
    AccessRequest request = AccessRequest.builder().addExtraScopes("openid").build();
    try (PublicOAuth2Client client = PublicOAuth2Client.builder(APP).options(options()).registrations(store).build()) {
      OAuth2Account account = client.account(provider.issuer(), JAN, TokenStore.inMemory(), request);
      SignIns.throughTheBrowser(account);
      String clientId = store.load(RegisteredClient.keyOf(provider.issuer(), loopback)).orElseThrow().clientId();

      authorizationServer.forgetClient(clientId);
      clock.advance(Duration.ofHours(2));
      assertThatThrownBy(() -> account.accessTokens().get()).isInstanceOf(RuntimeException.class);
      assertThat(store.load(RegisteredClient.keyOf(provider.issuer(), loopback))).isEmpty();

      client.account(provider.issuer(), JAN, TokenStore.inMemory(), request);
      assertThat(store.load(RegisteredClient.keyOf(provider.issuer(), loopback)))
          .hasValueSatisfying(again -> assertThat(again.clientId()).isNotEqualTo(clientId));
    }
  }

  @Test
  void anApplicationsOwnRedirectReceivesTheCodeInsteadOfALoopbackListener() throws Exception {
    AppRedirect redirect = AppRedirect.of(URI.create("org.mailsettings.test:/oauth2redirect"));
    try (PublicOAuth2Client app = PublicOAuth2Client.builder(APP).options(options()).appRedirect(redirect).build()) {
      OAuth2Account account = app.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
      assertThat(provider.registrations()).singleElement()
          .satisfies(sent -> assertThat(sent).containsEntry("redirect_uris", List.of("org.mailsettings.test:/oauth2redirect")));

      TestBrowser browser = new TestBrowser();
      CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);
      assertThat(query(browser.authorizationUrl()).get("redirect_uri")).containsExactly("org.mailsettings.test:/oauth2redirect");
      URI redirected = browser.authorize();
      assertThat(redirected.getScheme()).isEqualTo("org.mailsettings.test");

      // Another URI, or the right one with another state, is not taken while the sign-in waits.
      assertThat(redirect.deliver(URI.create("org.mailsettings.other:/oauth2redirect?" + redirected.getRawQuery()))).isFalse();
      assertThat(signIn).isNotDone();
      assertThat(redirect.deliver(redirected)).isTrue();
      assertThat(signIn.get(20, TimeUnit.SECONDS).accessToken()).isNotEmpty();
      // Delivered twice (the operating system repeating itself): nobody waits for it any more.
      assertThat(redirect.deliver(redirected)).isFalse();
    }
  }

  private static final String METADATA = "/.well-known/oauth-authorization-server" + OpenProvider.TENANT;

  /** The provider's metadata saying that its authorization responses always name it (RFC 9207). */
  private void issInEveryResponse() {
    provider.http.route(METADATA, OpenProvider.json(provider.metadata().replace(
        "\"an_unknown_member\"", "\"authorization_response_iss_parameter_supported\":true,\"an_unknown_member\"")));
  }

  @Test
  void whereTheMetadataSaysSoTheRedirectMustNameTheIssuerExactlyOrItsCodeIsNeverRedeemed() throws Exception {
    issInEveryResponse();
    assertThat(oauth.metadata(provider.issuer()).authorizationResponseIssParameterSupported()).isTrue();
    OAuth2Account account = oauth.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
    int redeemed = authorizationServer.tokenRequests(GrantType.AUTHORIZATION_CODE);

    // mock-oauth2-server sends no iss: under this metadata its redirect, as it comes, is refused.
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> withoutIss = account.signInWithBrowser(browser);
    assertThat(browser.visit(browser.authorize()).body()).contains("not completed");
    assertThat(SignIns.failure(withoutIss).reason()).isEqualTo(Reason.ISSUER_MISMATCH);

    // Another server's iss (the real authorization server behind the provider has another issuer).
    TestBrowser mixedUp = new TestBrowser();
    CompletableFuture<TokenSet> otherIss = account.signInWithBrowser(mixedUp);
    mixedUp.visit(SignIns.withIss(mixedUp.authorize(), authorizationServer.settings().issuer()));
    assertThat(SignIns.failure(otherIss).reason()).isEqualTo(Reason.ISSUER_MISMATCH);
    assertThat(authorizationServer.tokenRequests(GrantType.AUTHORIZATION_CODE)).isEqualTo(redeemed);

    // The issuer exactly as its metadata names it: signed in.
    TestBrowser named = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account.signInWithBrowser(named);
    assertThat(named.visit(SignIns.withIss(named.authorize(), provider.issuer())).status()).isEqualTo(200);
    assertThat(signIn.get(20, TimeUnit.SECONDS).accessToken()).isNotEmpty();
    assertThat(authorizationServer.tokenRequests(GrantType.AUTHORIZATION_CODE)).isEqualTo(redeemed + 1);
  }

  @Test
  void anIssThatIsThereMustMatchEvenWhereTheMetadataDoesNotPromiseOneAlsoAtAnApplicationsRedirect() throws Exception {
    AppRedirect redirect = AppRedirect.of(URI.create("org.mailsettings.test:/oauth2redirect"));
    try (PublicOAuth2Client app = PublicOAuth2Client.builder(APP).options(options()).appRedirect(redirect).build()) {
      assertThat(app.metadata(provider.issuer()).authorizationResponseIssParameterSupported()).isFalse();
      OAuth2Account account = app.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder().addExtraScopes("openid").build());
      TestBrowser browser = new TestBrowser();
      CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);
      assertThat(redirect.deliver(SignIns.withIss(browser.authorize(), provider.issuer() + "/"))).isTrue();
      assertThat(SignIns.failure(signIn).reason()).isEqualTo(Reason.ISSUER_MISMATCH);
    }
  }

  @Test
  void anIssPromiseThatIsNoBooleanIsNoMetadata() {
    provider.http.route(METADATA, OpenProvider.json(provider.metadata().replace(
        "\"an_unknown_member\"", "\"authorization_response_iss_parameter_supported\":\"true\",\"an_unknown_member\"")));
    assertThatThrownBy(() -> oauth.metadata(provider.issuer()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR));
  }

  @Test
  void metadataOfTheRealAuthorizationServerThroughTheOpenIdFallbackWithItsIssuerExactly() {
    String issuer = authorizationServer.settings().issuer();
    AuthorizationServerMetadata metadata = oauth.metadata(issuer);
    assertThat(metadata.issuer()).isEqualTo(issuer);
    assertThat(metadata.authorizationEndpoint()).isEqualTo(authorizationServer.endpoint("authorize"));
    assertThat(metadata.tokenEndpoint()).isEqualTo(authorizationServer.endpoint("token"));
    assertThat(metadata.codeChallengeMethodsSupported()).contains("S256");

    // The same server under an issuer with a trailing slash: its metadata names the other one.
    assertThatThrownBy(() -> oauth.metadata(issuer + "/"))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    // mock-oauth2-server takes no dynamic registration: said before the user is asked anything.
    assertThatThrownBy(() -> oauth.account(issuer, JAN, TokenStore.inMemory()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));
  }

  @Test
  void issuersTheProfileDoesNotAllowAreRefusedBeforeAnyRequest() {
    for (String issuer : List.of(
        "http://localhost:" + provider.http.port() + OpenProvider.TENANT,
        provider.issuer() + "?tenant=1",
        provider.issuer() + "#x",
        "https://user@localhost:" + provider.http.port() + OpenProvider.TENANT,
        provider.http.base() + "/a/../tenant",
        provider.http.base() + "/%74enant",
        "not a uri")) {
      assertThatThrownBy(() -> oauth.metadata(issuer))
          .as(issuer)
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    }
    assertThat(provider.http.requestCount()).isZero();
  }

  @Test
  void metadataForAnotherIssuerOrWithPlainHttpEndpointsIsNotUsed() {
    String path = "/.well-known/oauth-authorization-server" + OpenProvider.TENANT;
    provider.http.route(path, OpenProvider.json(provider.metadata().replace(provider.issuer(), provider.issuer() + "/")));
    assertThatThrownBy(() -> oauth.metadata(provider.issuer()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));

    provider.http.route(path, OpenProvider.json(provider.metadata().replace("\"token_endpoint\":\"https:", "\"token_endpoint\":\"http:")));
    assertThatThrownBy(() -> oauth.metadata(provider.issuer()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));

    provider.http.route(path, OpenProvider.json("{\"issuer\":\"" + provider.issuer() + "\",\"token_endpoint\":42}"));
    assertThatThrownBy(() -> oauth.metadata(provider.issuer()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR));
  }

  @Test
  void redirectsAreNotFollowedAndOversizedMetadataIsNotRead() throws Exception {
    try (TestHttpServer elsewhere = TestHttpServer.https(TestTls.server("localhost"))) {
      elsewhere.route("/.well-known/oauth-authorization-server" + OpenProvider.TENANT, OpenProvider.json(provider.metadata()));
      String target = elsewhere.base() + "/.well-known/oauth-authorization-server" + OpenProvider.TENANT;
      provider.http.route("/.well-known/oauth-authorization-server" + OpenProvider.TENANT, TestHttpServer.Response.redirect(target));
      provider.http.route(OpenProvider.TENANT + "/.well-known/openid-configuration", TestHttpServer.Response.redirect(target));
      assertThatThrownBy(() -> oauth.metadata(provider.issuer()))
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));
      assertThat(elsewhere.requestCount()).isZero();
    }

    String padded = provider.metadata().replace("\"an_unknown_member\"", "\"padding\":\"" + "x".repeat(300 * 1024) + "\",\"an_unknown_member\"");
    provider.http.route("/.well-known/oauth-authorization-server" + OpenProvider.TENANT, OpenProvider.json(padded));
    assertThatThrownBy(() -> oauth.metadata(provider.issuer()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR));
  }

  @Test
  void aServerWithoutWhatTheProfileNeedsIsRefusedBeforeRegistering() {
    String path = "/.well-known/oauth-authorization-server" + OpenProvider.TENANT;
    provider.http.route(path, OpenProvider.json(provider.metadata().replace("\"code_challenge_methods_supported\":[\"S256\"]",
        "\"code_challenge_methods_supported\":[\"plain\"]")));
    assertThatThrownBy(() -> oauth.account(provider.issuer(), JAN, TokenStore.inMemory()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));

    try (PublicOAuth2Client fresh = PublicOAuth2Client.builder(APP).options(options()).build()) {
      provider.http.route(path, OpenProvider.json(provider.metadata().replace("\"urn:ietf:params:oauth:scope:mail\",", "")));
      assertThatThrownBy(() -> fresh.account(provider.issuer(), JAN, TokenStore.inMemory()))
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));
    }
    assertThat(provider.registrations()).isEmpty();
  }

  @Test
  void onlyTheScopesTheServerSupportsAreAskedForAndNoResourceItsTokensAreNotFor() {
    AccessRequest request =
        AccessRequest.builder()
            .addExtraScopes(AccessRequest.CONTACTS, AccessRequest.CALENDARS)
            .addResources(URI.create("https://attacker.example/jmap"))
            .build();
    assertThatThrownBy(() -> oauth.account(provider.issuer(), JAN, TokenStore.inMemory(), request))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    assertThat(provider.registrations()).isEmpty();

    oauth.account(provider.issuer(), JAN, TokenStore.inMemory(), AccessRequest.builder()
        .addExtraScopes(AccessRequest.CONTACTS, AccessRequest.CALENDARS).build());
    // calendars is not in scopes_supported: left out.
    assertThat(provider.registrations()).singleElement()
        .satisfies(sent -> assertThat(sent).containsEntry(
            "scope", "urn:ietf:params:oauth:scope:mail offline_access urn:ietf:params:oauth:scope:contacts"));
  }

  @Test
  void aRefusedRegistrationOrOneWithASecretIsAnErrorAndNothingIsStored() {
    RegistrationStore store = RegistrationStore.inMemory();
    provider.answerRegistrations(sent -> OpenProvider.json(400,
        "{\"error\":\"invalid_redirect_uri\",\"error_description\":\"http redirects are not accepted\"}"));
    try (PublicOAuth2Client client = PublicOAuth2Client.builder(APP).options(options()).registrations(store).build()) {
      assertThatThrownBy(() -> client.account(provider.issuer(), JAN, TokenStore.inMemory()))
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(e.errorCode()).contains("invalid_redirect_uri");
          });

      provider.answerRegistrations(sent -> OpenProvider.json(201,
          "{\"client_id\":\"confidential\",\"client_secret\":\"s3cr3t\",\"token_endpoint_auth_method\":\"client_secret_basic\","
              + "\"redirect_uris\":[\"http://127.0.0.1/\"]}"));
      assertThatThrownBy(() -> client.account(provider.issuer(), JAN, TokenStore.inMemory()))
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(e.getMessage()).doesNotContain("s3cr3t");
          });
    }
    assertThat(store.load(RegisteredClient.keyOf(provider.issuer(), URI.create("http://127.0.0.1/")))).isEmpty();
  }

  @Test
  void aResourcesPointerIsUsedOnlyOverHttpsAndForTheResourceAsked() throws Exception {
    String challenge = challengeOf(provider.resource());
    URI other = URI.create(provider.http.base() + "/dav/calendars");
    assertThatThrownBy(() -> oauth.protectedResource(other, challenge))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    assertThatThrownBy(() -> oauth.protectedResource(provider.resource(), "Bearer resource_metadata=\"http://localhost/x\""))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    assertThatThrownBy(() -> oauth.protectedResource(provider.resource(), "Basic realm=\"jmap\""))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));
  }
}
