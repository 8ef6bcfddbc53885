package org.mailsettings.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.ProviderDatabase;
import org.mailsettings.Resolution;
import org.mailsettings.Security;
import org.mailsettings.internal.provider.CompiledDatabase;

/** Writing then parsing gives the same document; so does the build's compiled form. */
class ClientConfigRoundTripProperties {
  private final ClientConfigParser parser = ClientConfigParser.defaults();

  @Property(tries = 1500)
  void writingThenParsingGivesTheSameDocument(@ForAll("documents") ClientConfig document) {
    ClientConfig reparsed = parser.parse(ClientConfigWriter.write(document), document.sourceName());
    assertThat(reparsed.warnings()).isEmpty();
    assertThat(reparsed).isEqualTo(document);
  }

  @Property(tries = 500)
  void theCompiledFormGivesTheSameDocuments(@ForAll("documents") ClientConfig document) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CompiledDatabase.write(List.of(new CompiledDatabase.Layer("layer", List.of(document))), bytes);
    assertThat(CompiledDatabase.read(new java.io.ByteArrayInputStream(bytes.toByteArray())))
        .containsExactly(new CompiledDatabase.Layer("layer", List.of(document)));
  }

  @Property(tries = 300)
  void aDocumentWithUnusableSectionsAddedResolvesAsWithoutThem(
      @ForAll("documents") ClientConfig document,
      @ForAll("unusableSections") List<String> sections,
      @ForAll("positions") List<Integer> positions) {
    String xml = ClientConfigWriter.write(document);
    String added = xml;
    for (int i = 0; i < sections.size(); i++) {
      List<Integer> points = insertionPoints(added);
      int at = points.get(positions.get(i % positions.size()) % points.size());
      added = added.substring(0, at) + sections.get(i) + added.substring(at);
    }

    ClientConfig without = parser.parse(xml, document.sourceName());
    ClientConfig with = parser.parse(added, document.sourceName());
    assertThat(with.emailProviders()).isEqualTo(without.emailProviders());
    assertThat(with.warnings()).hasSizeGreaterThanOrEqualTo(sections.size());
    assertThat(resolutions(with)).isEqualTo(resolutions(without));
  }

  @Property(tries = 500)
  void unusableValuesBeforeAndRepeatedValuesAfterASectionsOwnChangeNothing(
      @ForAll("documents") ClientConfig document,
      @ForAll("unusableValues") String before,
      @ForAll("repeatedValues") String after) {
    String xml = ClientConfigWriter.write(document)
        .replaceAll("(<(incoming|outgoing)Server type=\"[a-z0-9]+\">)", "$1" + before)
        .replace("</incomingServer>", after + "</incomingServer>")
        .replace("</outgoingServer>", after + "</outgoingServer>");
    assertThat(parser.parse(xml, document.sourceName()).emailProviders()).isEqualTo(document.emailProviders());
  }

  /** Where a section may go: before each server section and at the end of each provider. */
  private static List<Integer> insertionPoints(String xml) {
    List<Integer> points = new java.util.ArrayList<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<(incomingServer|outgoingServer) |</emailProvider>").matcher(xml);
    while (matcher.find()) {
      points.add(matcher.start());
    }
    return points;
  }

  /** What an offline resolver makes of the document for an address at each of its domains. */
  private static List<String> resolutions(ClientConfig document) {
    List<String> results = new java.util.ArrayList<>();
    try (MailSettingsResolver resolver =
        MailSettingsResolver.builder()
            .addProviders(ProviderDatabase.of("generated", List.of(document)))
            .bundledDatabase(false)
            .ispdbSnapshot(false)
            .build()) {
      for (EmailProviderConfig provider : document.emailProviders()) {
        for (String domain : provider.domains()) {
          try {
            Resolution resolution = resolver.resolve("jan@" + domain);
            results.add(resolution.provider() + " " + resolution.incoming() + " " + resolution.outgoing() + " " + resolution.notes());
          } catch (InvalidEmailAddressException e) {
            results.add(domain + " is not a mail domain");
          }
        }
      }
    }
    return results;
  }

  @Provide
  Arbitrary<List<String>> unusableSections() {
    String complete = "<hostname>x.example</hostname><port>993</port><socketType>SSL</socketType>";
    String auth = "<authentication>password-cleartext</authentication>";
    return Arbitraries.of(
            // No authentication at all, or none the library knows.
            "<incomingServer type=\"imap\">" + complete + "<username>%EMAILADDRESS%</username></incomingServer>",
            "<outgoingServer type=\"smtp\">" + complete + "</outgoingServer>",
            "<outgoingServer type=\"smtp\">" + complete
                + "<authentication>password-quantum</authentication><authentication system=\"http\">Basic</authentication></outgoingServer>",
            "<incomingServer type=\"pop3\">" + complete + "<authentication>smtp-after-pop</authentication></incomingServer>",
            // No usable host name, port or socket type.
            "<incomingServer type=\"imap\"><hostname>bad..example</hostname><port>993</port><socketType>SSL</socketType>" + auth + "</incomingServer>",
            "<outgoingServer type=\"smtp\"><hostname>smtp_1.example</hostname><port>465</port><socketType>SSL</socketType>" + auth + "</outgoingServer>",
            "<incomingServer type=\"imap\"><hostname>x.example</hostname><port>0</port><socketType>SSL</socketType>" + auth + "</incomingServer>",
            "<incomingServer type=\"imap\"><hostname>x.example</hostname><port>993</port><socketType>TLS</socketType>" + auth + "</incomingServer>",
            "<incomingServer type=\"imap\"><port>993</port><socketType>SSL</socketType>" + auth + "</incomingServer>",
            // Another protocol, or the wrong direction.
            "<incomingServer type=\"jmap\"><url>https://x.example</url>" + auth + "</incomingServer>",
            "<outgoingServer type=\"imap\">" + complete + auth + "</outgoingServer>")
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Integer>> positions() {
    return Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> unusableValues() {
    return Arbitraries.of(
            "<hostname>bad..example</hostname>", "<hostname>-x.example</hostname>", "<hostname></hostname>",
            "<port>0</port>", "<port>65536</port>", "<port>x</port>", "<socketType>TLS</socketType>",
            "<socketType></socketType>", "<authentication>fancy-new-method</authentication>",
            "<authentication system=\"http\">Basic</authentication>", "<unknown>x</unknown>")
        .list()
        .ofMaxSize(4)
        .map(values -> String.join("", values));
  }

  @Provide
  Arbitrary<String> repeatedValues() {
    return Arbitraries.of(
            "<hostname>other.example</hostname>", "<port>1</port>", "<port>x</port>", "<socketType>plain</socketType>",
            "<socketType>STARTTLS</socketType>", "<socketType>TLS</socketType>")
        .list()
        .ofMaxSize(4)
        .map(values -> String.join("", values));
  }

  @Test
  void everyBundledFileRoundTrips() {
    for (EmailProviderConfig provider : org.mailsettings.ProviderDatabase.bundled().providerConfigs()) {
      ClientConfig document = ClientConfig.builder().sourceName(provider.id()).version("1.2").addEmailProviders(provider).build();
      assertThat(parser.parse(ClientConfigWriter.write(document), provider.id())).isEqualTo(document);
    }
  }

  @Provide
  Arbitrary<ClientConfig> documents() {
    Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019-").ofMinLength(1).ofMaxLength(8)
        .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
    Arbitrary<String> domain = Combinators.combine(label, label).as((a, b) -> a + "." + b + "z");
    Arbitrary<String> text = Arbitraries.strings().withChars("aZ09 <>&\"'čř%.-_").ofMinLength(1).ofMaxLength(20)
        .map(String::strip).filter(s -> !s.isEmpty());
    Arbitrary<AuthMethod> auth = Arbitraries.oneOf(
        Arbitraries.of(AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.PASSWORD_ENCRYPTED, AuthMethod.OAUTH2, AuthMethod.NTLM,
            AuthMethod.GSSAPI, AuthMethod.TLS_CLIENT_CERT, AuthMethod.CLIENT_IP_ADDRESS, AuthMethod.NONE),
        Arbitraries.strings().withChars("ABCXYZ019-_").ofMinLength(1).ofMaxLength(20).map(AuthMethod::sasl));
    Arbitrary<ServerConfig> server = Builders.withBuilder(ServerConfig::builder)
        .use(Arbitraries.of(Protocol.IMAP, Protocol.POP3)).in((b, p) -> b.protocol(p))
        .use(Arbitraries.oneOf(domain, Arbitraries.just("%EMAILDOMAIN%"), domain.map(d -> "mail.%EMAILDOMAIN%"))).in((b, h) -> b.hostname(h))
        .use(Arbitraries.integers().between(1, 65535)).in((b, p) -> b.port(p))
        .use(Arbitraries.of(Security.class)).in((b, s) -> b.security(s))
        // A section needs a method the library knows, or the parser ignores it (as the draft says).
        .use(auth.list().ofMinSize(1).ofMaxSize(3).uniqueElements()).in((b, a) -> b.authMethods(a))
        .use(Arbitraries.of("%EMAILADDRESS%", "%EMAILLOCALPART%", "fixed-user").optional()).in((b, u) -> { u.ifPresent(b::username); return b; })
        .use(Arbitraries.of("", "INBOX").optional()).in((b, p) -> { p.ifPresent(b::imapPathPrefix); return b; })
        .use(Arbitraries.<List<String>>of(List.of(), List.of("TLSv1.2"), List.of("TLSv1.3", "TLSv1.2"))).in((b, t) -> b.tlsVersions(t))
        .use(Arbitraries.longs().between(1, 100_000_000).optional()).in((b, m) -> { m.ifPresent(b::maxMessageSize); return b; })
        .use(Arbitraries.of(true, false).optional()).in((b, l) -> { l.ifPresent(b::leaveMessagesOnServer); return b; })
        .use(Arbitraries.of("--", "-").optional()).in((b, d) -> { d.ifPresent(b::domainDotReplacement); return b; })
        .build(ServerConfig.Builder::build);
    Arbitrary<ServerConfig> smtp = server.map(s -> ServerConfig.builder().from(s).protocol(Protocol.SMTP).build());
    Arbitrary<EmailProviderConfig> provider = Builders.withBuilder(EmailProviderConfig::builder)
        .use(label).in((b, id) -> b.id(id))
        .use(domain.list().ofMaxSize(3)).in((b, d) -> b.domains(d))
        .use(domain.list().ofMaxSize(2)).in((b, d) -> b.mxDomains(d))
        .use(text.optional()).in((b, n) -> { n.ifPresent(b::displayName); return b; })
        .use(text.optional()).in((b, n) -> { n.ifPresent(b::displayShortName); return b; })
        .use(domain.map(d -> "https://" + d + "/help?a=1&b=2").list().ofMaxSize(2)).in((b, u) -> b.documentationUrls(u))
        .use(server.list().ofMaxSize(3)).in((b, s) -> b.incomingServers(s))
        .use(smtp.list().ofMaxSize(3)).in((b, s) -> b.outgoingServers(s))
        .use(text.list().ofMaxSize(2)).in((b, n) -> b.notes(n))
        .build(EmailProviderConfig.Builder::build);
    return provider.list().ofMinSize(1).ofMaxSize(2)
        .map(providers -> ClientConfig.builder().sourceName("generated").version("1.2").emailProviders(providers).build());
  }
}
