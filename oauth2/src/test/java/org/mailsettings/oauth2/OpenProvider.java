package org.mailsettings.oauth2;

import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/**
 * A provider that follows the OAuth profile for open public clients, on 127.0.0.1 over HTTPS
 * (the test certificate for {@code localhost}): a {@link TestHttpServer} serving its RFC 8414
 * metadata at the RFC 8414 address of the issuer {@code https://localhost:PORT/tenant}, a
 * scripted RFC 7591 registration endpoint (mock-oauth2-server has none) that hands out {@code
 * dyn-1}, {@code dyn-2}, ... (unique in the test run) and records what it was sent, and a JMAP-like protected resource that
 * answers 401 with an RFC 9728 pointer. The authorization and token endpoints are those of the
 * real {@link AuthorizationServer}, so the code flow and the tokens are real.
 */
final class OpenProvider implements AutoCloseable {
  static final String TENANT = "/tenant";

  final TestHttpServer http;
  private final AuthorizationServer authorizationServer;
  private final List<Map<String, Object>> registrations = new CopyOnWriteArrayList<>();
  /** Client ids are unique across providers: the authorization server behind them is shared. */
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private final List<String> clientIds = new CopyOnWriteArrayList<>();
  private volatile Function<Map<String, Object>, TestHttpServer.Response> registrationAnswer = this::registered;

  OpenProvider(AuthorizationServer authorizationServer) throws IOException {
    this.authorizationServer = authorizationServer;
    this.http = TestHttpServer.https(TestTls.server("localhost"));
    http.route("/.well-known/oauth-authorization-server" + TENANT, json(metadata()))
        .route("/register", request -> {
          Map<String, Object> body;
          try {
            body = JSONObjectUtils.parse(new String(request.body(), StandardCharsets.UTF_8));
          } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            return TestHttpServer.Response.status(400);
          }
          registrations.add(body);
          return registrationAnswer.apply(body);
        })
        .route("/jmap/session", new TestHttpServer.Response(
            401,
            Map.of("WWW-Authenticate", "Basic realm=\"jmap\", Bearer error=\"invalid_token\", resource_metadata=\""
                + http.base() + "/.well-known/oauth-protected-resource/jmap/session\""),
            new byte[0], Duration.ZERO, Duration.ZERO, false))
        .route("/.well-known/oauth-protected-resource/jmap/session", json(
            "{\"resource\":\"" + resource() + "\",\"authorization_servers\":[\"" + issuer() + "\"],"
                + "\"bearer_methods_supported\":[\"header\"]}"));
  }

  /** {@code https://localhost:PORT/tenant}. */
  String issuer() {
    return http.base() + TENANT;
  }

  /** The JMAP session URL, the protected resource. */
  URI resource() {
    return URI.create(http.base() + "/jmap/session");
  }

  /** The provider's metadata: the profile's members, the endpoints of the real authorization server. */
  String metadata() {
    return "{\"issuer\":\"" + issuer() + "\","
        + "\"authorization_endpoint\":\"" + authorizationServer.endpoint("authorize") + "\","
        + "\"token_endpoint\":\"" + authorizationServer.endpoint("token") + "\","
        + "\"registration_endpoint\":\"" + http.base() + "/register\","
        + "\"scopes_supported\":[\"openid\",\"urn:ietf:params:oauth:scope:mail\",\"urn:ietf:params:oauth:scope:contacts\",\"offline_access\"],"
        + "\"response_types_supported\":[\"code\"],"
        + "\"grant_types_supported\":[\"authorization_code\",\"refresh_token\"],"
        + "\"code_challenge_methods_supported\":[\"S256\"],"
        + "\"token_endpoint_auth_methods_supported\":[\"none\"],"
        + "\"protected_resources\":[\"" + resource() + "\"],"
        + "\"an_unknown_member\":{\"nested\":[1,2,3]}}";
  }

  static TestHttpServer.Response json(String body) {
    return json(200, body);
  }

  static TestHttpServer.Response json(int status, String body) {
    return new TestHttpServer.Response(
        status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO, false);
  }

  /** What the registration endpoint was sent, one JSON object per registration. */
  List<Map<String, Object>> registrations() {
    return List.copyOf(registrations);
  }

  /** The client ids this provider's registration endpoint gave, in order. */
  List<String> clientIds() {
    return List.copyOf(clientIds);
  }

  /** The registration endpoint answers with this from now on. */
  void answerRegistrations(Function<Map<String, Object>, TestHttpServer.Response> answer) {
    this.registrationAnswer = answer;
  }

  /** A registration as RFC 7591 section 3.2.1 answers it: the metadata sent back, a new client id. */
  private TestHttpServer.Response registered(Map<String, Object> sent) {
    Map<String, Object> answer = new java.util.LinkedHashMap<>(sent);
    String clientId = "dyn-" + CLIENTS.incrementAndGet();
    clientIds.add(clientId);
    answer.put("client_id", clientId);
    answer.put("client_id_issued_at", 1_764_000_000L);
    return json(201, toJson(answer));
  }

  /** JSON text of what Nimbus parsed: objects, arrays, strings, numbers, booleans, null. */
  static String toJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(toJson(String.valueOf(k))).append(':').append(toJson(v)));
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(toJson(v)));
      return out.append(']').toString();
    }
    if (value instanceof String text) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }
    return String.valueOf(value);
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
