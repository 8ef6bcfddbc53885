package org.mailsettings.internal.pacc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.json.Json;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.text.Texts;

/**
 * The PACC readers on any bytes: the document ({@code user-agent-configuration.json}, through the
 * strict JSON reader) and the UAAC1 digest record. From the document only {@link
 * PaccDocument.MalformedException} may come out, and what is accepted holds only host names,
 * https URLs, safe text within the draft's lengths, maps onto implicit-TLS servers on PACC's
 * ports, and writes back to a document that reads back equal. Seeds: {@code
 * PaccFuzzTestInputs/read/} (documents) and {@code PaccFuzzTestInputs/record/} (TXT records).
 */
@Timeout(10)
class PaccFuzzTest {
  @FuzzTest
  void read(byte[] data) throws PaccDocument.MalformedException {
    PaccDocument document;
    try {
      document = PaccDocument.read(data, 1 << 20);
    } catch (PaccDocument.MalformedException refused) {
      return;
    }
    for (String host : java.util.stream.Stream.of(document.imapHost(), document.pop3Host(), document.submitHost())
        .flatMap(java.util.Optional::stream).toList()) {
      assertThat(HostNames.normalise(host)).contains(host);
      assertThat(HostNames.isIpLiteral(host)).isFalse();
    }
    for (URI url : document.services().values()) {
      assertThat(url.getScheme()).isEqualToIgnoringCase("https");
      assertThat(url.getHost()).isNotNull();
      assertThat(url.getPort()).isEqualTo(-1);
    }
    document.issuer().ifPresent(issuer -> {
      assertThat(issuer.getScheme()).isEqualTo("https");
      assertThat(issuer.getRawQuery()).isNull();
      assertThat(issuer.getRawFragment()).isNull();
    });
    String name = document.providerName();
    assertThat(name).isNotBlank().isEqualTo(Texts.safe(name));
    assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(PaccDocument.MAX_NAME);
    document.shortName().ifPresent(s -> assertThat(s.codePointCount(0, s.length())).isLessThanOrEqualTo(PaccDocument.MAX_SHORT_NAME));

    ClientConfig config = PaccMapping.toClientConfig(document, "example.cz", "fuzz");
    for (ServerConfig server : config.emailProviders().get(0).incomingServers()) {
      assertThat(server.security()).isEqualTo(Security.IMPLICIT_TLS);
      assertThat(server.port()).isIn(PaccMapping.IMAP_PORT, PaccMapping.POP3_PORT);
    }
    for (ServerConfig server : config.emailProviders().get(0).outgoingServers()) {
      assertThat(server.port()).isEqualTo(PaccMapping.SUBMIT_PORT);
    }

    // What a publisher would write of it reads back to the same document.
    byte[] written = Json.writeBytes(document.toJson());
    assertThat(PaccDocument.read(written, 1 << 22)).isEqualTo(document);
  }

  @FuzzTest
  void record(byte[] data) {
    String text = DigestRecord.text(data);
    DigestRecord.Parsed parsed = DigestRecord.parse(text);
    switch (parsed.kind()) {
      case VALID -> {
        assertThat(parsed.digest()).hasSize(32);
        assertThat(text).doesNotStartWith(" ").doesNotStartWith("\t");
        assertThat(text.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7E))).isTrue();
      }
      case MALFORMED, OTHER -> {
        assertThat(parsed.digest()).isNull();
        assertThat(parsed.problem()).isNotEmpty();
      }
    }
  }
}
