package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.GrantType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.jakarta.SignInRequiredException;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.testing.TestTls;

/**
 * The access token supplier against a real authorization server: no request while the token is
 * fresh, one refresh before expiry (on an injected clock) however many callers ask at once, and
 * a refresh token the server no longer accepts reported as "sign in again".
 */
class RefreshTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");
  private AuthorizationServer server;
  private MutableClock clock;
  private OAuth2Client client;
  private TokenStore store;
  private OAuth2Account account;

  @BeforeEach
  void start() throws Exception {
    server = new AuthorizationServer();
    server.tokenLifetimeSeconds(300);
    clock = MutableClock.startingNow();
    client = OAuth2Client.create(
        ClientRegistration.of("desktop-app", "not-so-secret"),
        OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).refreshSkew(Duration.ofSeconds(30)).build());
    store = TokenStore.inMemory();
    account = client.account(server.settings(), JAN, store);
    SignIns.throughTheBrowser(account);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void aFreshTokenIsHandedOutWithoutAskingTheServer() {
    TokenSet signedIn = store.load(account.key()).orElseThrow();
    for (int i = 0; i < 5; i++) {
      assertThat(account.accessTokens().get()).isEqualTo(signedIn.accessToken());
    }
    clock.advance(Duration.ofSeconds(300 - 40)); // about 40 s left (the server rounds expires_in down), the skew is 30 s
    assertThat(account.accessTokens().get()).isEqualTo(signedIn.accessToken());
    assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isZero();
  }

  @Test
  void aTokenAboutToExpireIsRefreshedAndTheNewOneSaved() {
    TokenSet signedIn = store.load(account.key()).orElseThrow();
    clock.advance(Duration.ofSeconds(300 - 29)); // within the skew

    String refreshed = account.accessTokens().get();
    assertThat(refreshed).isNotEqualTo(signedIn.accessToken());
    assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    TokenSet saved = store.load(account.key()).orElseThrow();
    assertThat(saved.accessToken()).isEqualTo(refreshed);
    assertThat(saved.refreshToken()).isPresent();
    assertThat(saved.expiresAt()).hasValueSatisfying(e -> assertThat(e).isAfter(clock.instant().plusSeconds(250)));
    // And it is fresh again: no second refresh.
    assertThat(account.accessTokens().get()).isEqualTo(refreshed);
    assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
  }

  @Test
  void manyConcurrentCallersShareOneRefresh() throws Exception {
    clock.advance(Duration.ofHours(1));
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch ready = new CountDownLatch(callers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        tokens.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return account.accessTokens().get();
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<String> got = new ArrayList<>();
      for (Future<String> token : tokens) {
        got.add(token.get(20, TimeUnit.SECONDS));
      }
      assertThat(got).hasSize(callers).containsOnly(got.get(0));
      assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRevokedRefreshTokenMeansSignInAgainAndTheTokensAreForgotten() {
    TokenSet signedIn = store.load(account.key()).orElseThrow();
    server.revoke(signedIn.refreshToken().orElseThrow());
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> account.accessTokens().get())
        .isInstanceOf(SignInRequiredException.class)
        .hasMessageContaining("sign in again")
        .hasCauseInstanceOf(OAuth2Exception.class)
        .satisfies(e -> {
          OAuth2Exception cause = (OAuth2Exception) e.getCause();
          assertThat(cause.reason()).isEqualTo(Reason.INVALID_GRANT);
          assertThat(cause.errorCode()).hasValue("invalid_grant");
          assertThat(e.getMessage()).doesNotContain(signedIn.refreshToken().get()).doesNotContain(signedIn.accessToken());
          assertThat(cause.getMessage()).doesNotContain(signedIn.refreshToken().get()).doesNotContain(signedIn.accessToken());
        });
    assertThat(store.load(account.key())).isEmpty();
    assertThat(account.isSignedIn()).isFalse();
    // No more refresh attempts: there is nothing left to refresh with.
    assertThatThrownBy(() -> account.accessTokens().get()).isInstanceOf(SignInRequiredException.class);
    assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
  }

  @Test
  void afterSigningInAgainTheSupplierWorksAgain() throws Exception {
    server.revoke(store.load(account.key()).orElseThrow().refreshToken().orElseThrow());
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> account.accessTokens().get()).isInstanceOf(SignInRequiredException.class);

    TokenSet again = SignIns.throughTheBrowser(account);
    assertThat(account.accessTokens().get()).isEqualTo(again.accessToken());
  }

  @Test
  void noRefreshTokenOrNoTokensAtAllMeansSignIn() {
    OAuth2Account other = client.account(server.settings(), EmailAddress.parse("petr@example.cz"), store);
    assertThatThrownBy(() -> other.accessTokens().get()).isInstanceOf(SignInRequiredException.class).hasMessageContaining("sign in");

    store.save(other.key(), TokenSet.builder().accessToken("expired-token").expiresAt(clock.instant().minusSeconds(1)).build());
    assertThatThrownBy(() -> other.accessTokens().get())
        .isInstanceOf(SignInRequiredException.class)
        .hasMessageContaining("no refresh token")
        .message().doesNotContain("expired-token");
  }

  @Test
  void aTokenWithoutAnExpiryIsUsedUntilInvalidated() {
    TokenSet signedIn = store.load(account.key()).orElseThrow();
    OAuth2Account other = client.account(server.settings(), EmailAddress.parse("eva@example.cz"), store);
    store.save(other.key(), TokenSet.builder().from(signedIn).expiresAt(Optional.empty()).build());
    clock.advance(Duration.ofDays(30));
    assertThat(other.accessTokens().get()).isEqualTo(signedIn.accessToken());
    assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isZero();

    other.accessTokens().invalidate(); // the mail server refused it
    assertThat(other.accessTokens().get()).isNotEqualTo(signedIn.accessToken());
    assertThat(server.tokenRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
  }

  @Test
  void anUnreachableServerIsANetworkFailureAndTheNextCallTriesAgain() {
    clock.advance(Duration.ofHours(1));
    server.close();
    assertThatThrownBy(() -> account.accessTokens().get())
        .isInstanceOf(OAuth2Exception.class)
        .satisfies(e -> assertThat(((OAuth2Exception) e).reason()).isEqualTo(Reason.NETWORK));
    assertThat(store.load(account.key())).isPresent(); // nothing is forgotten for a network failure
    assertThatThrownBy(() -> account.accessTokens().get()).isInstanceOf(OAuth2Exception.class);
  }
}
