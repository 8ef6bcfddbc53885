package org.mailsettings.oauth2;

import java.time.Duration;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.testing.TestTls;

/** The tests' mail side: a connector that trusts the test authority, with short timeouts. */
final class TestMail {
  private TestMail() {}

  /** A new connector (the caller closes it) trusting the test CA: 5 s to connect, 10 s to read and write. */
  static MailConnector connector() {
    return connector(Duration.ofSeconds(10));
  }

  /** A new connector trusting the test CA that waits {@code read} for each answer. */
  static MailConnector connector(Duration read) {
    return MailConnector.create(MailOptions.builder()
        .trustStore(TestTls.keyStore("truststore.p12"))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(read)
        .writeTimeout(Duration.ofSeconds(10))
        .build());
  }
}
