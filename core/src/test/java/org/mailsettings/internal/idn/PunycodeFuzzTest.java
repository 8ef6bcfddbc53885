package org.mailsettings.internal.idn;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * Punycode (RFC 3492) both ways on any text: never an exception (empty for what cannot be
 * encoded or decoded), and decoding what was encoded gives the text back. Seeds: {@code
 * PunycodeFuzzTestInputs/roundTrip/}.
 */
@Timeout(10)
class PunycodeFuzzTest {
  @FuzzTest
  void roundTrip(byte[] data) {
    String text = FuzzInput.text(data);
    Optional<String> decoded = Punycode.decode(text);
    decoded.ifPresent(d -> assertThat(d.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).isTrue());
    if (text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
      return; // lone surrogates are no code points; encode() sees them as such and need not round-trip
    }
    Optional<String> encoded = Punycode.encode(text);
    if (encoded.isPresent()) {
      assertThat(encoded.get()).matches("[\\x00-\\x7f]*");
      assertThat(Punycode.decode(encoded.get())).as("decode(encode(%s))", text).contains(text);
    }
  }
}
