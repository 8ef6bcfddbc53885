package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.TokenSet;
import org.mailsettings.testing.FuzzInput;

/**
 * A token endpoint's answer as it comes off the wire (status, {@code Content-Type}, body bytes),
 * made Nimbus' by {@link BoundedSender#response} and read by {@link TokenEndpoint#read}: tokens, or an {@link OAuth2Exception} only, whose message
 * never quotes the body. Input: the status on the first line, the {@code Content-Type} on the
 * second, the body after. Seeds: {@code TokenResponseFuzzTestInputs/read/}.
 */
@Timeout(10)
class TokenResponseFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @FuzzTest
  void read(byte[] data) {
    int first = indexOf(data, 0);
    int second = first < 0 ? -1 : indexOf(data, first + 1);
    String status = new String(data, 0, first < 0 ? data.length : first, StandardCharsets.UTF_8);
    String contentType = first < 0 ? "" : new String(data, first + 1, (second < 0 ? data.length : second) - first - 1, StandardCharsets.UTF_8);
    byte[] body = second < 0 ? new byte[0] : Arrays.copyOfRange(data, second + 1, data.length);
    HttpHeaders headers = HttpHeaders.of(
        contentType.isEmpty() ? Map.of() : Map.of("content-type", List.of(contentType.strip())), (name, value) -> true);
    HTTPResponse http = BoundedSender.response(100 + Math.floorMod(FuzzInput.number(status), 500), headers, body);
    TokenSet tokens;
    try {
      tokens = TokenEndpoint.read(http, "Fuzzing", List.of("https://mail.google.com/"), "previous-refresh-token", CLOCK);
    } catch (OAuth2Exception refused) {
      assertThat(refused.reason()).isNotNull();
      String text = http.getBody();
      if (text != null && text.length() >= 12) {
        assertThat(refused.getMessage()).doesNotContain(text);
      }
      return;
    }
    assertThat(tokens.accessToken()).isNotEmpty();
    assertThat(tokens.scopes()).isNotEmpty();
  }

  private static int indexOf(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
