package org.mailsettings.oauth2;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.testing.TestTls;

/**
 * A scripted authorization server for the device grant alone (RFC 8628), over HTTPS on
 * 127.0.0.1: the device authorization endpoint hands out one device code; the token endpoint
 * answers each poll with the next scripted answer ({@code authorization_pending}, {@code
 * slow_down}, {@code expired_token}, {@code access_denied}, or the tokens), and the last answer
 * over and over. It records every poll (when, on the test's clock, and with which parameters).
 * mock-oauth2-server has no device endpoint, hence this.
 */
final class DeviceGrantServer implements AutoCloseable {
  static final String DEVICE_CODE = "device-code-for-polling-only";
  static final String USER_CODE = "WDJB-MJHT";
  static final String ACCESS_TOKEN = "device-access-token";
  static final String REFRESH_TOKEN = "device-refresh-token";

  /** When a poll arrived, and what it carried. */
  record Poll(Instant at, Map<String, List<String>> parameters) {}

  private final HttpsServer server;
  private final Clock clock;
  private final Deque<String> script = new ArrayDeque<>();
  private final List<Poll> polls = new CopyOnWriteArrayList<>();
  private volatile long expiresIn = 600;
  private volatile long interval = 1;
  private volatile Consumer<Integer> onPoll = n -> {};

  DeviceGrantServer(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
    server.setHttpsConfigurator(new HttpsConfigurator(TestTls.server("localhost")));
    server.createContext("/device", this::device);
    server.createContext("/token", this::token);
    server.start();
  }

  /** The answers to the polls, in order; "tokens" grants. The last one repeats. */
  DeviceGrantServer script(String... answers) {
    synchronized (script) {
      script.clear();
      script.addAll(List.of(answers));
    }
    return this;
  }

  DeviceGrantServer expiresIn(long seconds) {
    this.expiresIn = seconds;
    return this;
  }

  DeviceGrantServer interval(long seconds) {
    this.interval = seconds;
    return this;
  }

  /** Called with the number of each poll, before it is answered. */
  DeviceGrantServer onPoll(Consumer<Integer> action) {
    this.onPoll = action;
    return this;
  }

  List<Poll> polls() {
    return List.copyOf(polls);
  }

  URI uri(String path) {
    return URI.create("https://localhost:" + server.getAddress().getPort() + path);
  }

  /** Settings with the device endpoint. */
  OAuth2Settings settings() {
    return OAuth2Settings.builder()
        .issuer("device.test")
        .addScopes("https://mail.example/imap", "offline_access")
        .authorizationEndpoint(uri("/authorize"))
        .tokenEndpoint(uri("/token"))
        .deviceAuthorizationEndpoint(uri("/device"))
        .build();
  }

  private void device(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> form = form(exchange);
      if (!form.containsKey("client_id")) {
        json(exchange, 400, "{\"error\":\"invalid_client\"}");
        return;
      }
      json(exchange, 200, "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"" + USER_CODE + "\","
          + "\"verification_uri\":\"https://device.test/activate\","
          + "\"verification_uri_complete\":\"https://device.test/activate?user_code=" + USER_CODE + "\","
          + "\"expires_in\":" + expiresIn + ",\"interval\":" + interval + "}");
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> form = form(exchange);
      polls.add(new Poll(clock.instant(), form));
      onPoll.accept(polls.size());
      if (!List.of("urn:ietf:params:oauth:grant-type:device_code").equals(form.get("grant_type"))
          || !List.of(DEVICE_CODE).equals(form.get("device_code"))) {
        json(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      String answer;
      synchronized (script) {
        answer = script.size() > 1 ? script.removeFirst() : script.peekFirst();
      }
      if ("tokens".equals(answer)) {
        json(exchange, 200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"refresh_token\":\"" + REFRESH_TOKEN + "\",\"scope\":\"https://mail.example/imap offline_access\"}");
      } else {
        json(exchange, 400, "{\"error\":\"" + answer + "\"}");
      }
    }
  }

  private static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
    return URLUtils.parseParameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
