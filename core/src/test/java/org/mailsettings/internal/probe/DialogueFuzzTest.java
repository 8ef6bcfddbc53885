package org.mailsettings.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.Protocol;
import org.mailsettings.internal.text.Texts;

/**
 * The prober's side of an IMAP, POP3 and SMTP conversation, fed the server's bytes: the greeting,
 * the capabilities, STARTTLS, the capabilities again (on the same bytes, where the real prober
 * would have started TLS), goodbye, through the same bounded {@link LineConnection}. Only an
 * {@link IOException} (the server closed, or broke a bound or the protocol) may come out; what is
 * read is a list of SASL mechanism names. Seeds: transcripts of real servers in {@code
 * DialogueFuzzTestInputs/converse/}.
 */
@Timeout(10)
class DialogueFuzzTest {
  @FuzzTest
  void converse(byte[] data) {
    for (Protocol protocol : Protocol.values()) {
      Dialogue dialogue = Dialogue.of(protocol, "probe.mailsettings.invalid");
      LineConnection connection = new LineConnection(new ByteArrayInputStream(data), OutputStream.nullOutputStream());
      try {
        String greeting = dialogue.greeting(connection);
        assertThat(greeting.length()).isLessThanOrEqualTo(LineConnection.MAX_LINE);
        Dialogue.recognise(greeting);
        Texts.safe(greeting);
        check(dialogue.capabilities(connection));
        if (dialogue.startTls(connection)) {
          check(dialogue.capabilities(connection));
        }
        dialogue.quit(connection);
      } catch (IOException expected) {
        // the prober's typed outcomes: closed, timed out, malformed
      }
    }
  }

  private static void check(Dialogue.Capabilities capabilities) {
    for (String mechanism : capabilities.mechanisms()) {
      assertThat(mechanism).as("a SASL mechanism name (RFC 4422)").matches("[A-Z0-9_-]{1,20}");
    }
  }
}
