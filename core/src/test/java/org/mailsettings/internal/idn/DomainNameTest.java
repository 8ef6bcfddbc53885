package org.mailsettings.internal.idn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DomainNameTest {

  @Test
  void mapsToAsciiAndBack() {
    DomainName name = DomainName.parse("Příklad.CZ");
    assertThat(name.ascii()).isEqualTo("xn--pklad-zsa96e.cz");
    assertThat(name.unicode()).isEqualTo("příklad.cz");
    assertThat(DomainName.parse("xn--pklad-zsa96e.cz").unicode()).isEqualTo("příklad.cz");
    assertThat(DomainName.parse("příklad。cz").ascii()).isEqualTo("xn--pklad-zsa96e.cz");
  }

  @Test
  void keepsHyphensInsideLabels() {
    assertThat(DomainName.parse("ab--cz.mx.spoje.net").ascii()).isEqualTo("ab--cz.mx.spoje.net");
  }

  @Test
  void refusesBadNames() {
    assertThatThrownBy(() -> DomainName.parse("a..b")).isInstanceOf(DomainName.InvalidDomainNameException.class);
    assertThatThrownBy(() -> DomainName.parse("a b.cz")).isInstanceOf(DomainName.InvalidDomainNameException.class);
    assertThatThrownBy(() -> DomainName.parse("xn--a.cz")).isInstanceOf(DomainName.InvalidDomainNameException.class);
    assertThatThrownBy(() -> DomainName.parse("x".repeat(64) + ".cz"))
        .isInstanceOf(DomainName.InvalidDomainNameException.class);
  }

  @Property(tries = 3000)
  void anyTextIsANameOrTheTypedError(@ForAll String text) {
    try {
      DomainName name = DomainName.parse(text);
      assertThat(name.ascii()).matches("[a-z0-9.-]+");
      assertThat(DomainName.parse(name.ascii())).isEqualTo(name);
      assertThat(DomainName.parse(name.unicode()).ascii()).isEqualTo(name.ascii());
    } catch (DomainName.InvalidDomainNameException expected) {
      assertThat(expected.problem()).isNotNull();
    }
  }
}
