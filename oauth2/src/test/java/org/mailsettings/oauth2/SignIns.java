package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Sign-ins the test completes by playing the browser. */
final class SignIns {
  private SignIns() {}

  /** Signs {@code account} in through the browser flow, the test clicking through. */
  static TokenSet throughTheBrowser(OAuth2Account account) throws Exception {
    TestBrowser browser = new TestBrowser();
    CompletableFuture<TokenSet> signIn = account.signInWithBrowser(browser);
    TestBrowser.Page page = browser.signIn();
    if (page.status() != 200) {
      throw new IllegalStateException("The loopback listener answered " + page.status());
    }
    return signIn.get(20, TimeUnit.SECONDS);
  }

  /** The exception a sign-in failed with (it must fail within 20 s, with an {@link OAuth2Exception}). */
  static OAuth2Exception failure(CompletableFuture<?> future) {
    ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
    assertThat(thrown.getCause()).isInstanceOf(OAuth2Exception.class);
    return (OAuth2Exception) thrown.getCause();
  }

  /**
   * The authorization server's redirect with {@code iss=issuer} added, as an RFC 9207 server (or a
   * mix-up attacker) would send it: mock-oauth2-server itself sends no {@code iss}.
   */
  static URI withIss(URI redirect, String issuer) {
    return URI.create(redirect + "&iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8));
  }
}
