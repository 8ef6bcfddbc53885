package org.mailsettings.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mailsettings.Protocol;

/**
 * Every real-world document of the bundled ISPDB snapshot yields at least one usable server;
 * the odd ones are handled as the draft says.
 */
class IspdbCorpusTest {
  private final ClientConfigParser parser = ClientConfigParser.defaults();

  private static List<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(TestCorpora.ispdb())) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void theCorpusIsThere() throws IOException {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(160);
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentYieldsAUsableServer() throws IOException {
    return corpus().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      ClientConfig config = parser.parse(file);
                      assertThat(config.emailProviders()).isNotEmpty();
                      List<ServerConfig> servers =
                          config.emailProviders().stream()
                              .flatMap(p -> Stream.concat(p.incomingServers().stream(), p.outgoingServers().stream()))
                              .collect(Collectors.toList());
                      assertThat(servers).isNotEmpty();
                      assertThat(servers)
                          .allSatisfy(
                              s -> {
                                assertThat(s.hostname()).isNotBlank();
                                assertThat(s.port()).isBetween(1, 65535);
                                assertThat(s.security()).isNotNull();
                              });
                    }));
  }

  @Test
  void office365KeepsImapPop3AndSmtpAndDropsTheWebServicesSections() {
    ClientConfig config = parser.parse(TestCorpora.ispdb().resolve("office365.com.xml"));
    EmailProviderConfig provider = config.emailProviders().get(0);
    assertThat(provider.incomingServers()).extracting(ServerConfig::protocol)
        .containsExactly(Protocol.IMAP, Protocol.POP3);
    assertThat(provider.outgoingServers()).hasSize(1);
    assertThat(config.warnings())
        .hasSize(4)
        .allSatisfy(w -> assertThat(w).contains("ignored: not IMAP or POP3"));
    assertThat(config.oAuth2()).isPresent();
    assertThat(provider.incomingServers().get(1).leaveMessagesOnServer()).hasValue(true);
  }

  @Test
  void severalSectionsOfOneKindKeepTheProvidersOrder() {
    EmailProviderConfig gmx = parser.parse(TestCorpora.ispdb().resolve("gmx.net.xml")).emailProviders().get(0);
    assertThat(gmx.incomingServers())
        .extracting(s -> s.protocol() + ":" + s.port())
        .containsExactly("IMAP:993", "IMAP:143", "POP3:995", "POP3:110");
    assertThat(gmx.outgoingServers()).extracting(ServerConfig::port).containsExactly(465, 587);
  }

  @Test
  void theDraftsOwnVersion12SampleParses() {
    ClientConfig config = parser.parse(TestCorpora.autoconfigDraft().resolve("autoconfig-sample.xml"));
    assertThat(config.version()).isEqualTo("1.2");
    EmailProviderConfig provider = config.emailProviders().get(0);
    assertThat(provider.domains()).containsExactly("example.com", "example.net");
    assertThat(provider.incomingServers()).extracting(ServerConfig::hostname)
        .containsExactly("imap.example.com", "pop.example.com");
    assertThat(provider.outgoingServers()).extracting(ServerConfig::hostname)
        .containsExactly("smtp.googlemail.com");
    // jmap, ews and activesync sections carry URLs, not IMAP/POP3/SMTP: ignored, as the draft says.
    assertThat(config.warnings()).hasSize(3);
    assertThat(config.oAuth2()).hasValueSatisfying(o -> assertThat(o.issuer()).hasValue("login.example.com"));
  }
}
