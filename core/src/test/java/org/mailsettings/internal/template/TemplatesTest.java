package org.mailsettings.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.mailsettings.EmailAddress;

class TemplatesTest {
  private static final EmailAddress JAN = EmailAddress.parse("Jan <jan.novak@Firma.cz>");

  @Test
  void expandsTheDraftsPlaceholders() {
    assertThat(Templates.expandUsername("%EMAILADDRESS%", JAN)).isEqualTo("jan.novak@firma.cz");
    assertThat(Templates.expandUsername("%EMAILLOCALPART%", JAN)).isEqualTo("jan.novak");
    assertThat(Templates.expandUsername("%EMAILLOCALPART%.%EMAILDOMAIN%", JAN)).isEqualTo("jan.novak.firma.cz");
    assertThat(Templates.expandUsername("%EMAILADDRESS", JAN)).isEqualTo("%EMAILADDRESS");
    assertThat(Templates.expandUsername("100%%EMAILDOMAIN%", JAN)).isEqualTo("100%firma.cz");
  }

  @Test
  void expandsHostNamesWithTheDotReplacement() {
    assertThat(Templates.expandHostname("%EMAILDOMAIN%.mx.spoje.net", JAN, "--")).hasValue("firma--cz.mx.spoje.net");
    assertThat(Templates.expandHostname("mail.%EMAILDOMAIN%", JAN, "")).hasValue("mail.firma.cz");
    assertThat(Templates.expandHostname("IMAP.Example.COM", JAN, "")).hasValue("imap.example.com");
  }

  @Test
  void refusesHostNamesBuiltFromTheMailboxOrInvalid() {
    assertThat(Templates.expandHostname("%EMAILLOCALPART%.evil.example", JAN, "")).isEmpty();
    assertThat(Templates.expandHostname("%EMAILADDRESS%", JAN, "")).isEmpty();
    assertThat(Templates.expandHostname("%UNKNOWN%.example", JAN, "")).isEmpty();
    assertThat(Templates.expandHostname("bad host", JAN, "")).isEmpty();
  }

  @Property(tries = 2000)
  void valuesFromTheAddressAreNeverExpandedAgain(@ForAll("placeholderLocalParts") String local) {
    EmailAddress address = EmailAddress.parse(local + "@firma.cz");
    assertThat(Templates.expandUsername("%EMAILLOCALPART%", address)).isEqualTo(local);
    assertThat(Templates.expandUsername("%EMAILADDRESS%", address)).isEqualTo(local + "@firma.cz");
  }

  @Property(tries = 2000)
  void anExpandedHostIsValidOrRefused(@ForAll("templates") String template) {
    Templates.expandHostname(template, JAN, "--")
        .ifPresent(host -> assertThat(host).matches("[a-z0-9.:-]+").doesNotContain("%"));
  }

  @Provide
  Arbitrary<String> placeholderLocalParts() {
    return Arbitraries.of("%EMAILDOMAIN%", "%EMAILADDRESS%", "%EMAILLOCALPART%", "a%b", "%")
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of("%EMAILDOMAIN%", "%EMAILLOCALPART%", ".", "-", "mail", "%", "x", " ", "é", "..")
        .list()
        .ofMaxSize(6)
        .map(parts -> String.join("", parts));
  }
}
