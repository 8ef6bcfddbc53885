package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.oauth2.ClientRegistration;
import org.mailsettings.oauth2.DeviceCode;
import org.mailsettings.oauth2.DeviceCodeHandler;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.oauth2.TokenSet;

/**
 * The device authorization grant (RFC 8628): a device code asked for, the user code handed to
 * the application, then the token endpoint polled at the server's interval ({@code
 * authorization_pending}: wait; {@code slow_down}: wait 5 s longer from then on; {@code
 * expired_token}, {@code access_denied}: stop) until the user approves, the code expires or the
 * sign-in's deadline passes. Cancelling the returned future stops the polling.
 */
public final class DeviceFlow {
  /** RFC 8628 section 3.5: without an {@code interval}, 5 s; {@code slow_down} adds 5 s. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  /** What one poll of the token endpoint said. */
  sealed interface Poll permits Granted, Pending, SlowDown, Refused {}

  /** The user approved: the tokens. */
  record Granted(TokenSet tokens) implements Poll {}

  /** {@code authorization_pending}: the user has not finished yet. */
  record Pending() implements Poll {}

  /** {@code slow_down}: poll less often. */
  record SlowDown() implements Poll {}

  /** The grant ended without tokens ({@code expired_token}, {@code access_denied}, another error). */
  record Refused(OAuth2Exception exception) implements Poll {}

  private final TokenEndpoint tokens;
  private final ClientRegistration registration;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Duration timeout;

  /** The flow, polling on {@code scheduler}, for at most {@code timeout} on {@code clock}. */
  public DeviceFlow(
      TokenEndpoint tokens, ClientRegistration registration, ScheduledExecutorService scheduler, Clock clock, Duration timeout) {
    this.tokens = tokens;
    this.registration = registration;
    this.scheduler = scheduler;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Starts a sign-in; fails at once when the provider offers no device grant. */
  public CompletableFuture<TokenSet> start(OAuth2Settings settings, DeviceCodeHandler handler) {
    URI endpoint;
    try {
      endpoint = TokenEndpoint.deviceEndpoint(settings);
    } catch (OAuth2Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<TokenSet> result = new CompletableFuture<>();
    AtomicReference<@Nullable Future<?>> next = new AtomicReference<>();
    var unused = result.whenComplete((t, e) -> {
      Future<?> pending = next.get();
      if (pending != null) {
        pending.cancel(true); // interrupts a poll in flight; its HTTP exchange is aborted
      }
    });
    Future<?> first = scheduler.submit(() -> {
      try {
        begin(settings, endpoint, handler, result, next);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    next.compareAndSet(null, first); // unless the first poll is already scheduled
    if (result.isDone()) {
      first.cancel(true);
    }
    return result;
  }

  private void begin(
      OAuth2Settings settings,
      URI endpoint,
      DeviceCodeHandler handler,
      CompletableFuture<TokenSet> result,
      AtomicReference<@Nullable Future<?>> next) {
    DeviceAuthorizationRequest request =
        registration.clientSecret().isPresent()
            ? new DeviceAuthorizationRequest(
                endpoint,
                new ClientSecretPost(tokens.clientId(), new Secret(registration.clientSecret().get())),
                TokenEndpoint.scopeOf(settings.scopes()),
                Map.of())
            : new DeviceAuthorizationRequest(endpoint, tokens.clientId(), TokenEndpoint.scopeOf(settings.scopes()));
    String what = "Asking for a device code";
    HTTPResponse http = tokens.send(request.toHTTPRequest(), what);
    DeviceAuthorizationResponse parsed;
    try {
      parsed = DeviceAuthorizationResponse.parse(http);
    } catch (ParseException e) {
      throw new OAuth2Exception(
          Reason.PROTOCOL_ERROR, what + ": the answer (HTTP " + http.getStatusCode() + ") is not a device authorization response");
    }
    if (!parsed.indicatesSuccess()) {
      throw TokenEndpoint.error(what, parsed.toErrorResponse().getErrorObject(), http.getStatusCode());
    }
    DeviceAuthorizationSuccessResponse code = parsed.toSuccessResponse();
    Instant now = clock.instant();
    Instant expires = code.getLifetime() > 0 ? now.plusSeconds(code.getLifetime()) : now.plus(timeout);
    Instant signInDeadline = now.plus(timeout);
    Duration interval = code.getInterval() > 0 ? Duration.ofSeconds(code.getInterval()) : DEFAULT_INTERVAL;
    DeviceCode shown =
        DeviceCode.builder()
            .userCode(code.getUserCode().getValue())
            .verificationUri(code.getVerificationURI())
            .verificationUriComplete(Optional.ofNullable(code.getVerificationURIComplete()))
            .expiresAt(expires)
            .interval(interval)
            .build();
    try {
      handler.show(shown);
    } catch (RuntimeException e) {
      throw new OAuth2Exception(Reason.USER_AGENT, "The device code could not be shown: " + e.getMessage(), null, e);
    }
    Poller poller = new Poller(settings, new DeviceCodeGrant(code.getDeviceCode()), expires, signInDeadline, result, next);
    poller.schedule(interval);
  }

  /** One device code's polls, one at a time. */
  private final class Poller {
    private final OAuth2Settings settings;
    private final DeviceCodeGrant grant;
    private final Instant expires;
    private final Instant signInDeadline;
    private final CompletableFuture<TokenSet> result;
    private final AtomicReference<@Nullable Future<?>> next;

    Poller(
        OAuth2Settings settings,
        DeviceCodeGrant grant,
        Instant expires,
        Instant signInDeadline,
        CompletableFuture<TokenSet> result,
        AtomicReference<@Nullable Future<?>> next) {
      this.settings = settings;
      this.grant = grant;
      this.expires = expires;
      this.signInDeadline = signInDeadline;
      this.result = result;
      this.next = next;
    }

    void schedule(Duration interval) {
      if (result.isDone()) {
        return;
      }
      next.set(scheduler.schedule(() -> run(interval), interval.toNanos(), TimeUnit.NANOSECONDS));
      if (result.isDone()) {
        Future<?> scheduled = next.get();
        if (scheduled != null) {
          scheduled.cancel(true); // cancelled while scheduling
        }
      }
    }

    private void run(Duration interval) {
      if (result.isDone()) {
        return;
      }
      Instant now = clock.instant();
      if (!now.isBefore(expires)) {
        result.completeExceptionally(new OAuth2Exception(Reason.EXPIRED, "The device code expired before the user approved the sign-in"));
        return;
      }
      if (!now.isBefore(signInDeadline)) {
        result.completeExceptionally(new OAuth2Exception(
            Reason.TIMEOUT, "No approval within " + timeout.toSeconds() + " s: the sign-in's deadline passed"));
        return;
      }
      Poll poll;
      try {
        poll = poll();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      if (poll instanceof Granted granted) {
        result.complete(granted.tokens());
      } else if (poll instanceof Pending) {
        schedule(interval);
      } else if (poll instanceof SlowDown) {
        schedule(interval.plus(SLOW_DOWN_STEP));
      } else if (poll instanceof Refused refused) {
        result.completeExceptionally(refused.exception());
      }
    }

    private Poll poll() {
      try {
        return new Granted(tokens.exchange(
            tokens.tokenRequest(settings.tokenEndpoint(), grant, null), "Polling for the device grant", settings.scopes(), null));
      } catch (OAuth2Exception e) {
        String code = e.errorCode().orElse("");
        if (code.equals("authorization_pending")) {
          return new Pending();
        }
        if (code.equals("slow_down")) {
          return new SlowDown();
        }
        return new Refused(e);
      }
    }
  }
}
