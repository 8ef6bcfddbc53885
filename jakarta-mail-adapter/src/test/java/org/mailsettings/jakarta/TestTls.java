package org.mailsettings.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The test TLS material of core's test resources ({@code core/src/test/resources/tls}). */
final class TestTls {
  static final char[] PASSWORD = "changeit".toCharArray();

  private TestTls() {}

  static Path directory() {
    return Path.of(System.getProperty("mailsettings.tls", "../core/src/test/resources/tls"));
  }

  static KeyStore keyStore(String name) {
    try (InputStream in = Files.newInputStream(directory().resolve(name))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load " + name, e);
    }
  }

  /** What clients trust: the test CA. */
  static KeyStore trustStore() {
    return keyStore("truststore.p12");
  }

  /** Client options that trust the test CA, with short timeouts. */
  static MailOptions.Builder clientOptions() {
    return MailOptions.builder()
        .trustStore(trustStore())
        .connectTimeout(java.time.Duration.ofSeconds(5))
        .readTimeout(java.time.Duration.ofSeconds(5))
        .writeTimeout(java.time.Duration.ofSeconds(5));
  }

  /** A server-side context presenting the certificate of {@code name}.p12. */
  static SSLContext serverContext(String name) {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore(name + ".p12"), PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
