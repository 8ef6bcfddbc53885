package org.mailsettings.oauth2;

import java.util.concurrent.CompletableFuture;
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
}
