package org.mailsettings.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * The bytes of a refused {@code OAUTHBEARER} login's challenge (anything a mail server sends),
 * read by {@link BearerChallengeReader#read}: no challenge, or one whose every member has passed
 * its check, never an exception. Seeds: {@code BearerChallengeFuzzTestInputs/read/}.
 */
@Timeout(10)
class BearerChallengeFuzzTest {

  @FuzzTest
  void read(byte[] data) {
    BearerChallengeReader.Read read = BearerChallengeReader.read(data);
    if (read == null) {
      return;
    }
    assertThat(data.length).isLessThanOrEqualTo(BearerChallengeReader.MAX_BYTES);
    assertThat(read.status()).isNotEmpty().hasSizeLessThanOrEqualTo(128);
    assertThat(read.status().chars()).allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\');
    if (read.scope() != null) {
      assertThat(read.scope()).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
      assertThat(read.scope().chars()).allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\');
    }
    if (read.openidConfiguration() != null) {
      assertThat(read.openidConfiguration().getScheme()).isEqualToIgnoringCase("https");
      assertThat(read.openidConfiguration().getHost()).isNotNull();
      assertThat(read.openidConfiguration().getRawUserInfo()).isNull();
      assertThat(read.openidConfiguration().getRawFragment()).isNull();
    }
  }
}
