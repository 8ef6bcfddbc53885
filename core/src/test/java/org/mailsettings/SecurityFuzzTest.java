package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * Security labels as people type them: {@link Security#fromLabel} gives a value or refuses with
 * {@link UnknownSecurityLabelException} only, the same for every port (the port only settles
 * what an ambiguous label means), and {@link Security#fromAutoconfig} never throws. Seeds:
 * {@code SecurityFuzzTestInputs/fromLabel/} (labels of real forms and documents).
 */
@Timeout(10)
class SecurityFuzzTest {
  private static final int[] PORTS = {0, 25, 26, 110, 143, 465, 587, 993, 995, 2525, 8080, -1, 65536};

  @FuzzTest
  void fromLabel(byte[] data) {
    String label = FuzzInput.text(data);
    Security.fromAutoconfig(label);
    Security plain;
    try {
      plain = Security.fromLabel(label);
    } catch (UnknownSecurityLabelException refused) {
      assertThat(refused.label()).isEqualTo(label);
      for (int port : PORTS) {
        assertThatThrownBy(() -> Security.fromLabel(label, port)).isInstanceOf(UnknownSecurityLabelException.class);
      }
      return;
    }
    for (int port : PORTS) {
      Security withPort = Security.fromLabel(label, port);
      if (plain == Security.NONE || withPort == Security.NONE) {
        assertThat(withPort).as("a port never turns \"%s\" into or out of plaintext", label).isEqualTo(plain);
      }
    }
  }
}
