package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-ins waiting for a redirect that the application receives itself (RFC 8252 section
 * 7.1, a private-use URI scheme such as {@code org.example.mail:/oauth2redirect}): the operating
 * system hands the redirect to the application, which hands it to {@link #deliver(URI)}. The
 * redirect goes to the sign-in whose {@code state} it carries (compared in constant time); with
 * one sign-in waiting, a redirect with another state ends it as a state mismatch, as the loopback
 * listener does. The {@code iss} of RFC 9207 is then checked as the sign-in's {@link IssuerCheck}
 * says.
 */
public final class AppRedirects {
  private final URI redirectUri;
  private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

  /** The registry for {@code redirectUri}. */
  public AppRedirects(URI redirectUri) {
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
  }

  /** The redirect URI the application registered its handler for. */
  public URI redirectUri() {
    return redirectUri;
  }

  /** A sign-in waiting for the redirect with {@code state}, from the issuer {@code issuer} checks. */
  public RedirectListener expect(String state, IssuerCheck issuer) {
    Waiting sign = new Waiting(state.getBytes(StandardCharsets.UTF_8), issuer);
    waiting.add(sign);
    return sign;
  }

  /** How many sign-ins are waiting. */
  public int waiting() {
    return waiting.size();
  }

  /**
   * Hands a redirect to the sign-in it answers.
   *
   * @return whether a waiting sign-in took it: false for another URI, a URI that is no
   *     authorization response, or when no sign-in is waiting
   */
  public boolean deliver(URI redirected) {
    Objects.requireNonNull(redirected, "redirected");
    if (!sameEndpoint(redirected)) {
      return false;
    }
    String query = redirected.getRawQuery();
    Map<String, List<String>> parameters = URLUtils.parseParameters(query);
    List<String> states = parameters.get("state");
    byte[] state = states == null || states.size() != 1 ? new byte[0] : states.get(0).getBytes(StandardCharsets.UTF_8);
    Waiting match = null;
    for (Waiting sign : List.copyOf(waiting)) {
      if (MessageDigest.isEqual(sign.state, state)) {
        match = sign;
      }
    }
    if (match == null) {
      List<Waiting> all = List.copyOf(waiting);
      if (all.size() != 1) {
        return false; // nobody to give it to, or no way to tell whose it is
      }
      match = all.get(0);
    }
    LoopbackRedirect.Outcome outcome = LoopbackRedirect.read(query, match.state, match.issuer);
    if (outcome == null) {
      return false;
    }
    match.close();
    return match.outcome.complete(outcome);
  }

  private boolean sameEndpoint(URI redirected) {
    return redirected.getScheme() != null
        && redirected.getScheme().toLowerCase(Locale.ROOT).equals(redirectUri.getScheme().toLowerCase(Locale.ROOT))
        && Objects.equals(redirected.getRawAuthority(), redirectUri.getRawAuthority())
        && Objects.equals(redirected.getRawPath(), redirectUri.getRawPath());
  }

  /** One sign-in's wait. */
  private final class Waiting implements RedirectListener {
    private final byte[] state;
    private final IssuerCheck issuer;
    private final CompletableFuture<LoopbackRedirect.Outcome> outcome = new CompletableFuture<>();

    Waiting(byte[] state, IssuerCheck issuer) {
      this.state = state;
      this.issuer = issuer;
    }

    @Override
    public URI redirectUri() {
      return redirectUri;
    }

    @Override
    public CompletableFuture<LoopbackRedirect.Outcome> outcome() {
      return outcome;
    }

    @Override
    public void close() {
      waiting.remove(this);
    }
  }
}
