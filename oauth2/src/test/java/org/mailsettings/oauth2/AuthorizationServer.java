package org.mailsettings.oauth2;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.net.InetAddress;
import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.http.SslKeystore;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.testing.TestTls;

/**
 * A real OAuth 2.0 authorization server on 127.0.0.1: NAV's mock-oauth2-server, embedded,
 * served over HTTPS with the project's test certificate ({@code localhost.p12}), signing the
 * user in without a login form. Its tokens are for {@link #SUBJECT} and carry {@code
 * "token_type": "Bearer"} (what Dovecot's introspection wants); their lifetime can be set; and
 * refresh tokens can be revoked (the mock itself would accept any refresh token), after which
 * refreshing with them gets {@code invalid_grant}.
 */
final class AuthorizationServer implements AutoCloseable {
  static final String ISSUER = "mail";
  static final String SUBJECT = "jan@example.cz";
  static final List<String> SCOPES = List.of("openid", "offline_access", "https://mail.example/imap");

  private final MockOAuth2Server server;
  private final Callback callback = new Callback();

  AuthorizationServer() {
    SslKeystore keystore = new SslKeystore("changeit", TestTls.keyStore("localhost.p12"));
    OAuth2Config config =
        new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(callback), new NettyWrapper(new Ssl(keystore)));
    server = new MockOAuth2Server(config);
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code https://localhost:PORT/mail/...}: the name the certificate is for. */
  URI endpoint(String name) {
    return URI.create("https://localhost:" + server.baseUrl().port() + "/" + ISSUER + "/" + name);
  }

  int port() {
    return server.baseUrl().port();
  }

  /** The server's settings, as provider data would give them. */
  OAuth2Settings settings() {
    return OAuth2Settings.builder()
        .issuer("https://localhost:" + port() + "/" + ISSUER)
        .scopes(SCOPES)
        .authorizationEndpoint(endpoint("authorize"))
        .tokenEndpoint(endpoint("token"))
        .build();
  }

  /** Access tokens issued from now on live this long. */
  void tokenLifetimeSeconds(long seconds) {
    callback.lifetime.set(seconds);
  }

  /** Token requests of this client get {@code invalid_client} from now on (the server forgot its registration). */
  void forgetClient(String clientId) {
    callback.unknownClients.add(clientId);
  }

  /** Refreshing with this token gets {@code invalid_grant} from now on. */
  void revoke(String refreshToken) {
    callback.revoked.add(refreshToken);
  }

  /** The RFC 8707 resource indicators of every token request seen, in order (one list per request). */
  List<List<URI>> tokenRequestResources() {
    synchronized (callback.resources) {
      return List.copyOf(callback.resources.values());
    }
  }

  /** How many token requests with this grant type the server answered or refused. */
  int tokenRequests(GrantType type) {
    synchronized (callback.requests) {
      return (int) callback.requests.values().stream().filter(type::equals).count();
    }
  }

  @Override
  public void close() {
    server.shutdown();
  }

  /** The server's view of the user, and the revocations. */
  private static final class Callback implements OAuth2TokenCallback {
    final AtomicLong lifetime = new AtomicLong(3600);
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    final Set<String> unknownClients = ConcurrentHashMap.newKeySet();
    /** Every token request seen, by identity (the server asks about one request several times). */
    final Map<TokenRequest, GrantType> requests = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The resource indicators of each token request, by identity, in the order seen. */
    final Map<TokenRequest, List<URI>> resources = Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    @Override
    public String issuerId() {
      return ISSUER;
    }

    @Override
    public String subject(TokenRequest request) {
      AuthorizationGrant grant = request.getAuthorizationGrant();
      requests.put(request, grant.getType());
      synchronized (resources) {
        if (resources.keySet().stream().noneMatch(seen -> seen == request)) {
          resources.put(request, request.getResources() == null ? List.of() : List.copyOf(request.getResources()));
        }
      }
      if (request.getClientID() != null && unknownClients.contains(request.getClientID().getValue())) {
        throw new no.nav.security.mock.oauth2.OAuth2Exception(
            OAuth2Error.INVALID_CLIENT.setDescription("No such client"), "unknown client");
      }
      if (grant instanceof RefreshTokenGrant refresh && revoked.contains(refresh.getRefreshToken().getValue())) {
        throw new no.nav.security.mock.oauth2.OAuth2Exception(
            OAuth2Error.INVALID_GRANT.setDescription("The refresh token was revoked"), "revoked");
      }
      return SUBJECT;
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
      return List.of("mail");
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      return Map.of("token_type", "Bearer");
    }

    @Override
    public long tokenExpiry() {
      return lifetime.get();
    }
  }
}
