package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.testing.FuzzInput;

/**
 * The query of a request to the loopback redirect listener (anything a local process or a
 * browser sends), read by {@link LoopbackRedirect#read} for a sign-in at a server whose metadata
 * says it sends {@code iss} (RFC 9207): a code, a failure or "not an authorization response",
 * never an exception; a code only with the expected state and exactly the expected issuer, an
 * issuer mismatch only once the state matched. Seeds: {@code RedirectQueryFuzzTestInputs/read/}.
 */
@Timeout(10)
class RedirectQueryFuzzTest {
  private static final String STATE = "Xq3v9mL2cT8pR1sW";
  private static final String ISSUER = "https://auth.example.cz/tenant";

  @FuzzTest
  void read(byte[] data) {
    String query = FuzzInput.text(data);
    LoopbackRedirect.Outcome outcome =
        LoopbackRedirect.read(query, STATE.getBytes(StandardCharsets.UTF_8), new IssuerCheck(ISSUER, true));
    if (outcome instanceof LoopbackRedirect.Code code) {
      assertThat(code.value()).isNotEmpty();
      assertThat(query).contains(STATE);
      assertThat(URLUtils.parseParameters(query).get("iss")).containsExactly(ISSUER);
    }
    if (outcome instanceof LoopbackRedirect.Failure failure && failure.exception().reason() == Reason.ISSUER_MISMATCH) {
      assertThat(URLUtils.parseParameters(query).get("state")).containsExactly(STATE);
    }
  }
}
