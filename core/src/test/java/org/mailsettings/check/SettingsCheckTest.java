package org.mailsettings.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.ProviderDatabase;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.clientconfig.ClientConfigParser;

/**
 * Each offline finding on the seed providers (VIZUS, WEB4U, NEOSERV, SPOJE.NET), POHODA's labels
 * and the big providers (Gmail, Outlook.com, iCloud), each with the corrected settings it
 * proposes; and bad input, which is a finding or a typed error, never an exception from inside.
 */
class SettingsCheckTest {
  private static final Locale CS = Locale.forLanguageTag("cs");
  private static final MailSettingsResolver CLIENT = MailSettingsResolver.create();
  private static final SettingsCheck CHECK = CLIENT.settingsCheck();

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  private static TypedSettings.Builder smtp(String address, String host, int port, String label) {
    return TypedSettings.builder().address(address).protocol(Protocol.SMTP).host(host).port(port).securityLabel(label);
  }

  private static TypedSettings.Builder imap(String address, String host, int port, String label) {
    return TypedSettings.builder().address(address).protocol(Protocol.IMAP).host(host).port(port).securityLabel(label);
  }

  private static Finding only(CheckResult result, FindingCode code) {
    List<Finding> found = result.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(found).as(result.toString()).hasSize(1);
    return found.get(0);
  }

  private static List<FindingCode> codes(CheckResult result, Severity severity) {
    return result.findings(severity).stream().map(Finding::code).toList();
  }

  // ---- VIZUS (seed 000) ----

  @Test
  void vizusSslOnPort587AndTheBareMailboxName() {
    CheckResult result = CHECK.check(smtp("Jan Novák <info@vizus.cz>", "smtp.vizus.cz", 587, "SSL").username("info").build());

    assertThat(codes(result, Severity.ERROR)).containsExactly(FindingCode.SECURITY_CONTRADICTS_PORT, FindingCode.USERNAME_NOT_FULL_ADDRESS);
    Finding security = only(result, FindingCode.SECURITY_CONTRADICTS_PORT);
    assertThat(security.field()).isEqualTo(SettingsField.SECURITY);
    assertThat(security.arguments()).containsExactly("587", "STARTTLS", "SSL");
    assertThat(security.fix()).hasValueSatisfying(fix -> {
      assertThat(fix.port()).isEqualTo(587);
      assertThat(fix.security()).isEqualTo(Security.STARTTLS);
      assertThat(fix.username()).isEqualTo("info"); // this fix concerns the security only
    });
    assertThat(security.evidence().providerSettings()).extracting(ServerSettings::address)
        .containsExactly("smtp.vizus.cz:465", "smtp.vizus.cz:587");
    Finding username = only(result, FindingCode.USERNAME_NOT_FULL_ADDRESS);
    assertThat(username.arguments()).containsExactly("info", "info@vizus.cz");
    assertThat(username.fix()).map(ServerSettings::username).hasValue("info@vizus.cz");

    assertThat(result.corrected()).hasValueSatisfying(c -> {
      assertThat(c.address()).isEqualTo("smtp.vizus.cz:587");
      assertThat(c.security()).isEqualTo(Security.STARTTLS);
      assertThat(c.username()).isEqualTo("info@vizus.cz");
    });
    assertThat(result.provider()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("vizus.cz"));
    assertThat(security.message(CS)).isEqualTo("Port 587 je pro zabezpečení STARTTLS, ne pro „SSL“: nastavte Zabezpečení na STARTTLS.");
    assertThat(username.message(CS)).isEqualTo("Uživatelské jméno musí být celá e-mailová adresa (info@vizus.cz), ne jen „info“.");
    assertThat(CHECK.check(TypedSettings.builder().from(result.input()).build().apply(result.corrected().orElseThrow())).hasErrors()).isFalse();
  }

