package org.mailsettings.examples.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/**
 * A small OAuth 2.0 authorization server on 127.0.0.1 over HTTPS (the project's test
 * certificate for {@code localhost}), for the examples' sign-ins: the authorization code grant
 * with PKCE (S256 checked against the verifier, the code single use and bound to its redirect
 * URI and client), refresh, and the device grant (RFC 8628: one {@code authorization_pending},
 * then the grant). Its access token is {@link #ACCESS_TOKEN}, which the test's GreenMail takes
 * as the user's XOAUTH2 "password": a login succeeds only with a token this server issued.
 *
 * <p>The oauth2 module's own tests run NAV's mock-oauth2-server and Dovecot; here the point is
 * the examples' wiring (options, prompts, trust, the login that follows), and a server whose
 * token is known lets GreenMail check it.
 */
public final class TestAuthorizationServer implements AutoCloseable {
  /** The access token issued. */
  public static final String ACCESS_TOKEN = "access-token-for-jan";
  /** The client id the server knows. */
  public static final String CLIENT_ID = "erp-app";
  /** The user code of the device grant. */
  public static final String USER_CODE = "WDJB-MJHT";

  private final TestHttpServer http;
  private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> challenge, redirect URI
  private final Set<String> deviceCodes = ConcurrentHashMap.newKeySet();
  private final AtomicInteger devicePolls = new AtomicInteger();
  private final AtomicInteger counter = new AtomicInteger();
  private final List<String> grants = new CopyOnWriteArrayList<>();
  private final List<String> clientSecrets = new CopyOnWriteArrayList<>();
  private volatile boolean deny;

  /** Starts the server. */
  public TestAuthorizationServer() throws java.io.IOException {
    http = TestHttpServer.https(TestTls.server("localhost"));
    http.route("/authorize", this::authorize);
    http.route("/token", this::token);
    http.route("/device", this::device);
  }

  /** {@return {@code https://localhost:PORT}} */
  public String base() {
    return http.base();
  }

  /** From now on the user declines the consent. */
  public void deny() {
    deny = true;
  }

  /** {@return the grant types of the token requests answered with tokens, in order} */
  public List<String> grants() {
    return List.copyOf(grants);
  }

  /** {@return the client secrets the token requests carried ({@code client_secret_post}; "" where there was none)} */
  public List<String> clientSecrets() {
    return List.copyOf(clientSecrets);
  }

  /**
   * {@return the {@code <oAuth2>} block of a provider file for this server, with the device
   * endpoint (a mailsettings extension element)}
   */
  public String oauth2Block() {
    return "<oAuth2><issuer>localhost</issuer><scope>mail offline_access</scope>"
        + "<authURL>" + base() + "/authorize</authURL><tokenURL>" + base() + "/token</tokenURL>"
        + "<ms:deviceAuthURL xmlns:ms=\"" + ClientConfigParser.EXTENSION_NAMESPACE + "\">" + base() + "/device</ms:deviceAuthURL>"
        + "</oAuth2>";
  }

  /**
   * {@return a provider file for {@code domain} whose IMAP and SMTP servers (implicit TLS on
   * localhost) take OAuth 2.0 only, with this server's endpoints}
   */
  public String providerFile(String domain, String name, int imapsPort, int smtpsPort) {
    return "<clientConfig version=\"1.1\"><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<displayName>" + name + "</displayName>"
        + "<incomingServer type=\"imap\"><hostname>localhost</hostname><port>" + imapsPort
        + "</port><socketType>SSL</socketType><authentication>OAuth2</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>" + smtpsPort
        + "</port><socketType>SSL</socketType><authentication>OAuth2</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider>" + oauth2Block() + "</clientConfig>";
  }

  private TestHttpServer.Response authorize(TestHttpServer.Request request) {
    String target = request.path();
    Map<String, String> query = form(target.contains("?") ? target.substring(target.indexOf('?') + 1) : "");
    String redirect = query.get("redirect_uri");
    if (!"GET".equals(request.method()) || redirect == null || !redirect.startsWith("http://127.0.0.1:")
        || !CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
      return json(400, "{\"error\":\"invalid_request\"}");
    }
    String state = query.getOrDefault("state", "");
    if (deny) {
      return TestHttpServer.Response.redirect(redirect + "?error=access_denied&state=" + encode(state));
    }
    String code = "code-" + counter.incrementAndGet();
    codes.put(code, new String[] {query.get("code_challenge"), redirect});
    return TestHttpServer.Response.redirect(redirect + "?code=" + code + "&state=" + encode(state));
  }

  private TestHttpServer.Response token(TestHttpServer.Request request) {
    Map<String, String> body = form(new String(request.body(), StandardCharsets.UTF_8));
    clientSecrets.add(body.getOrDefault("client_secret", ""));
    String grant = body.getOrDefault("grant_type", "");
    switch (grant) {
      case "authorization_code" -> {
        String[] issued = codes.remove(body.getOrDefault("code", ""));
        String verifier = body.get("code_verifier");
        if (issued == null || verifier == null || !issued[0].equals(s256(verifier)) || !issued[1].equals(body.get("redirect_uri"))) {
          return json(400, "{\"error\":\"invalid_grant\"}");
        }
      }
      case "refresh_token" -> {
        if (!"refresh-token-for-jan".equals(body.get("refresh_token"))) {
          return json(400, "{\"error\":\"invalid_grant\"}");
        }
      }
      case "urn:ietf:params:oauth:grant-type:device_code" -> {
        if (!deviceCodes.contains(body.getOrDefault("device_code", ""))) {
          return json(400, "{\"error\":\"invalid_grant\"}");
        }
        if (devicePolls.incrementAndGet() == 1) {
          return json(400, "{\"error\":\"authorization_pending\"}");
        }
      }
      default -> {
        return json(400, "{\"error\":\"unsupported_grant_type\"}");
      }
    }
    grants.add(grant);
    return json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
        + "\"refresh_token\":\"refresh-token-for-jan\",\"scope\":\"mail offline_access\"}");
  }

  private TestHttpServer.Response device(TestHttpServer.Request request) {
    Map<String, String> body = form(new String(request.body(), StandardCharsets.UTF_8));
    if (!"POST".equals(request.method()) || !CLIENT_ID.equals(body.get("client_id"))) {
      return json(400, "{\"error\":\"invalid_client\"}");
    }
    String deviceCode = "device-code-" + counter.incrementAndGet();
    deviceCodes.add(deviceCode);
    return json(200, "{\"device_code\":\"" + deviceCode + "\",\"user_code\":\"" + USER_CODE + "\","
        + "\"verification_uri\":\"" + base() + "/device-login\",\"expires_in\":600,\"interval\":1}");
  }

  private static TestHttpServer.Response json(int status, String body) {
    return new TestHttpServer.Response(
        status,
        Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"),
        body.getBytes(StandardCharsets.UTF_8),
        java.time.Duration.ZERO,
        java.time.Duration.ZERO,
        false);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.put(name, value);
    }
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws java.io.IOException {
    http.close();
  }
}
