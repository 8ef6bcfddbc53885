package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsettings.oauth2.OAuth2Exception;

/** Only bearer tokens are taken: SASL OAUTHBEARER and XOAUTH2 cannot carry a DPoP-bound one. */
class TokenTypeTest {
  private static final HttpHeaders JSON = HttpHeaders.of(Map.of("content-type", List.of("application/json")), (n, v) -> true);

  private static com.nimbusds.oauth2.sdk.http.HTTPResponse answer(String type) {
    String body = "{\"access_token\":\"abc.def\",\"token_type\":\"" + type + "\",\"expires_in\":3600,\"refresh_token\":\"r1\"}";
    return BoundedSender.response(200, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBearerTokenIsTakenADpopBoundOneIsNot() {
    assertThat(TokenEndpoint.read(answer("Bearer"), "Test", List.of("mail"), null, Clock.systemUTC()).accessToken()).isEqualTo("abc.def");
    assertThatThrownBy(() -> TokenEndpoint.read(answer("DPoP"), "Test", List.of("mail"), null, Clock.systemUTC()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
          assertThat(e.reason()).isEqualTo(OAuth2Exception.Reason.PROTOCOL_ERROR);
          assertThat(e.getMessage()).doesNotContain("abc.def");
        });
  }
}
