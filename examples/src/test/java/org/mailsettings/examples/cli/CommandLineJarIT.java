package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailsettings.testing.FuzzInput;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/**
 * The shaded command-line jar, run as people run it ({@code java -jar mailsettings.jar}, in a
 * process of its own on this JVM's Java), discovering against loopback HTTPS and DNS servers.
 * The in-process command tests run on the module's class path and cannot see what the shading
 * leaves out: the jar once lacked SLF4J, which dnsjava logs through (every DNS query failed), and
 * the {@code Multi-Release} entry, without which a Java 18+ JVM finds dnsjava's host-name resolver
 * service but not its class (every host-name lookup failed). Runs after {@code package}.
 */
class CommandLineJarIT {
  private static final Path JAR = Path.of("target", "mailsettings.jar");

  @Test
  void theShadedJarDiscoversOverDnsAndHttps() throws Exception {
    assertThat(JAR).as("built by the package phase").isRegularFile();
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      https.route("/ispdb/firma-x.cz", Response.ok(
          new String(FuzzInput.resource("/org/mailsettings/examples/cli/firma-x.cz.xml"), StandardCharsets.UTF_8)));
      dns.mx("firma-x.cz", false, Duration.ZERO, "mx.firma-x.cz");
      String base = https.base();
      Path tls = TestTls.directory();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", JAR.toString(),
          "--json", "--timeout", "10", "--dns", "127.0.0.1:" + dns.port(), "--ispdb", base + "/ispdb/",
          "--url", "AUTOCONFIG=" + base + "/ac/%EMAILDOMAIN%", "--url", "WELL_KNOWN=" + base + "/wk/%EMAILDOMAIN%",
          "--url", "AUTOCONFIG_HTTP=" + base + "/plain/%EMAILDOMAIN%", "--url", "AUTODISCOVER=" + base + "/ad/%EMAILDOMAIN%",
          "--truststore", tls.resolve("truststore.p12").toString(), "jan@firma-x.cz"));
      Path out = Files.createTempFile("mailsettings-jar", ".out");
      Path err = Files.createTempFile("mailsettings-jar", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("the command line did not end within 60 s: " + read(err));
        }
        String stderr = read(err);
        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("NoClassDefFoundError").doesNotContain("ServiceConfigurationError")
            .doesNotContain("InetAddressResolverProvider").contains("central database (ISPDB): FOUND")
            .contains("MX record: NOTHING");
        assertThat(read(out)).contains("\"host\":\"imap.firma-x.cz\"").contains("\"source\":\"ISPDB\",\"trust\":\"TRUSTED\"");
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
