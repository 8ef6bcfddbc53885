package org.mailsettings.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.ProviderDatabase;
import org.mailsettings.Resolution;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.testing.FuzzInput;

/**
 * The clientConfig parser on any bytes, and what every source does with the document it accepted:
 * discovery's reading of an autoconfig or ISPDB answer ({@link Results#fromDocument}) and a
 * resolver built on it as the application's own provider file. Only {@link ClientConfigException}
 * may come out of the parser; nothing may come out of the rest.
 *
 * <p>Seeds, read from the class path: every bundled provider file, every document of the ISPDB
 * snapshot (MPL-2.0, see its README), the autoconfig draft's sample and the hostile documents of
 * the parser's tests; and the documents in {@code ClientConfigFuzzTestInputs/parse/}.
 */
@Timeout(10)
class ClientConfigFuzzTest {
  private static final List<EmailAddress> OTHERS =
      List.of(EmailAddress.parse("jan.novak+test@example.cz"), EmailAddress.parse("\"a b\"@xn--pklad-zsa96e.cz"));

  static Stream<Arguments> parse() {
    return Stream.of(
            FuzzInput.resourceFiles("/org/mailsettings/providers/", ".xml"),
            FuzzInput.resourceFiles("/org/mailsettings/ispdb/", ".xml"),
            FuzzInput.resourceFiles("/org/mailsettings/clientconfig/", ".xml"),
            FuzzInput.resourceFiles("/org/mailsettings/clientconfig/autoconfig-draft/", ".xml"))
        .flatMap(s -> s);
  }

  @MethodSource
  @FuzzTest
  void parse(byte[] data) {
    ClientConfig document;
    try {
      document = ClientConfigParser.defaults().parse(new ByteArrayInputStream(data), "fuzz.xml");
    } catch (ClientConfigException refused) {
      return;
    }
    List<EmailAddress> addresses = new ArrayList<>(OTHERS);
    for (EmailProviderConfig provider : document.emailProviders()) {
      for (String domain : provider.domains()) {
        try {
          addresses.add(EmailAddress.of("info", domain));
        } catch (InvalidEmailAddressException e) {
          // a host name such as "localhost" is no mail domain
        }
      }
    }
    for (EmailAddress address : addresses.subList(0, Math.min(addresses.size(), 6))) {
      SourceResult result =
          Results.fromDocument(Source.AUTOCONFIG, "fuzz", document, address, Trust.TRUSTED,
              List.of(Note.of(NoteCode.FROM_AUTOCONFIG, address.domain())), List.of(), Duration.ZERO);
      result.incoming().forEach(ClientConfigFuzzTest::checkCandidate);
      result.outgoing().forEach(ClientConfigFuzzTest::checkCandidate);
    }
    MailSettingsResolver resolver =
        MailSettingsResolver.builder().addProviders(ProviderDatabase.of("fuzz", List.of(document))).build();
    try (resolver) {
      for (EmailAddress address : addresses.subList(0, Math.min(addresses.size(), 4))) {
        Resolution resolution = resolver.resolve(address);
        resolution.incoming().forEach(ClientConfigFuzzTest::checkCandidate);
        resolution.outgoing().forEach(ClientConfigFuzzTest::checkCandidate);
      }
    }
  }

  private static void checkCandidate(Candidate candidate) {
    String host = candidate.settings().host();
    assertThat(HostNames.normalise(host)).as("host of %s", candidate).contains(host);
  }
}
