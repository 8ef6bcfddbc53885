package org.mailsettings.oauth2;

import java.io.IOException;
import java.net.URI;
import org.mailsettings.oauth2.internal.SystemBrowser;

/**
 * Takes the user to the provider's sign-in page. {@link #systemOr(Browser)} opens the system
 * browser where {@code java.awt.Desktop} can, and otherwise hands the address to the
 * application (to show it, copy it to the clipboard, or open it its own way).
 *
 * <p>The address is the provider's authorization endpoint from trusted provider data, with the
 * request's parameters; it holds no secret (PKCE sends only the challenge).
 */
@FunctionalInterface
public interface Browser {

  /**
   * Shows {@code authorizationUrl} to the user. Called once per sign-in, on one of the client's
   * threads.
   *
   * @param authorizationUrl the authorization url
   * @throws IOException when the page cannot be shown; the sign-in then fails
   */
  void open(URI authorizationUrl) throws IOException;

  /** {@return whether the system browser can be opened here (a desktop, with {@code java.desktop})} */
  static boolean systemBrowserAvailable() {
    return SystemBrowser.available();
  }

  /**
   * {@return the system browser through {@code java.awt.Desktop} where it is available, else {@code
   * fallback}}
   *
   * @param fallback the fallback
   */
  static Browser systemOr(Browser fallback) {
    java.util.Objects.requireNonNull(fallback, "fallback");
    return url -> {
      if (SystemBrowser.available()) {
        SystemBrowser.open(url);
      } else {
        fallback.open(url);
      }
    };
  }
}
