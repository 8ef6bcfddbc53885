package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // autoconfig socketType values
        "SSL             | 993  | IMPLICIT_TLS",
        "STARTTLS        | 143  | STARTTLS",
        "plain           | 143  | NONE",
        // UI labels; the port settles SSL and TLS
        "SSL/TLS         | 993  | IMPLICIT_TLS",
        "SSL/TLS         | 143  | STARTTLS",
        "SSL             | 465  | IMPLICIT_TLS",
        "SSL             | 587  | STARTTLS",
        "TLS             | 587  | STARTTLS",
        "TLS             | 465  | IMPLICIT_TLS",
        "TLS             | 0    | STARTTLS",
        "SSL             | 0    | IMPLICIT_TLS",
        "SSL             | 2465 | IMPLICIT_TLS",
        "STARTTLS        | 465  | STARTTLS",
        "None            | 25   | NONE",
        "none            | 2525 | NONE",
        // POHODA, NEOSERV
        "Bez zabezpečení | 25   | NONE",
        "bez zabezpeceni | 25   | NONE",
        "Brez SSL        | 110  | NONE",
        "s SSL           | 995  | IMPLICIT_TLS",
        "s SSL           | 587  | STARTTLS",
        // the enum's own names
        "IMPLICIT_TLS    | 0    | IMPLICIT_TLS",
        "implicit tls    | 0    | IMPLICIT_TLS",
      })
  void readsLabelsWithThePortSettlingAmbiguity(String label, int port, Security expected) {
    assertThat(Security.fromLabel(label, port)).isEqualTo(expected);
  }

  @Test
  void anUnknownLabelIsAClearError() {
    assertThatThrownBy(() -> Security.fromLabel("quantum", 465))
        .isInstanceOfSatisfying(
            UnknownSecurityLabelException.class, e -> assertThat(e.label()).isEqualTo("quantum"))
        .hasMessageContaining("Unknown security label \"quantum\"")
        .hasMessageContaining("SSL/TLS");
  }

  @Test
  void autoconfigValuesOnly() {
    assertThat(Security.fromAutoconfig("ssl")).hasValue(Security.IMPLICIT_TLS);
    assertThat(Security.fromAutoconfig("TLS")).isEmpty();
  }

  @Property(tries = 3000)
  void anyLabelIsReadOrTheLibrarysOwnError(@ForAll String label, @ForAll int port) {
    try {
      assertThat(Security.fromLabel(label, port)).isNotNull();
    } catch (UnknownSecurityLabelException expected) {
      assertThat(expected.label()).isEqualTo(label);
    }
  }
}
