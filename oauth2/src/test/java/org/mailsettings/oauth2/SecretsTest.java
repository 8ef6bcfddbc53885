package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.jakarta.SignInRequiredException;
import org.mailsettings.testing.TestTls;

/** Tokens, codes and secrets appear in no {@code toString}, log record or exception message. */
class SecretsTest {
  private static final String ACCESS = "access-7f3a9c";
  private static final String REFRESH = "refresh-51be02";
  private static final String SECRET = "client-secret-d41d8c";

  @Test
  void valuesNeverShowTheirSecrets() {
    TokenSet tokens = TokenSet.builder().accessToken(ACCESS).refreshToken(REFRESH).expiresAt(Instant.EPOCH).addScopes("mail").build();
    assertThat(tokens.toString()).doesNotContain(ACCESS).doesNotContain(REFRESH).contains("***").contains("mail");
    ClientRegistration registration = ClientRegistration.of("app-id", SECRET);
    assertThat(registration.toString()).contains("app-id").doesNotContain(SECRET);
    TokenStore store = TokenStore.inMemory();
    store.save("accounts.example jan@example.cz", tokens);
    assertThat(store.toString()).doesNotContain(ACCESS).doesNotContain(REFRESH);
  }

  @Test
  void noTokenInToStringsLogsOrExceptionsOfARealSignInAndRefresh() throws Exception {
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        // Formatted, parameters and all ("Exchange request line: {0}" carries its line as a parameter).
        logged.add(record.getLoggerName() + " " + new SimpleFormatter().formatMessage(record) + " " + record.getThrown());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    MutableClock clock = MutableClock.startingNow();
    try (AuthorizationServer server = new AuthorizationServer();
        OAuth2Client client = OAuth2Client.create(
            ClientRegistration.of("app-id", SECRET),
            OAuth2Options.builder().sslContext(TestTls.client()).clock(clock).build())) {
      TokenStore store = TokenStore.inMemory();
      OAuth2Account account = client.account(server.settings(), EmailAddress.parse("jan@example.cz"), store);
      TestBrowser browser = new TestBrowser();
      CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);
      java.net.URI redirect = browser.authorize();
      String code = com.nimbusds.oauth2.sdk.util.URLUtils.parseParameters(redirect.getRawQuery()).get("code").get(0);
      browser.visit(redirect);
      TokenSet first = signIn.get(20, TimeUnit.SECONDS);
      clock.advance(Duration.ofHours(2));
      String refreshedAccess = account.accessTokens().get();
      TokenSet second = store.load(account.key()).orElseThrow();

      List<String> secrets = List.of(
          SECRET, first.accessToken(), first.refreshToken().orElseThrow(), refreshedAccess, second.refreshToken().orElseThrow());
      List<String> shown = new java.util.ArrayList<>(List.of(
          first.toString(), second.toString(), account.toString(), account.accessTokens().toString(), client.toString(),
          account.credentials().toString(), store.toString()));

      // A refused refresh: its exception and its cause.
      server.revoke(second.refreshToken().orElseThrow());
      clock.advance(Duration.ofHours(2));
      assertThatThrownBy(() -> account.accessTokens().get()).isInstanceOfSatisfying(SignInRequiredException.class, e -> {
        shown.add(e.getMessage());
        shown.add(String.valueOf(e.getCause()));
      });
      shown.addAll(logged);

      for (String secret : secrets) {
        assertThat(shown).as("nothing shows %s...", secret.substring(0, 6)).noneMatch(s -> s.contains(secret));
      }
      // The authorization code too, though it is single use and worthless without the PKCE
      // verifier: the loopback listener logs nothing (the JDK's com.sun.net.httpserver, which it
      // does not use, would log the redirect's request line, code and all, at DEBUG level).
      assertThat(shown).as("nothing shows the authorization code").noneMatch(s -> s.contains(code));
      assertThat(logged).as("nothing of the loopback listener is logged").noneMatch(s -> s.startsWith("com.sun.net.httpserver "));
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
  }
}
