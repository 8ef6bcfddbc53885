package org.mailsettings.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mailsettings.internal.net.HostNames;

class ClientConfigParserProperties {
  private final ClientConfigParser parser = ClientConfigParser.defaults();

  @Property(tries = 2000)
  void anyTextIsADocumentOrTheTypedError(@ForAll String text) {
    parseOrTypedError(text);
  }

  @Property(tries = 3000)
  void anyMixOfClientConfigFragmentsIsADocumentOrTheTypedError(@ForAll("fragments") String text) {
    ClientConfig config = parseOrTypedError(text);
    if (config != null) {
      config.emailProviders().stream()
          .flatMap(p -> java.util.stream.Stream.concat(p.incomingServers().stream(), p.outgoingServers().stream()))
          .forEach(s -> {
            assertThat(s.port()).isBetween(1, 65535);
            assertThat(s.hostname()).isNotBlank();
            assertThat(s.hostname().contains("%") || HostNames.normalise(s.hostname()).isPresent()).isTrue();
            assertThat(s.authMethods()).isNotEmpty();
          });
    }
  }

  private @org.jspecify.annotations.Nullable ClientConfig parseOrTypedError(String text) {
    try {
      return parser.parse(text, "generated");
    } catch (ClientConfigException expected) {
      assertThat(expected.getMessage()).startsWith("generated");
      return null;
    }
  }

  @Provide
  Arbitrary<String> fragments() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "<emailProvider id=\"x\">", "</emailProvider>", "<incomingServer type=\"imap\">", "</incomingServer>",
            "<outgoingServer type=\"smtp\">", "</outgoingServer>", "<hostname>h.example</hostname>",
            "<hostname>%EMAILDOMAIN%</hostname>", "<port>993</port>", "<port>-1</port>", "<port>x</port>",
            "<port>99999999999</port>", "<socketType>SSL</socketType>", "<socketType>plain</socketType>",
            "<authentication>OAuth2</authentication>", "<authentication>smtp-after-pop</authentication>",
            "<authentication>none</authentication>", "<authentication>fancy</authentication>",
            "<hostname>bad..example</hostname>", "<socketType>TLS</socketType>",
            "<domain>a.example</domain>", "<domain purpose=\"mx\">b</domain>",
            "<unknown/>", "&amp;", "&foo;", "<![CDATA[x]]>", "<!-- c -->", "<", ">", "\u00e9", "\u0000");
    return fragment.list().ofMaxSize(12).map(parts -> "<clientConfig>" + String.join("", parts) + "</clientConfig>");
  }
}
