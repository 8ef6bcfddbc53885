package org.mailsettings.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfigException.Reason;

class ClientConfigParserTest {
  private final ClientConfigParser parser = ClientConfigParser.defaults();

  /** Each warning up to " ignored": its line and what it names. */
  private static List<String> whatAndWhere(ClientConfig config) {
    return config.warnings().stream().map(w -> w.substring(0, w.indexOf(" ignored"))).collect(Collectors.toList());
  }

  private ClientConfig parseResource(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return parser.parse(in, name);
    }
  }

  @Test
  void dropsEachIncompleteOrUnknownSectionAloneAndKeepsTheOrderOfTheRest() throws Exception {
    ClientConfig config = parseResource("dropped-sections.xml");

    assertThat(config.version()).isEqualTo("1.1");
    EmailProviderConfig provider = config.emailProviders().get(0);
    assertThat(provider.id()).isEqualTo("example.cz");
    assertThat(provider.domains()).containsExactly("example.cz", "example.net");
    assertThat(provider.mxDomains()).containsExactly("mx.example.cz");
    assertThat(provider.displayName()).hasValue("Example");
    assertThat(provider.documentationUrls()).containsExactly("https://example.cz/help");
    assertThat(provider.incomingServers())
        .extracting(ServerConfig::hostname)
        .containsExactly("imap1.example.cz", "imap2.example.cz", "pop.example.cz");
    assertThat(provider.outgoingServers())
        .extracting(ServerConfig::port)
        .containsExactly(465, 25);

    ServerConfig first = provider.incomingServers().get(0);
    assertThat(first.protocol()).isEqualTo(Protocol.IMAP);
    assertThat(first.security()).isEqualTo(Security.IMPLICIT_TLS);
    assertThat(first.authMethods())
        .containsExactly(
            AuthMethod.PASSWORD_ENCRYPTED, AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.sasl("SCRAM-SHA-256"));
    assertThat(first.username()).hasValue("%EMAILLOCALPART%");
    assertThat(provider.incomingServers().get(2).leaveMessagesOnServer()).hasValue(true);
    assertThat(provider.incomingServers().get(2).security()).isEqualTo(Security.IMPLICIT_TLS);
    assertThat(provider.outgoingServers().get(1).security()).isEqualTo(Security.NONE);

    assertThat(whatAndWhere(config))
        .containsExactly(
            "line 8: domain \"ignored.example\"",
            "line 22: incomingServer type=imap",
            "line 29: port \"99999\"",
            "line 27: incomingServer type=imap",
            "line 36: socketType \"TLS-1.3-only\"",
            "line 33: incomingServer type=imap",
            "line 39: incomingServer type=jmap",
            "line 62: outgoingServer type=imap");
    assertThat(config.warnings().get(1)).endsWith("ignored: no hostname");
    assertThat(config.warnings().get(3)).endsWith("ignored: no usable port");
    assertThat(config.warnings().get(5)).endsWith("ignored: no usable socketType");

    assertThat(config.oAuth2()).hasValueSatisfying(oauth -> {
      assertThat(oauth.issuer()).hasValue("login.example.cz");
      assertThat(oauth.tokenUrl()).hasValue("https://login.example.cz/token");
    });
  }

  @Test
  void aSectionWithNoAuthenticationMethodTheLibraryKnowsIsIgnored() throws Exception {
    ClientConfig config = parseResource("unusable-authentication.xml");
    EmailProviderConfig provider = config.emailProviders().get(0);

    assertThat(provider.incomingServers()).extracting(ServerConfig::hostname).containsExactly("imap.example.org");
    // Every value the draft defines, in the document's order; unknown values and repeats left out.
    assertThat(provider.incomingServers().get(0).authMethods())
        .containsExactly(
            AuthMethod.OAUTH2,
            AuthMethod.PASSWORD_ENCRYPTED,
            AuthMethod.PASSWORD_CLEARTEXT,
            AuthMethod.NTLM,
            AuthMethod.GSSAPI,
            AuthMethod.TLS_CLIENT_CERT,
            AuthMethod.CLIENT_IP_ADDRESS,
            AuthMethod.NONE,
            AuthMethod.sasl("SCRAM-SHA-256-PLUS"));
    assertThat(provider.outgoingServers())
        .extracting(s -> s.hostname() + " " + s.authMethods())
        .containsExactly(
            "smtp.example.org [OAuth2, password-cleartext]",
            // The older format's smtp-after-pop: no SMTP login, as for Thunderbird.
            "relay-after-pop.example.org [none]",
            "relay-by-address.example.org [client-IP-address]",
            "relay-open.example.org [none]");

    assertThat(whatAndWhere(config))
        .containsExactly(
            "line 7: incomingServer type=imap",
            "line 13: incomingServer type=imap",
            "line 39: outgoingServer type=smtp",
            "line 44: outgoingServer type=smtp");
    assertThat(config.warnings().get(0)).endsWith("ignored: no authentication");
    assertThat(config.warnings().get(1))
        .endsWith(
            "ignored: no authentication this library supports"
                + " (\"client-certificate\", \"http:Basic\", \"sasl:not a mechanism\", \"smtp-after-pop\", \"\")");
    assertThat(config.warnings().get(2)).endsWith("ignored: no authentication");
    assertThat(config.warnings().get(3)).endsWith("(\"password-quantum\")");
  }

  @Test
  void theFirstUsableValueOfAnElementCountsAndAnUnusableOneIsIgnored() throws Exception {
    ClientConfig config = parseResource("repeated-elements.xml");
    EmailProviderConfig provider = config.emailProviders().get(0);

    assertThat(provider.incomingServers())
        .extracting(s -> s.hostname() + ":" + s.port() + " " + s.security() + " " + s.username().orElse("-"))
        .containsExactly(
            // Repeated: the first counts, as in Thunderbird.
            "imap.example.net:993 IMPLICIT_TLS %EMAILADDRESS%",
            // A later invalid value neither replaces the first nor drops the section.
            "imap2.example.net:993 IMPLICIT_TLS -",
            // An invalid first value is ignored; the valid one after it counts.
            "pop.example.net:995 IMPLICIT_TLS -");
    assertThat(provider.incomingServers().get(2).leaveMessagesOnServer()).hasValue(false);
    ServerConfig smtp = provider.outgoingServers().get(0);
    assertThat(smtp.maxMessageSize()).hasValue(20_000_000L);
    assertThat(smtp.tlsVersions()).containsExactly("TLSv1.3");

    assertThat(whatAndWhere(config))
        .containsExactly(
            "line 9: hostname \"imap-alternative.example.net\"",
            "line 11: port \"143\"",
            "line 13: socketType \"STARTTLS\"",
            "line 16: username \"%EMAILLOCALPART%\"",
            "line 21: port \"99999\"",
            "line 23: socketType \"TLS\"",
            "line 27: hostname \"pop_3.example.net\"",
            "line 29: port \"pop3s\"",
            "line 31: socketType \"TLS\"",
            "line 35: leaveMessagesOnServer \"yes\"",
            "line 37: leaveMessagesOnServer \"true\"",
            "line 45: ms:maxMessageSize \"lots\"",
            "line 47: ms:maxMessageSize \"30000000\"",
            "line 49: ms:tlsVersions \"TLSv1.2\"");
    assertThat(config.warnings().get(0)).endsWith("ignored: the first hostname of the section counts");
    assertThat(config.warnings().get(4)).endsWith("ignored: not a port number from 1 to 65535");
  }

  @Test
  void aFixedHostNameThatIsNoneIsReportedWhereItStands() throws Exception {
    ClientConfig config = parseResource("invalid-hostnames.xml");
    EmailProviderConfig provider = config.emailProviders().get(0);

    assertThat(provider.incomingServers())
        .extracting(ServerConfig::hostname)
        .containsExactly("imap.example.com", "fallback.example.com", "pop.%EMAILDOMAIN%");
    assertThat(provider.outgoingServers()).extracting(ServerConfig::hostname).containsExactly("192.0.2.25", "[2001:DB8::25]");
    assertThat(whatAndWhere(config))
        .containsExactly(
            "line 7: hostname \"imap..example.com\"",
            "line 6: incomingServer type=imap",
            "line 13: hostname \"-imap.example.com\"",
            "line 12: incomingServer type=imap",
            "line 19: hostname \"imap.example.com/mail\"",
            "line 27: ms:hostname \"mx_1.example.com\"",
            "line 51: hostname \"smtp.example.com:587\"",
            "line 50: outgoingServer type=smtp");
    assertThat(config.warnings().get(0)).endsWith("ignored: not a host name");
    assertThat(config.warnings().get(1)).endsWith("ignored: no usable hostname");
  }

  @Test
  void aWarningQuotesADocumentsTextSafelyAndShort() {
    String xml =
        "<clientConfig><emailProvider id=\"p\"><incomingServer type=\"imap\">"
            + "<hostname>evil\u009b2J\u202E" + "x".repeat(500) + "</hostname></incomingServer></emailProvider></clientConfig>";
    String warning = parser.parse(xml, "escape").warnings().get(0);
    assertThat(warning).doesNotContain("\u009b", "\u202E").contains("evil\uFFFD2J\uFFFDxxx").hasSizeLessThan(200);
  }

  @Test
  void readsTheProjectExtension() throws Exception {
    ClientConfig config = parseResource("extension.xml");
    EmailProviderConfig provider = config.emailProviders().get(0);

    assertThat(provider.name()).isEqualTo("Hoster");
    assertThat(provider.notes()).containsExactly("First note.", "Second note.");
    ServerConfig imap = provider.incomingServers().get(0);
    assertThat(imap.hostname()).isEqualTo("%EMAILDOMAIN%.mx.hoster.example");
    assertThat(imap.domainDotReplacement()).hasValue("--");
    assertThat(imap.imapPathPrefix()).hasValue("");
    assertThat(imap.tlsVersions()).containsExactly("TLSv1.2", "TLSv1.3");
    ServerConfig smtp = provider.outgoingServers().get(0);
    assertThat(smtp.maxMessageSize()).hasValue(35_000_000L);
    assertThat(smtp.imapPathPrefix()).isEmpty();
    assertThat(smtp.username()).isEmpty();
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void malformedXmlIsATypedErrorNamingSourceAndLine() {
    assertThatThrownBy(() -> parseResource("malformed.xml"))
        .isInstanceOfSatisfying(
            ClientConfigException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED_XML);
              assertThat(e.sourceName()).isEqualTo("malformed.xml");
              assertThat(e.line()).isEqualTo(6);
              assertThat(e.getMessage()).startsWith("malformed.xml:6: malformed XML");
            });
  }

  @Test
  void refusesDoctypesSoNoEntityIsEverExpandedOrFetched() {
    for (String name : new String[] {"doctype-entity.xml", "external-entity.xml", "billion-laughs.xml"}) {
      assertThatThrownBy(() -> parseResource(name))
          .as(name)
          .isInstanceOfSatisfying(
              ClientConfigException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DTD_NOT_ALLOWED));
    }
  }

  @Test
  void refusesAnotherRootElement() {
    assertThatThrownBy(() -> parseResource("wrong-root.xml"))
        .isInstanceOfSatisfying(
            ClientConfigException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_A_CLIENT_CONFIG);
              assertThat(e.getMessage()).contains("<Autodiscover>");
            });
  }

  @Test
  void capsTheInputSize() {
    String padding = "<!-- " + "x".repeat(2000) + " -->\n";
    String big =
        "<clientConfig version=\"1.1\">"
            + padding.repeat(600)
            + "<emailProvider id=\"a\"/></clientConfig>";
    assertThatThrownBy(() -> parser.parse(big, "big"))
        .isInstanceOfSatisfying(
            ClientConfigException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThat(parser.withMaxBytes(2 << 20).parse(big, "big").emailProviders()).hasSize(1);
  }

  @Test
  void capsTheNesting() {
    String deep =
        "<clientConfig>"
            + "<x>".repeat(ClientConfigParser.MAX_DEPTH)
            + "</x>".repeat(ClientConfigParser.MAX_DEPTH)
            + "</clientConfig>";
    assertThatThrownBy(() -> parser.parse(deep, "deep"))
        .isInstanceOfSatisfying(
            ClientConfigException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP));
  }

  @Test
  void readsTheDeclaredEncoding() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>"
            + "<clientConfig><emailProvider id=\"p\"><displayName>P\u0159\u00edklad</displayName>"
            + "</emailProvider></clientConfig>";
    ClientConfig config =
        parser.parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.Charset.forName("ISO-8859-2"))), "latin2");
    assertThat(config.emailProviders().get(0).displayName()).hasValue("P\u0159\u00edklad");
  }

  @Test
  void refusesBytesThatAreNotInTheDeclaredEncoding() {
    byte[] bytes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><clientConfig><emailProvider id=\"\u00e9\"/></clientConfig>"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(bytes), "latin1-as-utf8"))
        .isInstanceOfSatisfying(
            ClientConfigException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_XML));
  }

  @Test
  void readsUtf16WithAByteOrderMarkAndRefusesUnknownEncodings() {
    String xml = "<clientConfig><emailProvider id=\"\u010d\"/></clientConfig>";
    byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
    assertThat(parser.parse(new ByteArrayInputStream(utf16), "utf16").emailProviders().get(0).id()).isEqualTo("\u010d");
    byte[] unknown = ("<?xml version=\"1.0\" encoding=\"x-klingon\"?>" + xml).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(unknown), "klingon"))
        .isInstanceOfSatisfying(
            ClientConfigException.class,
            e -> assertThat(e.getMessage()).contains("unsupported encoding \"x-klingon\""));
  }

  @Test
  void keepsSeveralProvidersAndIgnoresWhatFollowsThem() {
    String xml =
        "<clientConfig><emailProvider id=\"a\"><domain>a.example</domain></emailProvider>"
            + "<calendar type=\"caldav\"><url>https://x</url></calendar>"
            + "<emailProvider id=\"b\"><domain>b.example</domain></emailProvider></clientConfig>";
    ClientConfig config = parser.parse(xml, "two");
    assertThat(config.emailProviders().stream().map(EmailProviderConfig::id).collect(Collectors.toList()))
        .containsExactly("a", "b");
  }
}
