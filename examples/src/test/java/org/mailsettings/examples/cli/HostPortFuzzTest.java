package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.testing.FuzzInput;

/**
 * The {@code --dns HOST[:PORT]} option's value: {@link HostPort#parse} refuses with an {@link
 * IllegalArgumentException} naming the option, or gives a host and a port of 1 to 65535, which
 * the resolver's builder takes or refuses with {@link InvalidSettingsException} only. Seeds:
 * {@code HostPortFuzzTestInputs/parse/}.
 */
@Timeout(10)
class HostPortFuzzTest {
  @FuzzTest
  void parse(byte[] data) {
    String value = FuzzInput.text(data);
    HostPort parsed;
    try {
      parsed = HostPort.parse(value, 53, "--dns");
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("--dns ");
      return;
    }
    assertThat(parsed.host()).isNotEmpty();
    assertThat(parsed.port()).isBetween(1, 65535);
    try {
      MailSettingsResolver.builder().dnsServer(parsed.host(), parsed.port());
    } catch (InvalidSettingsException refused) {
      // not an IP address: the command line says so
    }
  }
}
