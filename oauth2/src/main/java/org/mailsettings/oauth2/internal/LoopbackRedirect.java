package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/**
 * The loopback redirect of RFC 8252 section 7.3: an HTTP listener on 127.0.0.1 (never {@code
 * localhost}, which may resolve elsewhere) and an ephemeral port, that accepts exactly one
 * authorization response on its path and then closes. The {@code state} is compared in constant
 * time, then the {@code iss} of RFC 9207 as the sign-in's {@link IssuerCheck} says; the browser
 * gets a short fixed page that repeats nothing from the request. The listener
 * is {@link LoopbackListener}, not the JDK's {@code com.sun.net.httpserver}, which logs every
 * request line (and with it the authorization code) at DEBUG level.
 *
 * <p>Requests for other paths, other methods, or without {@code code}, {@code error} or {@code
 * state} (a browser's {@code /favicon.ico}, say) are answered 404 or 400 and do not count.
 */
public final class LoopbackRedirect implements RedirectListener {

  /** What the one accepted redirect carried: the code, or why there is none. */
  public sealed interface Outcome permits Code, Failure {}

  /** The authorization code (RFC 6749 section 4.1.2). Never printed. */
  public record Code(String value) implements Outcome {
    @Override
    public String toString() {
      return "Code[***]";
    }
  }

  /** An error response, or a response to another request (wrong state). */
  public record Failure(OAuth2Exception exception) implements Outcome {}

  private static final String DONE_PAGE =
      page("Signed in", "You are signed in. You can close this window and return to the application.");
  private static final String FAILED_PAGE =
      page("Sign-in not completed", "The sign-in was not completed. You can close this window; the application tells you more.");

  private final LoopbackListener server;
  private final URI redirectUri;
  private final String path;
  private final byte[] expectedState;
  private final IssuerCheck issuer;
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final AtomicBoolean answered = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Executor closer;

  private LoopbackRedirect(String path, String expectedState, IssuerCheck issuer, Executor closer) throws IOException {
    this.path = path;
    this.expectedState = expectedState.getBytes(StandardCharsets.UTF_8);
    this.issuer = issuer;
    this.closer = closer;
    this.server = LoopbackListener.bind();
    this.redirectUri = URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /**
   * Starts listening.
   *
   * @param path the redirect URI's path
   * @param expectedState the {@code state} sent with the authorization request
   * @param issuer what the response's {@code iss} must be
   * @param closer where the listener is stopped once answered (never the listener's own thread)
   */
  public static LoopbackRedirect start(String path, String expectedState, IssuerCheck issuer, Executor closer) throws IOException {
    LoopbackRedirect redirect = new LoopbackRedirect(path, expectedState, issuer, closer);
    redirect.server.listen(redirect::handle);
    return redirect;
  }

  /** {@code http://127.0.0.1:PORT/PATH}. */
  @Override
  public URI redirectUri() {
    return redirectUri;
  }

  /** Completes with the one redirect accepted; never fails on its own (the caller sets the deadline). */
  @Override
  public CompletableFuture<Outcome> outcome() {
    return outcome;
  }

  /** Answers one request; requests are handled one at a time, so that only one redirect is accepted. */
  private synchronized LoopbackListener.Response handle(LoopbackListener.Request request) {
    if (!path.equals(request.rawPath())) {
      return respond(404, "text/plain; charset=utf-8", "Not found");
    }
    if (!"GET".equals(request.method())) {
      return respond(405, "text/plain; charset=utf-8", "Method not allowed", Map.of("Allow", "GET"), () -> {});
    }
    Outcome result = read(request.rawQuery(), expectedState, issuer);
    if (result == null) {
      return respond(400, "text/plain; charset=utf-8", "Not an authorization response");
    }
    if (!answered.compareAndSet(false, true)) {
      return respond(410, "text/html; charset=utf-8", FAILED_PAGE);
    }
    // The outcome is told, and the listener closed, only once the browser has its page.
    return respond(200, "text/html; charset=utf-8", result instanceof Code ? DONE_PAGE : FAILED_PAGE, Map.of(), () -> {
      outcome.complete(result);
      try {
        closer.execute(this::close);
      } catch (RejectedExecutionException e) {
        // the client is closing: its sign-ins, this one included, are being cancelled and closed
      }
    });
  }

  /**
   * What a redirect's query says (what the listener makes of it, readable without a socket): the
   * code, or a failure; null when it is no authorization response at all (no {@code code}, {@code
   * error} or {@code state}). The {@code state} is checked first (a response to another sign-in
   * says nothing about this one), then {@code iss}, for error responses too.
   */
  public static @Nullable Outcome read(@Nullable String rawQuery, byte[] expectedState, IssuerCheck issuer) {
    Map<String, List<String>> parameters = URLUtils.parseParameters(rawQuery);
    String state = single(parameters, "state");
    String code = single(parameters, "code");
    String error = single(parameters, "error");
    if (state == null && code == null && error == null) {
      return null;
    }
    if (state == null || !MessageDigest.isEqual(expectedState, state.getBytes(StandardCharsets.UTF_8))) {
      return new Failure(new OAuth2Exception(
          Reason.STATE_MISMATCH, "The redirect's state is not the one this sign-in sent: not the answer to this sign-in"));
    }
    OAuth2Exception mixUp = issuer.failure(single(parameters, "iss"), parameters.containsKey("iss"));
    if (mixUp != null) {
      return new Failure(mixUp);
    }
    return read(code, error, single(parameters, "error_description"));
  }

  private static Outcome read(@Nullable String code, @Nullable String error, @Nullable String description) {
    if (error != null) {
      return new Failure(TokenEndpoint.error("The authorization server refused the sign-in", error, description, 302));
    }
    if (code == null || code.isEmpty()) {
      return new Failure(new OAuth2Exception(Reason.PROTOCOL_ERROR, "The redirect carries neither a code nor an error"));
    }
    return new Code(code);
  }

  private static @Nullable String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  private static LoopbackListener.Response respond(int status, String contentType, String body) {
    return respond(status, contentType, body, Map.of(), () -> {});
  }

  private static LoopbackListener.Response respond(
      int status, String contentType, String body, Map<String, String> extra, Runnable afterwards) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Cache-Control", "no-store");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    headers.putAll(extra);
    return new LoopbackListener.Response(status, headers, body, afterwards);
  }

  private static String page(String title, String text) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title><style>body{font-family:sans-serif;margin:3em auto;max-width:36em}</style></head>"
        + "<body><h1>"
        + title
        + "</h1><p>"
        + text
        + "</p></body></html>\n";
  }

  /** Stops listening (at once; idempotent). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
    }
  }
}
