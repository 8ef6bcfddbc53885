package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.oauth2.ClientRegistration;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.oauth2.TokenSet;

/**
 * The client's side of an authorization server: token requests for every grant (and any other
 * request) sent through the {@link BoundedSender}, answers parsed by Nimbus, errors turned into
 * {@link OAuth2Exception}s whose messages never carry what was sent (codes, verifiers, tokens,
 * the secret) nor what came back (the answer's body).
 */
public final class TokenEndpoint {
  private static final int MAX_DESCRIPTION = 200;

  private final ClientRegistration registration;
  private final BoundedSender sender;
  private final Clock clock;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /** The endpoint side of {@code registration}, sending through {@code sender}, expiries on {@code clock}. */
  public TokenEndpoint(
      ClientRegistration registration, BoundedSender sender, Clock clock, Duration connectTimeout, Duration readTimeout) {
    this.registration = registration;
    this.sender = sender;
    this.clock = clock;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** The client's id. */
  public ClientID clientId() {
    return new ClientID(registration.clientId());
  }

  /**
   * A token request for {@code grant}: with the secret in the body ({@code client_secret_post},
   * as Google's and Yahoo's documentation show it) when the registration has one, else with the
   * client id alone (a public client, RFC 6749 section 3.2.1).
   */
  public TokenRequest tokenRequest(URI endpoint, AuthorizationGrant grant, @Nullable Scope scope) {
    return tokenRequest(endpoint, grant, scope, List.of());
  }

  /** A token request for {@code grant} with RFC 8707 resource indicators (none when empty). */
  public TokenRequest tokenRequest(URI endpoint, AuthorizationGrant grant, @Nullable Scope scope, List<URI> resources) {
    TokenRequest.Builder builder =
        registration.clientSecret().isPresent()
            ? new TokenRequest.Builder(endpoint, new ClientSecretPost(clientId(), new Secret(registration.clientSecret().get())), grant)
            : new TokenRequest.Builder(endpoint, clientId(), grant);
    if (scope != null) {
      builder.scope(scope);
    }
    if (!resources.isEmpty()) {
      builder.resources(resources.toArray(new URI[0]));
    }
    return builder.build();
  }

  /** The scope of {@code settings}, in the provider's order. */
  public static Scope scopeOf(List<String> scopes) {
    return new Scope(scopes.toArray(new String[0]));
  }

  /** Sends {@code request} within the time and size bounds. */
  public HTTPResponse send(HTTPRequest request, String what) {
    return send(sender, connectTimeout, readTimeout, request, what);
  }

  /**
   * Sends {@code request} through {@code sender} within the time and size bounds, no redirect
   * followed; a failure to get an answer is an {@link OAuth2Exception} ({@link Reason#NETWORK}, or
   * {@link Reason#PROTOCOL_ERROR} for an answer over the size cap).
   */
  public static HTTPResponse send(
      BoundedSender sender, Duration connectTimeout, Duration readTimeout, HTTPRequest request, String what) {
    request.setConnectTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
    request.setReadTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, readTimeout.toMillis())));
    request.setFollowRedirects(false);
    String host = request.getURI().getHost();
    try {
      return request.send(sender);
    } catch (HttpTimeoutException e) {
      throw new OAuth2Exception(Reason.NETWORK, what + ": " + host + " did not answer in time", null, e);
    } catch (InterruptedIOException e) {
      throw new OAuth2Exception(Reason.NETWORK, what + ": interrupted while waiting for " + host, null, e);
    } catch (SSLException e) {
      throw new OAuth2Exception(Reason.NETWORK, what + ": TLS with " + host + " failed: " + e.getMessage(), null, e);
    } catch (BoundedSender.TooLargeException e) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, what + ": " + host + ": " + e.getMessage(), null, e);
    } catch (ConnectException e) {
      throw new OAuth2Exception(Reason.NETWORK, what + ": cannot connect to " + host + ": " + e.getMessage(), null, e);
    } catch (IOException e) {
      throw new OAuth2Exception(Reason.NETWORK, what + ": " + host + ": " + e.getMessage(), null, e);
    }
  }

  /**
   * Sends a token request and reads the tokens.
   *
   * @param requestedScopes the scopes asked for, used when the answer names none
   * @param previousRefreshToken the refresh token to keep when the answer has no new one (RFC 6749 section 6)
   */
  public TokenSet exchange(TokenRequest request, String what, List<String> requestedScopes, @Nullable String previousRefreshToken) {
    return read(send(request.toHTTPRequest(), what), what, requestedScopes, previousRefreshToken, clock);
  }

  /**
   * Reads a token endpoint's answer (what {@link #exchange} does with it, readable without a
   * socket): the tokens, or an {@link OAuth2Exception} for an error answer or one that is not a
   * token response.
   *
   * @param now the clock the expiry is counted on
   */
  public static TokenSet read(
      HTTPResponse http, String what, List<String> requestedScopes, @Nullable String previousRefreshToken, Clock now) {
    TokenResponse parsed;
    try {
      parsed = TokenResponse.parse(http);
    } catch (ParseException e) {
      // Not chained: Nimbus' message may quote the answer, and the answer may hold a token.
      throw new OAuth2Exception(
          Reason.PROTOCOL_ERROR, what + ": the answer (HTTP " + http.getStatusCode() + ") is not an OAuth 2.0 token response");
    }
    if (!parsed.indicatesSuccess()) {
      throw error(what, parsed.toErrorResponse().getErrorObject(), http.getStatusCode());
    }
    AccessTokenResponse success = parsed.toSuccessResponse();
    AccessToken access = success.getTokens().getAccessToken();
    if (!com.nimbusds.oauth2.sdk.token.AccessTokenType.BEARER.equals(access.getType())) {
      // A DPoP-bound token (draft-ietf-mailmaint-oauth-public-06 section 3.8) cannot go over
      // SASL OAUTHBEARER or XOAUTH2, which carry bearer tokens only; none is asked for.
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, what + ": the server issued a " + shorten(access.getType().getValue())
          + " token, not the bearer token the mail protocols carry");
    }
    RefreshToken refresh = success.getTokens().getRefreshToken();
    TokenSet.Builder tokens = TokenSet.builder().accessToken(access.getValue());
    if (refresh != null) {
      tokens.refreshToken(refresh.getValue());
    } else if (previousRefreshToken != null) {
      tokens.refreshToken(previousRefreshToken);
    }
    if (access.getLifetime() > 0) {
      tokens.expiresAt(now.instant().plusSeconds(access.getLifetime()));
    }
    Scope granted = access.getScope();
    tokens.scopes(granted != null && !granted.isEmpty() ? granted.toStringList() : requestedScopes);
    return tokens.build();
  }

  /** The exception for an error answer: the server's code and (shortened) description, the reason it means. */
  public static OAuth2Exception error(String what, @Nullable ErrorObject error, int status) {
    return error(what, error == null ? null : error.getCode(), error == null ? null : error.getDescription(), status);
  }

  /**
   * The exception for an error code and description as the server sent them, whatever characters
   * they hold (Nimbus' {@link ErrorObject} refuses some, such as a description in Czech).
   */
  public static OAuth2Exception error(String what, @Nullable String code, @Nullable String text, int status) {
    if (code == null || code.isBlank()) {
      return new OAuth2Exception(Reason.SERVER_ERROR, what + ": the server refused (HTTP " + status + ") without an OAuth 2.0 error code");
    }
    String description = text == null ? "" : ": " + shorten(text);
    Reason reason =
        switch (code.toLowerCase(Locale.ROOT)) {
          case "invalid_grant" -> Reason.INVALID_GRANT;
          case "access_denied" -> Reason.ACCESS_DENIED;
          case "expired_token" -> Reason.EXPIRED;
          default -> Reason.SERVER_ERROR;
        };
    return new OAuth2Exception(reason, what + ": " + shorten(code) + description, code, null);
  }

  /** The server's words, one line and at most a few hundred characters of printable text. */
  static String shorten(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX_DESCRIPTION; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c != 0x7f ? c : ' ');
    }
    return out.length() < text.length() ? out + "..." : out.toString();
  }

  /** Throws {@link OAuth2Exception} with {@link Reason#NOT_OFFERED} unless {@code settings} name a device endpoint. */
  public static URI deviceEndpoint(OAuth2Settings settings) {
    return settings.deviceAuthorizationEndpoint()
        .orElseThrow(() -> new OAuth2Exception(
            Reason.NOT_OFFERED, settings.issuer() + " offers no device authorization grant (RFC 8628) in the provider data"));
  }
}