  @Test
  void vizusWithItsOwnSettingsHasNoErrorOrWarning() {
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 465, "SSL/TLS").username("info@vizus.cz").build());
    assertThat(result.findings()).extracting(Finding::code).containsExactly(FindingCode.PROVIDER_KNOWN);
    assertThat(result.corrected()).isEqualTo(result.settings());
  }

  @Test
  void vizusImapPathPrefixMustBeEmpty() {
    CheckResult result =
        CHECK.check(imap("info@vizus.cz", "mail.vizus.cz", 143, "STARTTLS").username("info@vizus.cz").imapPathPrefix("INBOX").build());
    Finding prefix = only(result, FindingCode.IMAP_PATH_PREFIX_MUST_BE_EMPTY);
    assertThat(prefix.severity()).isEqualTo(Severity.WARNING);
    assertThat(prefix.arguments()).containsExactly("VIZUS", "INBOX");
    assertThat(prefix.fix()).hasValueSatisfying(fix -> {
      assertThat(fix.imapPathPrefix()).hasValue("");
      assertThat(fix.address()).isEqualTo("mail.vizus.cz:143");
    });
  }

  @Test
  void tlsOnPort465IsSslTls() {
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 465, "TLS").username("info@vizus.cz").build());
    Finding security = only(result, FindingCode.SECURITY_CONTRADICTS_PORT);
    assertThat(security.arguments()).containsExactly("465", "IMPLICIT_TLS", "TLS");
    assertThat(security.message(Locale.ENGLISH)).isEqualTo("Port 465 is for SSL/TLS, not for \"TLS\": set the security to SSL/TLS.");
    assertThat(security.fix()).map(ServerSettings::security).hasValue(Security.IMPLICIT_TLS);
  }

  @Test
  void theIncomingServerTypedAsTheOutgoingOneIsNotTheProvidersHost() {
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "mail.vizus.cz", 465, "SSL").username("info@vizus.cz").build());
    Finding host = only(result, FindingCode.HOST_NOT_PROVIDERS);
    assertThat(host.arguments()).containsExactly("VIZUS", "mail.vizus.cz", "smtp.vizus.cz");
    assertThat(host.fix()).map(ServerSettings::host).hasValue("smtp.vizus.cz");
  }

  // ---- WEB4U (seed 001) ----

  @Test
  void web4uPort25WithoutEncryptionAndALogin() {
    CheckResult result = CHECK.check(smtp("jan@web4u.cz", "smtp.web4u.cz", 25, "žádné").username("jan@web4u.cz").build());
    assertThat(codes(result, Severity.WARNING)).containsExactly(FindingCode.PORT_25_SUBMISSION, FindingCode.PASSWORD_UNENCRYPTED);
    assertThat(only(result, FindingCode.PORT_25_SUBMISSION).fix()).hasValueSatisfying(fix -> {
      assertThat(fix.port()).isEqualTo(587);
      assertThat(fix.security()).isEqualTo(Security.STARTTLS);
    });
    assertThat(only(result, FindingCode.PASSWORD_UNENCRYPTED).fix()).map(ServerSettings::security).hasValue(Security.STARTTLS);
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void web4uOnAPortItDoesNotUse() {
    CheckResult result = CHECK.check(smtp("jan@web4u.cz", "smtp.web4u.cz", 2525, "TLS").username("jan@web4u.cz").build());
    Finding port = only(result, FindingCode.PORT_NOT_PROVIDERS);
    assertThat(port.arguments()).containsExactly("WEB4U", "smtp.web4u.cz", "2525", "587, 465, 25");
    assertThat(port.fix()).map(ServerSettings::address).hasValue("smtp.web4u.cz:587");
  }

  @Test
  void web4uRequiresTheLogin() {
    CheckResult result = CHECK.check(smtp("jan@web4u.cz", "smtp.web4u.cz", 587, "TLS").loginRequired(false).build());
    Finding login = only(result, FindingCode.LOGIN_REQUIRED);
    assertThat(login.field()).isEqualTo(SettingsField.AUTHENTICATION);
    assertThat(login.fix()).hasValueSatisfying(fix -> {
      assertThat(fix.authMethods()).containsExactly(AuthMethod.PASSWORD_CLEARTEXT);
      assertThat(fix.username()).isEqualTo("jan@web4u.cz");
    });
  }

  // ---- NEOSERV (seed 002) ----

  @Test
  void neoservWithSslNeedsTheServersOwnName() {
    CheckResult result =
        CHECK.check(imap("jan@firma.si", "mail.firma.si", 993, "s SSL").username("jan@firma.si").addMxHosts("strela.avant.si").build());
    assertThat(result.findings()).extracting(Finding::code).contains(FindingCode.PROVIDER_BY_MX);
    Finding name = only(result, FindingCode.CERTIFICATE_NAMES_SERVER);
    assertThat(name.arguments()).containsExactly("NEOSERV", "mail.firma.si", "strela.avant.si");
    assertThat(name.fix()).map(ServerSettings::host).hasValue("strela.avant.si");
    assertThat(name.fixNeedsConfirmation()).isTrue(); // the MX host was not authenticated
    assertThat(result.corrected()).map(ServerSettings::host).hasValue("strela.avant.si");

    CheckResult serverName =
        CHECK.check(imap("jan@firma.si", "strela.avant.si", 993, "s SSL").username("jan@firma.si").addMxHosts("strela.avant.si").build());
    assertThat(serverName.findings()).extracting(Finding::code).containsExactly(FindingCode.PROVIDER_BY_MX);
  }

  @Test
  void neoservBrezSslWithALoginIsMovedToSsl() {
    CheckResult result =
        CHECK.check(imap("jan@firma.si", "mail.firma.si", 143, "Brez SSL").username("jan@firma.si").addMxHosts("strela.avant.si").build());
    Finding plain = only(result, FindingCode.PASSWORD_UNENCRYPTED);
    assertThat(plain.fix()).hasValueSatisfying(fix -> {
      assertThat(fix.port()).isEqualTo(993);
      assertThat(fix.security()).isEqualTo(Security.IMPLICIT_TLS);
    });
    assertThat(result.has(FindingCode.PORT_NOT_PROVIDERS)).isFalse(); // NEOSERV lists 143 without SSL
  }

  @Test
  void aFixThatWouldLeaveItsFieldsAsTypedIsNoFix() {
    // IMAP on SMTP's port 25 with "TLS", no login, the user name unreadable: the corrected settings
    // go to NEOSERV's unencrypted port 143 and keep the typed host, so the certificate finding has no fix.
    CheckResult result = CHECK.check(SettingsCheckProperties.neoservImapOnPort25("a\nb", java.util.Optional.empty()));
    assertThat(result.settings()).isEmpty();
    assertThat(result.corrected()).hasValueSatisfying(c -> {
      assertThat(c.host()).isEqualTo("mail.firma.si");
      assertThat(c.security().isEncrypted()).isFalse();
    });
    assertThat(only(result, FindingCode.CERTIFICATE_NAMES_SERVER).fix()).isEmpty();
    // The other findings still have theirs, each changing a field it concerns.
    assertThat(only(result, FindingCode.PORT_OF_OTHER_PROTOCOL).fix()).map(ServerSettings::port).hasValue(143);
    assertThat(only(result, FindingCode.USERNAME_INVALID).fix()).map(ServerSettings::username).hasValue("jan@firma.si");
  }

  // ---- SPOJE.NET (seed 004) ----

  @Test
  void spojeNetHostIsMadeFromTheDomain() {
    CheckResult result =
        CHECK.check(smtp("jan@firma.cz", "mail.spoje.net", 465, "SSL").username("jan@firma.cz").addMxHosts("firma--cz.mx.spoje.net").build());
    Finding rule = only(result, FindingCode.HOST_NOT_HOSTERS_RULE);
    assertThat(rule.arguments()).containsExactly("SPOJE.NET", "firma.cz", "firma--cz.mx.spoje.net", "mail.spoje.net");
    assertThat(rule.fix()).hasValueSatisfying(fix -> assertThat(fix.address()).isEqualTo("firma--cz.mx.spoje.net:465"));
    assertThat(rule.message(CS)).isEqualTo(
        "SPOJE.NET obsluhuje doménu firma.cz serverem firma--cz.mx.spoje.net (název odvozený z vaší domény), ne mail.spoje.net.");
  }

  @Test
  void spojeNetHasImapOnlyWithSsl() {
    CheckResult result =
        CHECK.check(imap("jan@firma.cz", "firma--cz.mx.spoje.net", 143, "STARTTLS").username("jan@firma.cz").addMxHosts("firma--cz.mx.spoje.net").build());
    Finding port = only(result, FindingCode.PORT_NOT_PROVIDERS);
    assertThat(port.arguments()).containsExactly("SPOJE.NET", "firma--cz.mx.spoje.net", "143", "993");
    assertThat(port.fix()).hasValueSatisfying(fix -> {
      assertThat(fix.address()).isEqualTo("firma--cz.mx.spoje.net:993");
      assertThat(fix.security()).isEqualTo(Security.IMPLICIT_TLS);
      assertThat(fix.tlsVersions()).containsExactly("TLSv1.2", "TLSv1.1"); // the hoster's rule comes with the fix
    });
  }

  // ---- POHODA's form (seed 003): None / SSL / TLS ----

  @Test
  void pohodasLabelsReadWithTheirPorts() {
    for (Object[] ok : new Object[][] {{"SSL", 465}, {"TLS", 587}, {"Bez zabezpečení", 2525}}) {
      CheckResult result = CHECK.check(smtp("Jan Novák <info@novak.cz>", "smtp.novak.cz", (int) ok[1], (String) ok[0])
          .loginRequired(!ok[0].equals("Bez zabezpečení")).username("info@novak.cz").build());
      assertThat(result.hasErrors()).as(result.toString()).isFalse();
      assertThat(result.has(FindingCode.SECURITY_CONTRADICTS_PORT)).isFalse();
    }
    CheckResult internal = CHECK.check(smtp("info@novak.cz", "relay.novak.cz", 25, "Bez zabezpečení").loginRequired(false).build());
    assertThat(internal.findings()).extracting(Finding::code).containsExactly(FindingCode.PROVIDER_UNKNOWN, FindingCode.UNENCRYPTED);
    for (Object[] wrong : new Object[][] {{"SSL", 587, Security.STARTTLS}, {"TLS", 465, Security.IMPLICIT_TLS}}) {
      CheckResult result = CHECK.check(smtp("info@novak.cz", "smtp.novak.cz", (int) wrong[1], (String) wrong[0]).username("info@novak.cz").build());
      assertThat(only(result, FindingCode.SECURITY_CONTRADICTS_PORT).fix()).map(ServerSettings::security).hasValue((Security) wrong[2]);
    }
  }

  @Test
  void noneOnAnImplicitTlsPortContradictsIt() {
    CheckResult result = CHECK.check(imap("info@novak.cz", "mail.novak.cz", 993, "None").loginRequired(false).build());
    Finding security = only(result, FindingCode.SECURITY_CONTRADICTS_PORT);
    assertThat(security.message(Locale.GERMAN)).isEqualTo("Port 993 ist für SSL/TLS, nicht für „None“: stellen Sie die Verbindungssicherheit auf SSL/TLS.");
    assertThat(result.has(FindingCode.UNENCRYPTED)).isFalse(); // said once
  }

  @Test
  void aPortOfAnotherProtocol() {
    CheckResult result = CHECK.check(smtp("info@novak.cz", "smtp.novak.cz", 993, "SSL").username("info@novak.cz").build());
    Finding port = only(result, FindingCode.PORT_OF_OTHER_PROTOCOL);
    assertThat(port.arguments()).containsExactly("993", "IMAP", "SMTP");
    assertThat(port.fix()).map(ServerSettings::address).hasValue("smtp.novak.cz:465");
  }

  @Test
  void aMissingUserNameIsTheAddress() {
    CheckResult result = CHECK.check(smtp("info@novak.cz", "smtp.novak.cz", 465, "SSL").build());
    Finding username = only(result, FindingCode.USERNAME_MISSING);
    assertThat(username.arguments()).containsExactly("info@novak.cz");
    assertThat(username.fix()).map(ServerSettings::username).hasValue("info@novak.cz");
  }

  // ---- The big providers ----

  @Test
  void gmailRefusesTheNormalPassword() {
    CheckResult result = CHECK.check(smtp("jan@gmail.com", "smtp.gmail.com", 587, "TLS").username("jan@gmail.com").build());
    Finding oauth = only(result, FindingCode.OAUTH2_OR_APP_PASSWORD);
    assertThat(oauth.severity()).isEqualTo(Severity.WARNING);
    assertThat(oauth.fix()).map(ServerSettings::preferredAuthMethod).hasValue(java.util.Optional.of(AuthMethod.OAUTH2));
    CheckResult signedIn =
        CHECK.check(smtp("jan@gmail.com", "smtp.gmail.com", 587, "TLS").username("jan@gmail.com").authMethod(AuthMethod.OAUTH2).build());
    assertThat(signedIn.findings()).extracting(Finding::code).containsExactly(FindingCode.PROVIDER_KNOWN);
  }

  @Test
  void outlookComTakesOAuthOnly() {
    CheckResult result = CHECK.check(smtp("jan@outlook.com", "smtp-mail.outlook.com", 587, "STARTTLS").username("jan@outlook.com").build());
    Finding oauth = only(result, FindingCode.OAUTH2_REQUIRED);
    assertThat(oauth.severity()).isEqualTo(Severity.ERROR);
    assertThat(oauth.message(Locale.forLanguageTag("pl"))).contains("OAuth 2.0").contains("Microsoft Outlook.com");
  }

  @Test
  void aGoogleWorkspaceDomainIsRecognisedByTheServerTyped() {
    CheckResult result = CHECK.check(smtp("jan@novak-firma.cz", "smtp.gmail.com", 465, "SSL").username("jan").build());
    assertThat(only(result, FindingCode.PROVIDER_BY_HOST).arguments()).containsExactly("Google Gmail and Google Workspace", "smtp.gmail.com");
    assertThat(result.has(FindingCode.OAUTH2_OR_APP_PASSWORD)).isTrue();
    assertThat(only(result, FindingCode.USERNAME_NOT_FULL_ADDRESS).fix()).map(ServerSettings::username).hasValue("jan@novak-firma.cz");
  }

  @Test
  void icloudWantsTheMailboxNameForImap() {
    CheckResult result = CHECK.check(imap("jan.novak@icloud.com", "imap.mail.me.com", 993, "SSL/TLS").username("jan.novak@icloud.com").build());
    Finding username = only(result, FindingCode.USERNAME_NOT_MAILBOX_NAME);
    assertThat(username.fix()).map(ServerSettings::username).hasValue("jan.novak");
  }

  @Test
  void oauthChosenWhereTheProviderHasNone() {
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 465, "SSL").username("info@vizus.cz").authMethod(AuthMethod.OAUTH2).build());
    assertThat(only(result, FindingCode.OAUTH2_NOT_OFFERED).fix()).map(ServerSettings::authMethods).hasValue(List.of(AuthMethod.PASSWORD_CLEARTEXT));
  }

  // ---- The application's own provider files, through the same client ----

  @Test
  void theClientsOwnProviderFilesAreWhatTheCheckKnows() {
    String xml = "<clientConfig version=\"1.1\" xmlns:ms=\"https://mailsettings.org/ns/clientconfig-extension/1\">"
        + "<emailProvider id=\"intranet.example\"><domain>intranet.example</domain><displayName>Intranet</displayName>"
        + "<incomingServer type=\"imap\"><hostname>imap.intranet.example</hostname><port>993</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILLOCALPART%.staff</username>"
        + "<ms:imapPathPrefix>INBOX</ms:imapPathPrefix></incomingServer>"
        + "</emailProvider></clientConfig>";
    try (MailSettingsResolver own = MailSettingsResolver.builder()
        .addProviders(ProviderDatabase.of("intranet", List.of(ClientConfigParser.defaults().parse(xml, "intranet.xml"))))
        .build()) {
      CheckResult result = own.settingsCheck().check(imap("jan@intranet.example", "imap.intranet.example", 993, "SSL").username("jan").build());
      assertThat(only(result, FindingCode.USERNAME_DIFFERS).arguments()).containsExactly("Intranet", "jan", "jan.staff");
      assertThat(only(result, FindingCode.IMAP_PATH_PREFIX_DIFFERS).fix()).map(ServerSettings::imapPathPrefix).hasValue(java.util.Optional.of("INBOX"));
      assertThat(result.corrected()).hasValueSatisfying(c -> {
        assertThat(c.username()).isEqualTo("jan.staff");
        assertThat(c.imapPathPrefix()).hasValue("INBOX");
      });
    }
  }

  @Test
  void aProvidersOwnPortWithAnotherSecurity() {
    String xml = "<clientConfig version=\"1.1\"><emailProvider id=\"relay.example\"><domain>relay.example</domain>"
        + "<displayName>Relay</displayName><outgoingServer type=\"smtp\"><hostname>smtp.relay.example</hostname>"
        + "<port>2465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
        + "<username>%EMAILADDRESS%</username></outgoingServer></emailProvider></clientConfig>";
    try (MailSettingsResolver own = MailSettingsResolver.builder()
        .addProviders(ProviderDatabase.of("relay", List.of(ClientConfigParser.defaults().parse(xml, "relay.xml"))))
        .build()) {
      CheckResult result = own.settingsCheck().check(smtp("jan@relay.example", "smtp.relay.example", 2465, "TLS").username("jan@relay.example").build());
      Finding security = only(result, FindingCode.SECURITY_NOT_PROVIDERS);
      assertThat(security.arguments()).containsExactly("Relay", "smtp.relay.example:2465", "IMPLICIT_TLS", "TLS");
      assertThat(security.message(Locale.ENGLISH)).isEqualTo("Relay uses SSL/TLS on smtp.relay.example:2465, not \"TLS\": set the security to SSL/TLS.");
      assertThat(security.fix()).map(ServerSettings::security).hasValue(Security.IMPLICIT_TLS);
    }
  }

  // ---- Bad input: a finding that says what to fix, or the library's typed error ----

  @Test
  void anUnreadableLabelIsAFindingWithTheProvidersSecurity() {
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 587, "Quantum").username("info@vizus.cz").build());
    Finding label = only(result, FindingCode.SECURITY_LABEL_UNKNOWN);
    assertThat(label.arguments()).containsExactly("Quantum");
    assertThat(label.evidence().detail()).hasValueSatisfying(d -> assertThat(d).contains("SSL/TLS"));
    assertThat(label.fix()).map(ServerSettings::security).hasValue(Security.STARTTLS);
    assertThat(result.settings()).isEmpty();
    CheckResult empty = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 587, " ").username("info@vizus.cz").build());
    assertThat(only(empty, FindingCode.SECURITY_MISSING).fix()).map(ServerSettings::security).hasValue(Security.STARTTLS);
  }

  @Test
  void aPortOutOfRangeIsAFinding() {
    for (int port : new int[] {0, -1, 65536, Integer.MAX_VALUE}) {
      CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", port, "SSL").username("info@vizus.cz").build());
      assertThat(only(result, FindingCode.PORT_OUT_OF_RANGE).fix()).map(ServerSettings::address).hasValue("smtp.vizus.cz:465");
    }
  }

  @Test
  void aHostOf4000CharactersIsAFindingWithAShortArgument() {
    String host = "a".repeat(4000) + ".cz";
    CheckResult result = CHECK.check(smtp("info@vizus.cz", host, 465, "SSL").username("info@vizus.cz").build());
    Finding invalid = only(result, FindingCode.HOST_INVALID);
    for (String language : List.of("en", "cs", "sk", "sl", "de", "pl", "hu")) {
      assertThat(invalid.message(Locale.forLanguageTag(language)).length()).isLessThan(300);
    }
    assertThat(invalid.fix()).map(ServerSettings::host).hasValue("smtp.vizus.cz");
    assertThat(only(CHECK.check(smtp("info@vizus.cz", "  ", 465, "SSL").username("info@vizus.cz").build()), FindingCode.HOST_MISSING).fix())
        .map(ServerSettings::host).hasValue("smtp.vizus.cz");
  }

  @Test
  void controlCharactersAreFindingsAndNeverReachTheMessagesRaw() {
    CheckResult result =
        CHECK.check(imap("info@vizus.cz", "mail.vizus.cz\r\nX", 993, "SSL\u001b[2J").username("info\r\nA1 LOGOUT").imapPathPrefix("IN\u0000BOX").build());
    assertThat(codes(result, Severity.ERROR)).contains(
        FindingCode.HOST_INVALID, FindingCode.SECURITY_LABEL_UNKNOWN, FindingCode.USERNAME_INVALID, FindingCode.IMAP_PATH_PREFIX_INVALID);
    for (Finding finding : result.findings()) {
      assertThat(finding.message(CS)).doesNotContain("\r", "\n", "\u001b", "\u0000");
    }
    assertThat(only(result, FindingCode.USERNAME_INVALID).fix()).map(ServerSettings::username).hasValue("info@vizus.cz");
  }

  @Test
  void anUnreadableAddressIsAFindingAndTheRestIsStillChecked() {
    CheckResult result = CHECK.check(smtp("Jan Novák <info(at)vizus.cz>", "smtp.vizus.cz", 587, "SSL").username("info").build());
    Finding address = only(result, FindingCode.ADDRESS_INVALID);
    assertThat(address.fix()).isEmpty();
    assertThat(address.evidence().detail()).isPresent();
    assertThat(result.has(FindingCode.SECURITY_CONTRADICTS_PORT)).isTrue();
    assertThat(CHECK.check(smtp("a".repeat(5000) + "@vizus.cz", "smtp.vizus.cz", 465, "SSL").build()).has(FindingCode.ADDRESS_INVALID)).isTrue();
  }

  @Test
  void whatTheApplicationGetsWrongIsATypedError() {
    assertThatThrownBy(() -> TypedSettings.builder().address("a@b.cz").protocol(Protocol.SMTP).securityLabel("SSL").security(Security.STARTTLS).build())
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> TypedSettings.builder().address("a@b.cz").protocol(Protocol.SMTP).addMxHosts("not a host").build())
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("not an MX host name");
  }

  @Test
  void findingsAreOrderedErrorsFirst() {
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 25, "Bez zabezpečení").username("info").build());
    List<Severity> severities = result.findings().stream().map(Finding::severity).toList();
    assertThat(severities).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(severities).contains(Severity.ERROR, Severity.WARNING, Severity.NOTE);
  }

  @Test
  void anApplicationsBundleOverridesSomeWords() {
    java.util.ResourceBundle own = new java.util.ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return new Object[][] {{"Security.STARTTLS", "TLS"}};
      }
    };
    CheckResult result = CHECK.check(smtp("info@vizus.cz", "smtp.vizus.cz", 587, "SSL").username("info@vizus.cz").build());
    Finding security = only(result, FindingCode.SECURITY_CONTRADICTS_PORT);
    assertThat(Wording.withOverrides(own).message(security, CS)).isEqualTo("Port 587 je pro zabezpečení TLS, ne pro „SSL“: nastavte Zabezpečení na TLS.");
    assertThat(Wording.withOverrides(own).describe(result.corrected().orElseThrow(), CS))
        .isEqualTo("SMTP smtp.vizus.cz:587, Zabezpečení: TLS, Uživatelské jméno: info@vizus.cz");
  }
}
