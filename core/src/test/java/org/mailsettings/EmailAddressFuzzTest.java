package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.testing.FuzzInput;

/**
 * An address as typed ({@link EmailAddress#parse}), then offline resolution of what it accepted,
 * with up to three MX hints from the following lines. {@code parse} refuses with {@link
 * InvalidEmailAddressException} only, an accepted address prints as text that parses back to it,
 * and {@link MailSettingsResolver#resolve} never throws for it (a hint may be refused with {@link
 * InvalidSettingsException} when the request is built). Seeds: {@code
 * EmailAddressFuzzTestInputs/parseThenResolve/}.
 */
@Timeout(10)
class EmailAddressFuzzTest {
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();
  private static final ResolutionPolicy PLAINTEXT_POP3 =
      ResolutionPolicy.builder().allowPlaintext(true).preferredIncoming(Protocol.POP3).build();

  @FuzzTest
  void parseThenResolve(byte[] data) {
    List<String> lines = FuzzInput.lines(data, 4);
    EmailAddress address;
    try {
      address = EmailAddress.parse(lines.get(0));
    } catch (InvalidEmailAddressException refused) {
      assertThat(refused.reason()).isNotNull();
      return;
    }
    assertThat(EmailAddress.parse(address.toString())).isEqualTo(address);
    assertThat(EmailAddress.parse(address.asciiAddress()).asciiAddress()).isEqualTo(address.asciiAddress());

    check(RESOLVER.resolve(address));
    ResolutionRequest.Builder request = ResolutionRequest.builder().address(address).policy(PLAINTEXT_POP3);
    for (String hint : lines.subList(1, lines.size())) {
      try {
        ResolutionRequest.builder().address(address).addMxHosts(hint).build();
        request.addMxHosts(hint);
      } catch (InvalidSettingsException refused) {
        // not an MX host name: the caller is told when building the request
      }
    }
    check(RESOLVER.resolve(request.build()));
  }

  private static void check(Resolution resolution) {
    for (List<Candidate> candidates : List.of(resolution.incoming(), resolution.outgoing())) {
      for (Candidate candidate : candidates) {
        assertThat(HostNames.normalise(candidate.settings().host())).contains(candidate.settings().host());
      }
    }
  }
}
