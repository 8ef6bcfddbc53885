package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.FuzzInput;

/**
 * A {@code WWW-Authenticate} header value from a protected resource (anything a server sends),
 * read by {@link WwwAuthenticate#resourceMetadata}: a non-empty value without control characters,
 * or nothing, never an exception. Seeds: {@code WwwAuthenticateFuzzTestInputs/resourceMetadata/}.
 */
@Timeout(10)
class WwwAuthenticateFuzzTest {

  @FuzzTest
  void resourceMetadata(byte[] data) {
    String header = FuzzInput.text(data);
    Optional<String> pointer = WwwAuthenticate.resourceMetadata(header);
    if (pointer.isPresent()) {
      assertThat(pointer.get()).isNotEmpty();
      assertThat(pointer.get().chars()).noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
      assertThat(header.toLowerCase(java.util.Locale.ROOT)).contains("bearer").contains("resource_metadata");
    }
  }
}
