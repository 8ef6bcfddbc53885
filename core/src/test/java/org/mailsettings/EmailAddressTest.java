package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailsettings.InvalidEmailAddressException.Reason;

class EmailAddressTest {

  @Test
  void readsABareAddressAndFoldsTheDomainCase() {
    EmailAddress address = EmailAddress.parse("  Info@VIZUS.cz ");
    assertThat(address.localPart()).isEqualTo("Info");
    assertThat(address.domain()).isEqualTo("vizus.cz");
    assertThat(address.asciiDomain()).isEqualTo("vizus.cz");
    assertThat(address.displayName()).isEmpty();
    assertThat(address).hasToString("Info@vizus.cz");
  }

  @Test
  void readsADisplayNameWithNonAsciiLetters() {
    EmailAddress address = EmailAddress.parse("Jan Novák <info@novak.cz>");
    assertThat(address.displayName()).hasValue("Jan Novák");
    assertThat(address.address()).isEqualTo("info@novak.cz");
    assertThat(address).hasToString("Jan Novák <info@novak.cz>");
  }

  @Test
  void readsQuotedDisplayNamesWithSpecialsAndEscapes() {
    EmailAddress address = EmailAddress.parse("\"Novák, Jan \\\"Honza\\\" <CEO>\" <jan@novak.cz>");
    assertThat(address.displayName()).hasValue("Novák, Jan \"Honza\" <CEO>");
    assertThat(EmailAddress.parse(address.toString())).isEqualTo(address);
  }

  @Test
  void readsAnglesWithoutAName() {
    assertThat(EmailAddress.parse("<info@vizus.cz>").displayName()).isEmpty();
  }

  @Test
  void keepsInternationalisedDomainsInBothForms() {
    EmailAddress address = EmailAddress.parse("jan@PŘÍKLAD.cz");
    assertThat(address.domain()).isEqualTo("příklad.cz");
    assertThat(address.asciiDomain()).isEqualTo("xn--pklad-zsa96e.cz");
    assertThat(address.asciiAddress()).isEqualTo("jan@xn--pklad-zsa96e.cz");
    assertThat(EmailAddress.parse("jan@xn--pklad-zsa96e.cz")).isEqualTo(address);
  }

  @Test
  void followsIdna2008ForSharpS() {
    // IDNA2003 (java.net.IDN) would map this to strasse.de, another domain.
    assertThat(EmailAddress.parse("a@straße.de").asciiDomain()).isEqualTo("xn--strae-oqa.de");
  }

  @Test
  void acceptsUnicodeAndQuotedMailboxNames() {
    assertThat(EmailAddress.parse("jiří@novak.cz").localPart()).isEqualTo("jiří");
    assertThat(EmailAddress.parse("\"john doe\"@example.com").localPart()).isEqualTo("\"john doe\"");
    assertThat(EmailAddress.parse("\"a@b\"@example.com").asciiDomain()).isEqualTo("example.com");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                          | EMPTY",
        "'   '                       | EMPTY",
        "not-an-address              | MISSING_AT_SIGN",
        "@vizus.cz                   | EMPTY_LOCAL_PART",
        "info@                       | EMPTY_DOMAIN",
        "info@localhost              | SINGLE_LABEL_DOMAIN",
        "info@[192.168.0.1]          | ADDRESS_LITERAL_UNSUPPORTED",
        "info@1.2.3.4                | INVALID_DOMAIN",
        "info@vizus..cz              | INVALID_DOMAIN",
        "info@-vizus.cz              | INVALID_DOMAIN",
        "info@viz_us.cz              | INVALID_DOMAIN",
        "info@xn--zz.cz              | INVALID_DOMAIN",
        ".info@vizus.cz              | INVALID_LOCAL_PART",
        "in..fo@vizus.cz             | INVALID_LOCAL_PART",
        "in fo@vizus.cz              | INVALID_LOCAL_PART",
        "a@b@vizus.cz                | INVALID_LOCAL_PART",
        "\"unclosed@vizus.cz         | INVALID_LOCAL_PART",
        "Jan <info@vizus.cz          | UNBALANCED_ANGLE_BRACKETS",
        "Jan info@vizus.cz>          | UNBALANCED_ANGLE_BRACKETS",
        "Jan <info@vizus.cz> extra   | UNBALANCED_ANGLE_BRACKETS",
        "\"Jan <info@vizus.cz>       | INVALID_DISPLAY_NAME",
        "Ja\"n <info@vizus.cz>       | INVALID_DISPLAY_NAME",
      })
  void refusesBadInputWithAReason(String input, Reason reason) {
    assertThatThrownBy(() -> EmailAddress.parse(input))
        .isInstanceOfSatisfying(
            InvalidEmailAddressException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.input()).isEqualTo(input);
              assertThat(e.getMessage()).contains(reason.description());
            });
  }

  @Test
  void refusesControlCharactersThatCouldInjectHeaders() {
    assertThatThrownBy(() -> EmailAddress.parse("Jan\r\nBcc: x@evil.example <jan@novak.cz>"))
        .isInstanceOfSatisfying(
            InvalidEmailAddressException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CONTROL_CHARACTER));
  }

  @Test
  void refusesOverlongParts() {
    assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@vizus.cz"))
        .isInstanceOfSatisfying(
            InvalidEmailAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCAL_PART_TOO_LONG));
    assertThatThrownBy(() -> EmailAddress.parse("a@" + "b".repeat(64) + ".cz"))
        .isInstanceOfSatisfying(
            InvalidEmailAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DOMAIN));
    assertThatThrownBy(() -> EmailAddress.parse("a@b.cz" + " ".repeat(10) + "x".repeat(1000)))
        .isInstanceOfSatisfying(
            InvalidEmailAddressException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
  }

  @Test
  void theMessageSaysWhatIsWrong() {
    assertThatThrownBy(() -> EmailAddress.parse("not-an-address"))
        .hasMessage("Invalid e-mail address \"not-an-address\": it has no '@' between the mailbox and the domain");
  }

  @Test
  void equalityCoversNameMailboxAndDomain() {
    assertThat(EmailAddress.parse("Jan <jan@novak.cz>")).isEqualTo(EmailAddress.parse("Jan  <jan@NOVAK.cz>"));
    assertThat(EmailAddress.parse("Jan <jan@novak.cz>")).isNotEqualTo(EmailAddress.parse("jan@novak.cz"));
    assertThat(EmailAddress.parse("Jan <jan@novak.cz>").withoutDisplayName()).isEqualTo(EmailAddress.parse("jan@novak.cz"));
    assertThat(EmailAddress.parse("Jan@novak.cz")).isNotEqualTo(EmailAddress.parse("jan@novak.cz"));
  }
}
