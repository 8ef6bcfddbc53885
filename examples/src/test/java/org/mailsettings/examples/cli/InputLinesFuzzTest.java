package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * The command line's reader of standard input ({@code mailsettings -}) on any bytes: never an
 * exception, never a stack overflow; every line is a text or an error, numbered in order, and a
 * text is stripped, not blank, not a comment, and within {@link InputLines#MAX_LINE} bytes. Seeds:
 * {@code InputLinesFuzzTestInputs/read/}.
 */
@Timeout(10)
class InputLinesFuzzTest {
  @FuzzTest
  void read(byte[] data) {
    InputLines lines = new InputLines(new ByteArrayInputStream(data));
    long last = 0;
    while (lines.hasNext()) {
      InputLines.Line line = lines.next();
      assertThat(line.number()).isGreaterThan(last);
      last = line.number();
      assertThat(line.text() == null).isNotEqualTo(line.error() == null);
      if (line.text() != null) {
        String text = line.text();
        assertThat(text).isEqualTo(text.strip()).isNotEmpty().doesNotStartWith("#");
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(InputLines.MAX_LINE);
      }
    }
    assertThat(last).isLessThanOrEqualTo(data.length + 1L);
  }
}
