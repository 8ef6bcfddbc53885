package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.oauth2.internal.BoundedSender;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/** Every exchange with an authorization server is bounded in time and size, and https only. */
class BoundedExchangeTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");

  private static OAuth2Settings settings(TestHttpServer server) {
    return OAuth2Settings.builder()
        .issuer("bounded.test")
        .addScopes("mail")
        .authorizationEndpoint(URI.create(server.base() + "/authorize"))
        .tokenEndpoint(URI.create(server.base() + "/token"))
        .build();
  }

  /** An account whose access token has expired, so that the next token is a refresh. */
  private static OAuth2Account expired(OAuth2Client client, TestHttpServer server) {
    TokenStore store = TokenStore.inMemory();
    OAuth2Account account = client.account(settings(server), JAN, store);
    store.save(account.key(), TokenSet.builder().accessToken("old").refreshToken("refresh").expiresAt(java.time.Instant.EPOCH).build());
    return account;
  }

  private static OAuth2Client client(Duration readTimeout) {
    return OAuth2Client.create(
        ClientRegistration.of("app"),
        OAuth2Options.builder().sslContext(TestTls.client()).readTimeout(readTimeout).maxResponseBytes(4096).build());
  }

  @Test
  void anAnswerLargerThanTheCapIsRefused() throws Exception {
    String huge = "{\"access_token\":\"" + "x".repeat(10_000) + "\",\"token_type\":\"Bearer\"}";
    try (TestHttpServer server = TestHttpServer.https(TestTls.server("localhost"))
            .route("/token", new TestHttpServer.Response(200, Map.of("Content-Type", "application/json"),
                huge.getBytes(StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO, false));
        OAuth2Client client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> expired(client, server).accessTokens().get())
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR);
            assertThat(e.getMessage()).contains("larger than 4096");
          });
    }
  }

  @Test
  void aServerThatNeverAnswersIsANetworkFailureWithinTheReadTimeout() throws Exception {
    try (TestHttpServer server = TestHttpServer.https(TestTls.server("localhost")).route("/token", TestHttpServer.Response.neverAnswer());
        OAuth2Client client = client(Duration.ofMillis(500))) {
      OAuth2Account account = expired(client, server);
      assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
          assertThatThrownBy(() -> account.accessTokens().get())
              .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.NETWORK);
                assertThat(e.getMessage()).contains("did not answer in time");
              }));
    }
  }

  @Test
  void aServerThatTricklesIsCutOffTooNotJustOneSlowRead() throws Exception {
    // 16 bytes, one every 80 ms: no read waits long, the whole answer takes longer than 500 ms.
    byte[] body = "{\"error\":\"late\"}".getBytes(StandardCharsets.UTF_8);
    try (TestHttpServer server = TestHttpServer.https(TestTls.server("localhost"))
            .route("/token", new TestHttpServer.Response(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO, false)
                .trickled(Duration.ofMillis(80)));
        OAuth2Client client = client(Duration.ofMillis(500))) {
      OAuth2Account account = expired(client, server);
      assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
          assertThatThrownBy(() -> account.accessTokens().get())
              .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NETWORK)));
    }
  }

  @Test
  void aTokenEndpointThatAnswersWithoutJsonIsAProtocolErrorThatQuotesNothing() throws Exception {
    String body = "<html>access_token=leaked-looking-value</html>";
    try (TestHttpServer server = TestHttpServer.https(TestTls.server("localhost"))
            .route("/token", new TestHttpServer.Response(200, Map.of("Content-Type", "text/html"),
                body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, Duration.ZERO, false));
        OAuth2Client client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> expired(client, server).accessTokens().get())
          .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR);
            assertThat(e.getMessage()).doesNotContain("leaked-looking-value");
            assertThat(e.getCause()).isNull();
          });
    }
  }

  @Test
  void theSenderRefusesPlainHttp() throws Exception {
    BoundedSender sender = new BoundedSender(Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), 4096);
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, URI.create("http://127.0.0.1:9/token"));
    assertThatThrownBy(() -> sender.send(request)).isInstanceOf(IOException.class).hasMessageContaining("Only https");
  }
}
