package org.mailsettings.internal.psl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * The registrable domain of any host text by the bundled Public Suffix List: never an exception;
 * when there is one, it is the host's own last labels and its own registrable domain. Seeds:
 * {@code PublicSuffixListFuzzTestInputs/registrableDomain/}.
 */
@Timeout(10)
class PublicSuffixListFuzzTest {
  private static final PublicSuffixList LIST = PublicSuffixList.bundled();

  @FuzzTest
  void registrableDomain(byte[] data) {
    String host = FuzzInput.text(data);
    Optional<String> registrable = LIST.registrableDomain(host);
    if (registrable.isEmpty()) {
      return;
    }
    String domain = registrable.get();
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    assertThat(name.equals(domain) || name.endsWith("." + domain)).as("%s under %s", domain, host).isTrue();
    assertThat(LIST.registrableDomain(domain)).contains(domain);
  }
}
