package org.mailsettings.jakarta;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The adapter's view of core's test TLS material ({@link org.mailsettings.testing.TestTls}). */
final class TestTls {
  private TestTls() {}

  static Path directory() {
    return org.mailsettings.testing.TestTls.directory();
  }

  /** What clients trust: the test CA. */
  static KeyStore trustStore() {
    return org.mailsettings.testing.TestTls.keyStore("truststore.p12");
  }

  /** Client options that trust the test CA, with short timeouts. */
  static MailOptions.Builder clientOptions() {
    return MailOptions.builder()
        .trustStore(trustStore())
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5));
  }

  /** A server-side context presenting the certificate of {@code name}.p12. */
  static SSLContext serverContext(String name) {
    return org.mailsettings.testing.TestTls.server(name);
  }
}
