package org.mailsettings.internal.idn;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * Domain names in Unicode or ASCII form, IDNA conversion included. Only {@link
 * DomainName.InvalidDomainNameException} may come out; an accepted name has an ASCII form DNS
 * takes (LDH labels of at most 63, at most 253 in all), and both of its forms parse back to the
 * same name. Seeds: {@code DomainNameFuzzTestInputs/parse/}.
 */
@Timeout(10)
class DomainNameFuzzTest {
  @FuzzTest
  void parse(byte[] data) {
    String text = FuzzInput.text(data);
    DomainName name;
    try {
      name = DomainName.parse(text);
    } catch (DomainName.InvalidDomainNameException refused) {
      assertThat(DomainName.tryParse(text)).isEmpty();
      return;
    }
    String ascii = name.ascii();
    assertThat(ascii.length()).isBetween(1, DomainName.MAX_LENGTH);
    assertThat(ascii).matches("[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})*");
    assertThat(name.labelCount()).isEqualTo(ascii.split("\\.", -1).length);
    DomainName fromAscii = DomainName.parse(ascii);
    assertThat(fromAscii).isEqualTo(name);
    assertThat(fromAscii.unicode()).isEqualTo(name.unicode());
    DomainName fromUnicode = DomainName.parse(name.unicode());
    assertThat(fromUnicode).isEqualTo(name);
    assertThat(fromUnicode.unicode()).isEqualTo(name.unicode());
  }
}
