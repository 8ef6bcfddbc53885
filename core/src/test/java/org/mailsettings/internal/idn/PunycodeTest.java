package org.mailsettings.internal.idn;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PunycodeTest {

  @ParameterizedTest
  @CsvSource({
    "bücher, bcher-kva",
    "münchen, mnchen-3ya",
    "příklad, pklad-zsa96e",
    "straße, strae-oqa",
    "中文, fiq228c",
    // RFC 3492 section 7.1 (L): Japanese
    "3年b組金八先生, 3b-ww4c5e180e575a65lsy2b",
  })
  void encodesAndDecodesKnownSamples(String unicode, String encoded) {
    assertThat(Punycode.encode(unicode)).hasValue(encoded);
    assertThat(Punycode.decode(encoded)).hasValue(unicode);
  }

  @Property(tries = 3000)
  void decodingReversesEncoding(@ForAll @StringLength(max = 40) String text) {
    String withoutSurrogateHalves =
        text.codePoints()
            .filter(c -> c < 0xD800 || c > 0xDFFF)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    Punycode.encode(withoutSurrogateHalves)
        .ifPresent(encoded -> assertThat(Punycode.decode(encoded)).hasValue(withoutSurrogateHalves));
  }

  @Property(tries = 3000)
  void decodingNeverThrows(@ForAll String text) {
    assertThat(Punycode.decode(text)).isNotNull();
  }
}
