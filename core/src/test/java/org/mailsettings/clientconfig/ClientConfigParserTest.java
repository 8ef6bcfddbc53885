package org.mailsettings.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfigException.Reason;

class ClientConfigParserTest {
  private final ClientConfigParser parser = ClientConfigParser.defaults();

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

    assertThat(config.warnings())
        .hasSize(6)
        .anySatisfy(w -> assertThat(w).contains("no hostname"))
        .anySatisfy(w -> assertThat(w).contains("invalid port \"99999\""))
        .anySatisfy(w -> assertThat(w).contains("unknown socketType \"TLS-1.3-only\""))
        .anySatisfy(w -> assertThat(w).contains("type=jmap ignored"))
        .anySatisfy(w -> assertThat(w).contains("outgoingServer type=imap ignored"))
        .anySatisfy(w -> assertThat(w).contains("unknown purpose"));
    assertThat(config.warnings()).allSatisfy(w -> assertThat(w).startsWith("line "));

    assertThat(config.oAuth2()).hasValueSatisfying(oauth -> {
      assertThat(oauth.issuer()).hasValue("login.example.cz");
      assertThat(oauth.tokenUrl()).hasValue("https://login.example.cz/token");
    });
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
