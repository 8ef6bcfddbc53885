package org.mailsettings.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.Candidate;
import org.mailsettings.Trust;
import org.mailsettings.internal.net.HostNames;

/**
 * The Autodiscover (POX) parser on any bytes, and the candidates discovery makes of what it
 * accepted. Only {@link AutodiscoverParser.MalformedException} may come out; a section that cannot
 * make settings is dropped alone. Seeds: {@code AutodiscoverFuzzTestInputs/parse/}.
 */
@Timeout(10)
class AutodiscoverFuzzTest {
  @FuzzTest
  void parse(byte[] data) {
    AutodiscoverParser.Response response;
    try {
      response = AutodiscoverParser.parse(data);
    } catch (AutodiscoverParser.MalformedException refused) {
      return;
    }
    for (Candidate candidate : AutodiscoverTask.candidates(response, "jan@example.cz", Trust.TRUSTED, "autodiscover.example.cz")) {
      String host = candidate.settings().host();
      assertThat(HostNames.normalise(host)).contains(host);
      assertThat(candidate.settings().port()).isBetween(1, 65535);
    }
  }
}
