package org.mailsettings.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mailsettings.AuthMethod;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;

/**
 * Forms as users fill them in, for the seed providers, the big ones and unknown domains: the
 * check never throws, and applying what it proposes makes the errors go away.
 */
class SettingsCheckProperties {
  private static final MailSettingsResolver CLIENT = MailSettingsResolver.create();
  private static final SettingsCheck CHECK = CLIENT.settingsCheck();

  @AfterContainer
  static void close() {
    CLIENT.close();
  }

  /** An address and the MX hosts the application knows for it. */
  record Account(String address, List<String> mx) {}

  @Property(tries = 1000)
  void applyingTheCorrectedSettingsLeavesNoError(@ForAll("forms") TypedSettings form) {
    CheckResult result = CHECK.check(form);
    for (Finding finding : result.findings()) {
      assertThat(finding.message(Locale.forLanguageTag("cs"))).isNotBlank();
    }
    if (result.corrected().isEmpty()) {
      // Nothing to build settings from: the host cannot be read and no provider knows a server for the protocol.
      assertThat(result.findings()).anyMatch(f -> f.code() == FindingCode.HOST_MISSING || f.code() == FindingCode.HOST_INVALID);
      assertThat(result.providerSettings()).isEmpty();
      return;
    }
    CheckResult again = CHECK.check(form.apply(result.corrected().get()));
    assertThat(again.findings(Severity.ERROR))
        .as("%s%n  then %s", result, again)
        .allMatch(f -> f.code() == FindingCode.ADDRESS_INVALID);
  }

  @Property(tries = 1000)
  void applyingOneFixRemovesItsFinding(@ForAll("forms") TypedSettings form) {
    CheckResult result = CHECK.check(form);
    for (Finding finding : result.findings()) {
      Optional<ServerSettings> fix = finding.fix();
      if (fix.isPresent()) {
        CheckResult again = CHECK.check(form.apply(fix.get()));
        assertThat(again.has(finding.code())).as("%s%n  fixed by %s%n  then %s", result, fix.get(), again).isFalse();
      }
    }
  }

  /**
   * The forms jqwik found, checked on every run whatever the seed: IMAP typed on SMTP's port 25
   * with "TLS" at a NEOSERV customer domain (known by its MX host), without a login, and with a
   * user name or an IMAP path prefix that cannot be read (so that there are no settings as read to
   * compare a fix with). The corrected settings go to NEOSERV's unencrypted IMAP port,
   * where no certificate name matters, so they keep the typed host: CERTIFICATE_NAMES_SERVER's
   * fix of the host would have changed nothing, and applying it left the finding.
   */
  @Example
  void imapOnPort25WithTlsAtANeoservCustomerDomain() {
    for (TypedSettings form : List.of(neoservImapOnPort25("a\nb", Optional.empty()), neoservImapOnPort25("", Optional.of("IN\u0000BOX")))) {
      applyingOneFixRemovesItsFinding(form);
      applyingTheCorrectedSettingsLeavesNoError(form);
    }
  }

  /** The form jqwik found: IMAP on port 25 with "TLS" for a NEOSERV customer, no login, with this user name and prefix. */
  static TypedSettings neoservImapOnPort25(String username, Optional<String> prefix) {
    return TypedSettings.builder()
        .address("jan@firma.si")
        .addMxHosts("strela.avant.si")
        .protocol(Protocol.IMAP)
        .host("mail.firma.si")
        .port(25)
        .securityLabel("TLS")
        .loginRequired(false)
        .username(username)
        .imapPathPrefix(prefix)
        .build();
  }

  @Provide
  Arbitrary<TypedSettings> forms() {
    Arbitrary<Account> accounts = Arbitraries.of(
        new Account("Jan Novák <info@vizus.cz>", List.of()),
        new Account("jan@web4u.cz", List.of()),
        new Account("jan@firma.si", List.of("strela.avant.si")),
        new Account("jan@firma.cz", List.of("firma--cz.mx.spoje.net")),
        new Account("Jan <jan@gmail.com>", List.of()),
        new Account("jan@outlook.com", List.of()),
        new Account("jan.novak@icloud.com", List.of()),
        new Account("info@novak.cz", List.of()),
        new Account("Jan Novák <info(at)novak.cz>", List.of()));
    Arbitrary<Protocol> protocols = Arbitraries.of(Protocol.values());
    Arbitrary<String> hosts = Arbitraries.oneOf(
        Arbitraries.of("smtp.vizus.cz", "mail.vizus.cz", "smtp.web4u.cz", "mail.web4u.cz", "mail.firma.si", "strela.avant.si",
            "firma--cz.mx.spoje.net", "mail.spoje.net", "smtp.gmail.com", "imap.gmail.com", "smtp-mail.outlook.com",
            "outlook.office365.com", "imap.mail.me.com", "smtp.novak.cz", "", " ", "smtp novak cz", "a\r\nb"),
        Arbitraries.just("x".repeat(4000) + ".cz"));
    Arbitrary<Integer> ports = Arbitraries.oneOf(
        Arbitraries.of(25, 26, 110, 143, 465, 587, 993, 995, 2525, 0, -1, 70_000),
        Arbitraries.integers().between(1, 65_535));
    Arbitrary<Object> securities = Arbitraries.oneOf(
        Arbitraries.of("SSL", "TLS", "SSL/TLS", "STARTTLS", "None", "Bez zabezpečení", "žádné", "s SSL", "Brez SSL", "Quantum", "", "SSL\u001b"),
        Arbitraries.of(Security.values()).map(s -> (Object) s));
    Arbitrary<String> usernames = Arbitraries.of("", "info", "jan", "jan.novak", "info@vizus.cz", "jan@firma.cz", "other@example.org", "a\nb");
    Arbitrary<Optional<String>> prefixes = Arbitraries.of(Optional.empty(), Optional.of(""), Optional.of("INBOX"), Optional.of("IN\u0000BOX"));
    Arbitrary<Boolean> logins = Arbitraries.of(true, true, true, false);
    Arbitrary<AuthMethod> methods = Arbitraries.of(AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.OAUTH2);
    return Combinators.combine(accounts, protocols, hosts, ports, securities, usernames, prefixes, logins)
        .flatAs((account, protocol, host, port, security, username, prefix, login) -> methods.map(method -> {
          TypedSettings.Builder form = TypedSettings.builder()
              .address(account.address())
              .addAllMxHosts(account.mx())
              .protocol(protocol)
              .host(host)
              .port(port)
              .loginRequired(login)
              .authMethod(method)
              .username(username)
              .imapPathPrefix(prefix);
          if (security instanceof Security s) {
            form.security(s);
          } else {
            form.securityLabel((String) security);
          }
          return form.build();
        }));
  }
}
