package org.mailsettings.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * Host names and IP literals: normalisation and the local/private classification on any text.
 * Never an exception; a normalised host is a canonical name or an ASCII IP literal, normalises to
 * itself, and is classified as the text it came from. Seeds: {@code
 * HostNamesFuzzTestInputs/classify/}.
 */
@Timeout(10)
class HostNamesFuzzTest {
  @FuzzTest
  void classify(byte[] data) {
    String text = FuzzInput.text(data);
    boolean local = HostNames.isLocalOrPrivate(text);
    byte[] bytes = HostNames.ipBytes(text);
    if (bytes != null) {
      assertThat(bytes.length).isIn(4, 16);
      assertThat(text).as("an IP literal").matches("[0-9A-Fa-f:.]+");
      assertThat(HostNames.isIpLiteral(text)).isTrue();
    }
    Optional<String> normalised = HostNames.normalise(text);
    if (normalised.isEmpty()) {
      assertThat(local).isFalse();
      return;
    }
    String host = normalised.get();
    assertThat(HostNames.normalise(host)).contains(host);
    assertThat(HostNames.isCanonicalName(host) || HostNames.isIpLiteral(host)).as("%s is a name or a literal", host).isTrue();
    assertThat(host).matches("[a-z0-9.:-]+");
    assertThat(HostNames.isLocalOrPrivate(host)).isEqualTo(local);
    byte[] hostBytes = HostNames.ipBytes(host);
    if (hostBytes != null) {
      assertThat(HostNames.isLocalOrPrivate(hostBytes)).isEqualTo(local);
    }
  }
}
