package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * The query of a request to the loopback redirect listener (anything a local process or a
 * browser sends), read by {@link LoopbackRedirect#read}: a code, a failure or "not an
 * authorization response", never an exception; a code only with the expected state. Seeds:
 * {@code RedirectQueryFuzzTestInputs/read/}.
 */
@Timeout(10)
class RedirectQueryFuzzTest {
  private static final String STATE = "Xq3v9mL2cT8pR1sW";

  @FuzzTest
  void read(byte[] data) {
    String query = FuzzInput.text(data);
    LoopbackRedirect.Outcome outcome = LoopbackRedirect.read(query, STATE.getBytes(StandardCharsets.UTF_8));
    if (outcome instanceof LoopbackRedirect.Code code) {
      assertThat(code.value()).isNotEmpty();
      assertThat(query).contains(STATE);
    }
  }
}
