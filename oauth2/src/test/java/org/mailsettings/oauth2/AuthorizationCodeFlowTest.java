package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.testing.TestTls;

/**
 * The authorization code grant with PKCE against a real authorization server on loopback
 * (mock-oauth2-server over HTTPS), the test playing the browser.
 */
class AuthorizationCodeFlowTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan Novák <jan@example.cz>");
  private static AuthorizationServer server;
  private static OAuth2Client client;

  @BeforeAll
  static void start() {
    server = new AuthorizationServer();
    client = OAuth2Client.create(
        ClientRegistration.builder().clientId("desktop-app").clientSecret("not-so-secret").redirectPath("/callback").build(),
        OAuth2Options.builder().sslContext(TestTls.client()).signInTimeout(Duration.ofSeconds(20)).build());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static OAuth2Account account() {
    return client.account(server.settings(), JAN, TokenStore.inMemory());
  }

  private static Map<String, List<String>> query(URI uri) {
    return URLUtils.parseParameters(uri.getRawQuery());
  }

  private static OAuth2Exception failure(CompletableFuture<?> future) {
    return SignIns.failure(future);
  }

  @Test
  void signsInWithPkceOnALoopbackRedirectAndSavesTheTokens() throws Exception {
    OAuth2Account account = account();
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);

    URI authorizationUrl = browser.authorizationUrl();
    Map<String, List<String>> request = query(authorizationUrl);
    assertThat(authorizationUrl.toString()).startsWith(server.settings().authorizationEndpoint() + "?");
    assertThat(request.get("response_type")).containsExactly("code");
    assertThat(request.get("client_id")).containsExactly("desktop-app");
    assertThat(request.get("code_challenge_method")).containsExactly("S256");
    assertThat(request.get("code_challenge").get(0)).matches("[A-Za-z0-9_-]{43}");
    assertThat(request.get("state").get(0)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(request.get("scope")).containsExactly(String.join(" ", AuthorizationServer.SCOPES));
    assertThat(request.get("login_hint")).containsExactly("jan@example.cz");
    assertThat(request).doesNotContainKeys("code_verifier", "client_secret");
    URI redirectUri = URI.create(request.get("redirect_uri").get(0));
    assertThat(redirectUri.getScheme()).isEqualTo("http");
    assertThat(redirectUri.getHost()).isEqualTo("127.0.0.1");
    assertThat(redirectUri.getPort()).isPositive();
    assertThat(redirectUri.getPath()).isEqualTo("/callback");

    // A browser asking for something else first (its favicon) does not count.
    assertThat(browser.visit(redirectUri.resolve("/favicon.ico")).status()).isEqualTo(404);
    assertThat(browser.visit(redirectUri).status()).isEqualTo(400);

    TestBrowser.Page page = browser.signIn();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("You are signed in");

    TokenSet tokens = signIn.get(20, TimeUnit.SECONDS);
    assertThat(tokens.accessToken()).isNotEmpty();
    assertThat(tokens.refreshToken()).isPresent();
    assertThat(tokens.expiresAt()).isPresent();
    assertThat(account.isSignedIn()).isTrue();
    assertThat(account.accessTokens().get()).isEqualTo(tokens.accessToken());
    assertThat(server.tokenRequests(GrantType.AUTHORIZATION_CODE)).isPositive();

    // One redirect, then the listener is gone.
    assertThatThrownBy(() -> browser.visit(page.uri())).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void aRedirectWithAnotherStateIsRefusedAndClosesTheListener() throws Exception {
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account().signInWithBrowser(browser);
    URI redirect = browser.authorize();
    String state = query(redirect).get("state").get(0);
    URI forged = URI.create(redirect.toString().replace("state=" + state, "state=" + state.substring(1) + "x"));

    TestBrowser.Page page = browser.visit(forged);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("not completed").doesNotContain(state);

    OAuth2Exception failure = failure(signIn);
    assertThat(failure.reason()).isEqualTo(Reason.STATE_MISMATCH);
    // The real redirect finds no listener: exactly one was accepted.
    assertThatThrownBy(() -> browser.visit(redirect)).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void aRedirectThatNamesAnotherIssuerIsAMixUpAndItsCodeIsNeverRedeemed() throws Exception {
    // The provider data names the issuer as an identifier URL: an iss must be exactly it.
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account().signInWithBrowser(browser);
    int redeemed = server.tokenRequests(GrantType.AUTHORIZATION_CODE);
    TestBrowser.Page page = browser.visit(SignIns.withIss(browser.authorize(), "https://attacker.example/mail"));
    assertThat(page.body()).contains("not completed").doesNotContain("attacker");
    assertThat(failure(signIn).reason()).isEqualTo(Reason.ISSUER_MISMATCH);
    assertThat(server.tokenRequests(GrantType.AUTHORIZATION_CODE)).isEqualTo(redeemed);

    // The same server naming itself is fine (mock-oauth2-server itself sends no iss).
    TestBrowser again = new TestBrowser();
    CompletableFuture<TokenSet> second = account().signInWithBrowser(again);
    assertThat(again.visit(SignIns.withIss(again.authorize(), server.settings().issuer())).status()).isEqualTo(200);
    assertThat(second.get(20, TimeUnit.SECONDS).accessToken()).isNotEmpty();

    // Provider data in the clientConfig form names a host, which no iss compares with: not checked.
    OAuth2Account byHost = client.account(
        org.mailsettings.OAuth2Settings.builder().from(server.settings()).issuer("localhost").build(), JAN, TokenStore.inMemory());
    TestBrowser third = new TestBrowser();
    CompletableFuture<TokenSet> hostForm = byHost.signInWithBrowser(third);
    assertThat(third.visit(SignIns.withIss(third.authorize(), "https://localhost")).status()).isEqualTo(200);
    assertThat(hostForm.get(20, TimeUnit.SECONDS).accessToken()).isNotEmpty();
  }

  @Test
  void deniedConsentIsAccessDeniedAndTheErrorIsNotReflectedIntoThePage() throws Exception {
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account().signInWithBrowser(browser);
    Map<String, List<String>> request = query(browser.authorizationUrl());
    URI redirectUri = URI.create(request.get("redirect_uri").get(0));
    // What the provider sends when the user clicks "Cancel" on its consent page.
    URI denied = URI.create(redirectUri + "?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state="
        + request.get("state").get(0));

    TestBrowser.Page page = browser.visit(denied);
    assertThat(page.body()).contains("not completed").doesNotContain("<script>").doesNotContain("access_denied");

    OAuth2Exception failure = failure(signIn);
    assertThat(failure.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(failure.errorCode()).hasValue("access_denied");
  }

  @Test
  void aCodeRedeemedWithAVerifierThatDoesNotMatchIsInvalidGrant() throws Exception {
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account().signInWithBrowser(browser);
    URI url = browser.authorizationUrl();
    String challenge = query(url).get("code_challenge").get(0);
    // The server is given another challenge than ours (as if the request had been swapped): our
    // verifier does not compute to it, and the server refuses the code.
    URI swapped = URI.create(url.toString().replace("code_challenge=" + challenge, "code_challenge=" + "A".repeat(43)));
    browser.visit(browser.authorize(swapped));

    OAuth2Exception failure = failure(signIn);
    assertThat(failure.reason()).isEqualTo(Reason.INVALID_GRANT);
    assertThat(failure.errorCode()).hasValue("invalid_grant");
  }

  @Test
  void noRedirectBeforeTheDeadlineIsATimeoutAndTheListenerCloses() throws Exception {
    try (OAuth2Client impatient = OAuth2Client.create(
        ClientRegistration.of("desktop-app"),
        OAuth2Options.builder().sslContext(TestTls.client()).signInTimeout(Duration.ofMillis(300)).build())) {
      TestBrowser browser = new TestBrowser();
      CompletableFuture<TokenSet> signIn = impatient.account(server.settings(), JAN, TokenStore.inMemory()).signInWithBrowser(browser);
      URI redirectUri = URI.create(query(browser.authorizationUrl()).get("redirect_uri").get(0));
      assertThat(failure(signIn).reason()).isEqualTo(Reason.TIMEOUT);
      assertThatThrownBy(() -> browser.visit(redirectUri)).hasCauseInstanceOf(ConnectException.class);
    }
  }

  @Test
  void cancellingTheSignInClosesTheListener() throws Exception {
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account().signInWithBrowser(browser);
    URI redirectUri = URI.create(query(browser.authorizationUrl()).get("redirect_uri").get(0));
    assertThat(browser.visit(redirectUri.resolve("/other")).status()).isEqualTo(404); // listening

    assertThat(signIn.cancel(true)).isTrue();
    assertThatThrownBy(() -> signIn.get()).isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> browser.visit(redirectUri)).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void closingTheClientCancelsItsSignInsAndRefusesNewOnes() throws Exception {
    OAuth2Client closing = OAuth2Client.create(ClientRegistration.of("desktop-app"), OAuth2Options.builder().sslContext(TestTls.client()).build());
    OAuth2Account account = closing.account(server.settings(), JAN, TokenStore.inMemory());
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);
    URI redirectUri = URI.create(query(browser.authorizationUrl()).get("redirect_uri").get(0));

    closing.close();
    assertThat(signIn).isCancelled();
    assertThatThrownBy(() -> browser.visit(redirectUri)).hasCauseInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> account.signInWithBrowser(browser).get()).hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBrowserThatCannotBeOpenedFailsTheSignIn() {
    CompletableFuture<TokenSet> signIn = account().signInWithBrowser(url -> {
      throw new java.io.IOException("no browser here");
    });
    OAuth2Exception failure = failure(signIn);
    assertThat(failure.reason()).isEqualTo(Reason.USER_AGENT);
    assertThat(failure.getMessage()).contains("no browser here");
  }
}
