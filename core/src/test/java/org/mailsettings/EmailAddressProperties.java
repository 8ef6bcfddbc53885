package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EmailAddressProperties {

  @Property(tries = 3000)
  void anyTextIsAnAddressOrTheLibrarysOwnError(@ForAll String text) {
    try {
      EmailAddress address = EmailAddress.parse(text);
      assertThat(address.asciiDomain()).matches("[a-z0-9.-]+");
    } catch (InvalidEmailAddressException expected) {
      assertThat(expected.getMessage()).startsWith("Invalid e-mail address");
    }
  }

  @Property(tries = 3000)
  void anyTextShapedLikeAnAddressIsAnAddressOrTheLibrarysOwnError(@ForAll("addressLike") String text) {
    try {
      EmailAddress.parse(text);
    } catch (InvalidEmailAddressException expected) {
      assertThat(expected.reason()).isNotNull();
    }
  }

  @Property(tries = 2000)
  void printingThenParsingGivesTheSameAddress(@ForAll("addresses") EmailAddress address) {
    EmailAddress reparsed = EmailAddress.parse(address.toString());
    assertThat(reparsed).isEqualTo(address);
    assertThat(EmailAddress.parse(address.asciiAddress()).domain()).isEqualTo(address.domain());
  }

  @Provide
  Arbitrary<String> addressLike() {
    Arbitrary<String> part =
        Arbitraries.strings().withChars("aZ0.-_+\"\\ <>@,ěščřžýáíé中ß%").ofMaxLength(12);
    return Combinators.combine(part, part, part).as((name, local, domain) -> name + " <" + local + "@" + domain + ">");
  }

  @Provide
  Arbitrary<EmailAddress> addresses() {
    Arbitrary<String> label =
        Arbitraries.strings().withChars("abcxyz0129ěščřžýáíéß中-").ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019.+_-ěš").ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> name = Arbitraries.strings().withChars("Jan Novák,\"<>\\()").ofMaxLength(15);
    return Combinators.combine(name, local, label, label)
        .as((n, l, d1, d2) -> n + " <" + l + "@" + d1 + "." + d2 + "a>")
        .map(
            text -> {
              try {
                return EmailAddress.parse(text);
              } catch (InvalidEmailAddressException e) {
                return EmailAddress.parse("fallback@example.cz");
              }
            });
  }
}
