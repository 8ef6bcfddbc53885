package org.mailsettings.oauth2;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.mailsettings.oauth2.internal.AppRedirects;

/**
 * A redirect URI the application receives itself (RFC 8252 section 7.1): a private-use scheme
 * in reverse-DNS form that the application registered with the operating system, such as {@code
 * org.example.mail:/oauth2redirect}. Some authorization servers accept only these (Fastmail
 * refuses every {@code http} redirect, loopback included). The library does not listen: when the
 * operating system opens the application with the redirect, the application passes it to {@link
 * #deliver(URI)}, and the sign-in waiting for it goes on.
 *
 * <pre>{@code
 * AppRedirect redirect = AppRedirect.of(URI.create("org.example.mail:/oauth2redirect"));
 * PublicOAuth2Client oauth = PublicOAuth2Client.builder(app).appRedirect(redirect).build();
 * // in the handler the operating system calls with the URI:
 * redirect.deliver(uri);
 * }</pre>
 *
 * <p>Thread-safe; one per application and redirect URI.
 */
public final class AppRedirect {
  private final AppRedirects redirects;

  private AppRedirect(URI redirectUri) {
    this.redirects = new AppRedirects(redirectUri);
  }

  /**
   * {@return the handler for {@code redirectUri}}
   *
   * @param redirectUri the redirect URI: a private-use scheme with a dot (reverse DNS, RFC 8252
   *     section 7.1), hierarchical, without query or fragment
   * @throws IllegalArgumentException for another kind of URI
   */
  public static AppRedirect of(URI redirectUri) {
    Objects.requireNonNull(redirectUri, "redirectUri");
    String scheme = redirectUri.getScheme();
    if (scheme == null
        || scheme.indexOf('.') < 0
        || scheme.toLowerCase(Locale.ROOT).matches("https?")
        || redirectUri.isOpaque()
        || redirectUri.getRawQuery() != null
        || redirectUri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "An application's redirect URI must use a private-use scheme in reverse-DNS form, such as"
              + " org.example.mail:/oauth2redirect, without query or fragment: " + redirectUri);
    }
    return new AppRedirect(redirectUri);
  }

  /** {@return the redirect URI} */
  public URI redirectUri() {
    return redirects.redirectUri();
  }

  /**
   * Hands the redirect the operating system gave the application to the sign-in waiting for it.
   *
   * @param redirected the full URI the application was opened with
   * @return whether a waiting sign-in took it (false for another URI, one that is no
   *     authorization response, or when no sign-in is waiting)
   */
  public boolean deliver(URI redirected) {
    return redirects.deliver(redirected);
  }

  AppRedirects registry() {
    return redirects;
  }

  @Override
  public String toString() {
    return "AppRedirect[" + redirectUri() + "]";
  }
}
