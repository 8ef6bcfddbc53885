package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.ClientConfigParser;

/** The hardening round's cases that need no server: each failed before its fix. */
class HardeningTest {

  private static String longHost() {
    return ("a".repeat(63) + ".").repeat(64) + "cz"; // about 4,000 characters
  }

  @Test
  void aHostOfFourThousandCharactersIsATypedErrorNotAStackOverflow() {
    assertThatThrownBy(() -> ServerSettings.builder().protocol(Protocol.IMAP).host(longHost()).port(993)
            .security(Security.IMPLICIT_TLS).username("jan").build())
        .isInstanceOf(InvalidSettingsException.class);
    assertThatThrownBy(() -> ResolutionRequest.builder().address(EmailAddress.parse("jan@firma.cz")).addMxHosts(longHost()).build())
        .isInstanceOf(InvalidSettingsException.class);
  }

  @Test
  void anImapPathPrefixWithLineBreaksIsRefused() {
    assertThatThrownBy(() -> ServerSettings.builder().protocol(Protocol.IMAP).host("imap.example.cz").port(993)
            .security(Security.IMPLICIT_TLS).username("jan").imapPathPrefix("INBOX\r\nA1 LOGOUT").build())
        .isInstanceOf(InvalidSettingsException.class);
    assertThatThrownBy(() -> ServerSettings.builder().protocol(Protocol.IMAP).host("imap.example.cz").port(993)
            .security(Security.IMPLICIT_TLS).username("jan\uD800").build())
        .isInstanceOf(InvalidSettingsException.class);
  }

  @Test
  void parsingAStringCapsItsUtf8BytesNotItsCharacters() {
    ClientConfigParser parser = ClientConfigParser.defaults().withMaxBytes(3000);
    String document = "<clientConfig><emailProvider id=\"x\"><displayName>" + "€".repeat(1500)
        + "</displayName></emailProvider></clientConfig>";
    assertThat(document.length()).isLessThan(3000);
    assertThatThrownBy(() -> parser.parse(document, "euro"))
        .isInstanceOfSatisfying(ClientConfigException.class, e -> assertThat(e.reason()).isEqualTo(ClientConfigException.Reason.TOO_LARGE));
  }

  @Test
  void discoveryOptionsRefuseTemplatesThatGiveNoUrl() {
    assertThatThrownBy(() -> DiscoveryOptions.builder().ispdbBaseUrl("not a url").build())
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("ISPDB");
    assertThatThrownBy(() -> DiscoveryOptions.builder().autoconfigUrlTemplate("https://%EMAILDOMAIN% /x").build())
        .isInstanceOf(InvalidSettingsException.class);
    assertThatThrownBy(() -> DiscoveryOptions.builder().wellKnownUrlTemplate("ftp://%EMAILDOMAIN%/x").build())
        .isInstanceOf(InvalidSettingsException.class);
    assertThatThrownBy(() -> DiscoveryOptions.builder().autodiscoverUrlTemplates(java.util.List.of("//x")).build())
        .isInstanceOf(InvalidSettingsException.class);
    assertThat(DiscoveryOptions.builder().autoconfigUrlTemplate("http://127.0.0.1:8080/ac/%EMAILDOMAIN%?a=%EMAILADDRESS%").build())
        .isNotNull();
  }

  @Test
  void discoveryOptionsRefuseAPercentSignThatOnlySomeDomainsWouldCompleteToAnEscape() {
    // Found by UrlTemplateFuzzTest: "%a" before "example.com" reads as the escape "%ae", before
    // "xn--pklad-zsa96e.cz" it is no escape, and the URL of that domain could not be made.
    assertThatThrownBy(() -> DiscoveryOptions.builder().ispdbBaseUrl("https://config.example.net/lookup%a").build())
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("ISPDB");
    assertThatThrownBy(() -> DiscoveryOptions.builder().autoconfigUrlTemplate("https://autoconfig.example.net/c%a%EMAILDOMAIN%").build())
        .isInstanceOf(InvalidSettingsException.class);
    assertThat(DiscoveryOptions.builder().ispdbBaseUrl("https://config.example.net/lookup%2F").build()).isNotNull();
  }

  @Test
  void anAddressWhoseDomainLeavesNoRoomForGuessesStillResolves() {
    String domain = "a".repeat(63) + "." + "a".repeat(63) + "." + "b".repeat(56) + ".cz";
    EmailAddress address = EmailAddress.parse("jan@" + domain);
    Resolution resolution = MailSettingsResolver.create().resolve(address);
    assertThat(resolution.incoming()).allSatisfy(c -> assertThat(c.settings().host().length()).isLessThanOrEqualTo(253));
    assertThat(resolution.outgoing()).allSatisfy(c -> assertThat(c.settings().host().length()).isLessThanOrEqualTo(253));
  }
}
