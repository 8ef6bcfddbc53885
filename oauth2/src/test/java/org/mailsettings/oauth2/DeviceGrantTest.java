package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.testing.TestTls;

/**
 * The device grant (RFC 8628) against a scripted server over HTTPS, in virtual time: every wait
 * the library asks for is recorded and passes at once, the clock moving on by it.
 */
class DeviceGrantTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");
  private MutableClock clock;
  private VirtualTimeScheduler scheduler;
  private DeviceGrantServer server;
  private OAuth2Client client;
  private TokenStore store;

  @BeforeEach
  void start() throws Exception {
    clock = MutableClock.startingNow();
    scheduler = new VirtualTimeScheduler(clock);
    server = new DeviceGrantServer(clock);
    client = OAuth2Client.create(
        ClientRegistration.of("terminal-app"),
        OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).scheduler(scheduler).signInTimeout(Duration.ofMinutes(10)).build());
    store = TokenStore.inMemory();
  }

  @AfterEach
  void stop() {
    client.close();
    scheduler.shutdownNow();
    server.close();
  }

  private OAuth2Account account(OAuth2Settings settings) {
    return client.account(settings, JAN, store);
  }

  private static OAuth2Exception failure(CompletableFuture<?> future) {
    ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
    assertThat(thrown.getCause()).isInstanceOf(OAuth2Exception.class);
    return (OAuth2Exception) thrown.getCause();
  }

  @Test
  void theUserCodeIsShownThenPollingFollowsTheIntervalAndSlowDownUntilTheTokensCome() throws Exception {
    server.interval(2).script("authorization_pending", "slow_down", "authorization_pending", "tokens");
    AtomicReference<DeviceCode> shown = new AtomicReference<>();
    OAuth2Account account = account(server.settings());

    TokenSet tokens = account.signInWithDevice(shown::set).get(20, TimeUnit.SECONDS);

    DeviceCode code = shown.get();
    assertThat(code.userCode()).isEqualTo(DeviceGrantServer.USER_CODE);
    assertThat(code.verificationUri()).hasToString("https://device.test/activate");
    assertThat(code.verificationUriComplete()).hasValueSatisfying(u -> assertThat(u.toString()).endsWith(DeviceGrantServer.USER_CODE));
    assertThat(code.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(code.toString()).doesNotContain(DeviceGrantServer.DEVICE_CODE);

    // 2 s before the first poll; pending: 2 s; slow_down: 2 + 5 = 7 s from then on.
    assertThat(scheduler.delays()).containsExactly(
        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(server.polls()).hasSize(4).allSatisfy(p -> {
      assertThat(p.parameters().get("grant_type")).containsExactly("urn:ietf:params:oauth:grant-type:device_code");
      assertThat(p.parameters().get("client_id")).containsExactly("terminal-app");
    });
    assertThat(tokens.accessToken()).isEqualTo(DeviceGrantServer.ACCESS_TOKEN);
    assertThat(tokens.refreshToken()).hasValue(DeviceGrantServer.REFRESH_TOKEN);
    assertThat(tokens.scopes()).containsExactly("https://mail.example/imap", "offline_access");
    assertThat(store.load(account.key())).hasValue(tokens);
    assertThat(account.accessTokens().get()).isEqualTo(DeviceGrantServer.ACCESS_TOKEN);
  }

  @Test
  void expiredTokenFromTheServerEndsTheGrant() {
    server.script("authorization_pending", "expired_token");
    OAuth2Exception failure = failure(account(server.settings()).signInWithDevice(code -> {}));
    assertThat(failure.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(failure.errorCode()).hasValue("expired_token");
    assertThat(server.polls()).hasSize(2);
  }

  @Test
  void theCodesLifetimeEndsTheGrantEvenWhenTheServerKeepsSayingPending() {
    server.expiresIn(5).interval(1).script("authorization_pending");
    OAuth2Exception failure = failure(account(server.settings()).signInWithDevice(code -> {}));
    assertThat(failure.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(server.polls()).hasSize(4); // at 1, 2, 3 and 4 s; at 5 s the code has expired
  }

  @Test
  void theSignInDeadlineEndsTheGrantBeforeALongLivedCodeExpires() throws Exception {
    try (OAuth2Client impatient = OAuth2Client.create(
        ClientRegistration.of("terminal-app"),
        OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).scheduler(scheduler).signInTimeout(Duration.ofSeconds(3)).build())) {
      server.expiresIn(900).interval(1).script("authorization_pending");
      OAuth2Exception failure = failure(impatient.account(server.settings(), JAN, store).signInWithDevice(code -> {}));
      assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(server.polls()).hasSize(2);
    }
  }

  @Test
  void accessDeniedIsItsOwnOutcome() {
    server.script("authorization_pending", "access_denied");
    OAuth2Exception failure = failure(account(server.settings()).signInWithDevice(code -> {}));
    assertThat(failure.reason()).isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void aProviderWithoutADeviceEndpointIsRefusedAtOnce() {
    OAuth2Settings noDevice = OAuth2Settings.builder().from(server.settings()).deviceAuthorizationEndpoint(java.util.Optional.empty()).build();
    OAuth2Exception failure = failure(account(noDevice).signInWithDevice(code -> {}));
    assertThat(failure.reason()).isEqualTo(Reason.NOT_OFFERED);
    assertThat(server.polls()).isEmpty();
  }

  @Test
  void cancellingStopsThePolling() throws Exception {
    AtomicReference<CompletableFuture<TokenSet>> signIn = new AtomicReference<>();
    server.script("authorization_pending").onPoll(n -> {
      if (n == 2) {
        signIn.get().cancel(true);
      }
    });
    CompletableFuture<TokenSet> started = new CompletableFuture<>();
    signIn.set(account(server.settings()).signInWithDevice(code -> started.complete(null)));
    assertThatThrownBy(() -> signIn.get().get(20, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    // The poll in flight when it was cancelled was the last: nothing is scheduled after it.
    scheduler.shutdown();
    assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.polls()).hasSize(2);
    assertThat(store.load(account(server.settings()).key())).isEmpty();
  }

  @Test
  void aHandlerThatFailsEndsTheSignInBeforeAnyPoll() {
    OAuth2Exception failure = failure(account(server.settings()).signInWithDevice(code -> {
      throw new IllegalStateException("no terminal");
    }));
    assertThat(failure.reason()).isEqualTo(Reason.USER_AGENT);
    assertThat(server.polls()).isEmpty();
    assertThat(List.of(failure.getMessage())).noneMatch(m -> m.contains(DeviceGrantServer.DEVICE_CODE));
  }
}
