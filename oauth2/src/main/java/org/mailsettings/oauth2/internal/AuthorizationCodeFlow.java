package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.oauth2.TokenSet;

/**
 * The authorization code grant with PKCE (RFC 7636, S256 only) for a native application (RFC
 * 8252): a loopback listener, the browser sent to the authorization endpoint with a fresh {@code
 * state} and code challenge, the one redirect read (its {@code state}, and its {@code iss} as RFC
 * 9207 says), the code redeemed with the verifier. Bounded by a deadline; cancelling the returned
 * future closes the listener.
 */
public final class AuthorizationCodeFlow {
  private final TokenEndpoint tokens;
  private final ScheduledExecutorService scheduler;
  private final String redirectPath;
  private final Duration timeout;

  /** The flow, waiting on {@code scheduler} at most {@code timeout} for the redirect to {@code redirectPath}. */
  public AuthorizationCodeFlow(TokenEndpoint tokens, ScheduledExecutorService scheduler, String redirectPath, Duration timeout) {
    this.tokens = tokens;
    this.scheduler = scheduler;
    this.redirectPath = redirectPath;
    this.timeout = timeout;
  }

  /**
   * Starts a sign-in; {@code loginHint} (the address) is passed on as {@code login_hint}. An {@code
   * iss} in the response must be the settings' issuer when that is an identifier URL.
   */
  public CompletableFuture<TokenSet> start(OAuth2Settings settings, Optional<String> loginHint, Browser browser) {
    return start(settings, loginHint, browser, List.of(), null, IssuerCheck.of(settings.issuer(), false));
  }

  /**
   * Starts a sign-in with RFC 8707 resource indicators (in the authorization request and the code's
   * redemption), its redirect to the loopback listener, or to the application's handler when
   * {@code appRedirect} is given, and the response's {@code iss} checked by {@code issuer}.
   */
  public CompletableFuture<TokenSet> start(
      OAuth2Settings settings,
      Optional<String> loginHint,
      Browser browser,
      List<URI> resources,
      @Nullable AppRedirects appRedirect,
      IssuerCheck issuer) {
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    RedirectListener listener;
    if (appRedirect != null) {
      listener = appRedirect.expect(state.getValue(), issuer);
    } else {
      try {
        listener = LoopbackRedirect.start(redirectPath, state.getValue(), issuer, scheduler);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(
            new OAuth2Exception(Reason.USER_AGENT, "Cannot listen on 127.0.0.1 for the browser's redirect: " + e.getMessage(), null, e));
      }
    }
    AuthorizationRequest.Builder request =
        new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), tokens.clientId())
            .endpointURI(settings.authorizationEndpoint())
            .redirectionURI(listener.redirectUri())
            .scope(TokenEndpoint.scopeOf(settings.scopes()))
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (!resources.isEmpty()) {
      request.resources(resources.toArray(new URI[0]));
    }
    loginHint.ifPresent(hint -> request.customParameter("login_hint", hint));
    URI authorizationUrl = request.build().toURI();

    CompletableFuture<TokenSet> result = new CompletableFuture<>();
    ScheduledFuture<?> deadline =
        scheduler.schedule(
            () -> result.completeExceptionally(new OAuth2Exception(
                Reason.TIMEOUT, "No sign-in within " + timeout.toSeconds() + " s: the browser did not come back to the application")),
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    // However it ends (done, failed, timed out, cancelled): no listener and no timer stay behind.
    var unusedCleanup = result.whenComplete((t, e) -> {
      deadline.cancel(false);
      listener.close();
    });
    var unusedRedirect = listener.outcome().thenAcceptAsync(
        outcome -> {
          listener.close(); // one redirect only, and closed before anyone learns the outcome
          if (result.isDone()) {
            return;
          }
          if (outcome instanceof LoopbackRedirect.Failure failure) {
            result.completeExceptionally(failure.exception());
            return;
          }
          LoopbackRedirect.Code code = (LoopbackRedirect.Code) outcome;
          try {
            AuthorizationCodeGrant grant =
                new AuthorizationCodeGrant(new AuthorizationCode(code.value()), listener.redirectUri(), verifier);
            result.complete(tokens.exchange(
                tokens.tokenRequest(settings.tokenEndpoint(), grant, null, resources),
                "Redeeming the authorization code",
                settings.scopes(),
                null));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        },
        scheduler);
    scheduler.execute(() -> {
      if (result.isDone()) {
        return;
      }
      try {
        browser.open(authorizationUrl);
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(
            new OAuth2Exception(Reason.USER_AGENT, "The sign-in page could not be shown: " + e.getMessage(), null, e));
      }
    });
    return result;
  }
}
