package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/** {@code mailsettings publish --pacc}: written, served on loopback, discovered by the same command line. */
class PublishCommandTest {
  private static final String PROVIDER = """
      <clientConfig version="1.1"><emailProvider id="hoster.cz"><domain>hoster.cz</domain>
        <displayName>Hoster s.r.o.</displayName>
        <incomingServer type="imap"><hostname>imap.hoster.cz</hostname><port>993</port><socketType>SSL</socketType>
          <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>
        <incomingServer type="imap"><hostname>imap.hoster.cz</hostname><port>143</port><socketType>STARTTLS</socketType>
          <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>
        <outgoingServer type="smtp"><hostname>smtp.%EMAILDOMAIN%</hostname><port>465</port><socketType>SSL</socketType>
          <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>
      </emailProvider></clientConfig>""";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path directory;

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    picocli.CommandLine commandLine = MailSettingsCommand.commandLine(Map.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path providerFile() throws Exception {
    Path file = directory.resolve("hoster.cz.xml");
    Files.writeString(file, PROVIDER, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void publishedIsDiscoveredWithTheSameServers() throws Exception {
    Path site = directory.resolve("public");
    int status = run("publish", "--pacc", providerFile().toString(), "--domain", "klient.cz", "--out", site.toString(),
        "--issuer", "https://auth.hoster.cz/", "--ttl", "600", "--autoconfig");
    assertThat(status).as(err.toString()).isZero();

    Path document = site.resolve("klient.cz/.well-known/user-agent-configuration.json");
    assertThat(document).exists();
    assertThat(Files.readString(document)).contains("\"imap.hoster.cz\"", "\"smtp.klient.cz\"", "\"submit\"", "https://auth.hoster.cz/");
    assertThat(site.resolve("klient.cz/mail/config-v1.1.xml")).exists();
    String zoneLine = out.toString().strip();
    assertThat(zoneLine).startsWith("_ua-auto-config.klient.cz. 600 IN TXT \"v=UAAC1; a=sha256; d=").endsWith("=\"");
    assertThat(err.toString()).contains("STARTTLS");

    // Served as written, the record as printed: the command line discovers it.
    String record = zoneLine.substring(zoneLine.indexOf('"') + 1, zoneLine.length() - 1);
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      https.route("/klient.cz/.well-known/user-agent-configuration.json", new TestHttpServer.Response(
          200, Map.of("Content-Type", "application/json"), Files.readAllBytes(document), Duration.ZERO, Duration.ZERO, false));
      dns.txt("_ua-auto-config.klient.cz", false, record);
      String base = https.base();
      status = run("--json", "--quiet", "--timeout", "5", "--dns", "127.0.0.1:" + dns.port(),
          "--url", "PACC=" + base + "/%EMAILDOMAIN%/.well-known/user-agent-configuration.json",
          "--ispdb", base + "/ispdb/", "--url", "AUTOCONFIG=" + base + "/ac/%EMAILDOMAIN%",
          "--url", "WELL_KNOWN=" + base + "/wk/%EMAILDOMAIN%", "--url", "AUTOCONFIG_HTTP=" + base + "/plain/%EMAILDOMAIN%",
          "--url", "AUTODISCOVER=" + base + "/ad/%EMAILDOMAIN%",
          "--truststore", TestTls.directory().resolve("truststore.p12").toString(),
          "eva@klient.cz");
      assertThat(status).as(err.toString()).isZero();
      String json = out.toString();
      assertThat(json)
          .contains("\"host\":\"imap.hoster.cz\",\"port\":993")
          .contains("\"host\":\"smtp.klient.cz\",\"port\":465")
          .contains("\"source\":\"PACC\",\"trust\":\"TRUSTED\"")
          .doesNotContain("\"port\":143");
    }
  }

  @Test
  void theFilesDomainsAreTheDefault() throws Exception {
    int status = run("publish", "--pacc", providerFile().toString(), "--out", directory.resolve("o").toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(directory.resolve("o/hoster.cz/.well-known/user-agent-configuration.json")).exists();
    assertThat(out.toString()).startsWith("_ua-auto-config.hoster.cz. 3600 IN TXT ");
  }

  @Test
  void badInputIsAOneLineError() throws Exception {
    assertThat(run("publish", "--pacc", directory.resolve("missing.xml").toString(), "--out", directory.toString()))
        .isEqualTo(MailSettingsCommand.BAD_INPUT);
    assertThat(err.toString()).startsWith("mailsettings publish: ");
    assertThat(run("publish", "--pacc", providerFile().toString(), "--out", directory.toString(), "--issuer", "http://auth.hoster.cz/"))
        .isEqualTo(MailSettingsCommand.BAD_INPUT);
    assertThat(err.toString()).startsWith("mailsettings publish: ").contains("https");
    Path starttlsOnly = directory.resolve("starttls.xml");
    Files.writeString(starttlsOnly, PROVIDER.replace("<port>993</port><socketType>SSL</socketType>", "<port>143</port><socketType>STARTTLS</socketType>")
        .replace("<port>465</port><socketType>SSL</socketType>", "<port>587</port><socketType>STARTTLS</socketType>"));
    assertThat(run("publish", "--pacc", starttlsOnly.toString(), "--out", directory.toString())).isEqualTo(MailSettingsCommand.BAD_INPUT);
    assertThat(err.toString()).contains("No server");
    assertThat(run("publish", "--pacc", providerFile().toString(), "--out", directory.toString(), "--domain", "not a domain"))
        .isEqualTo(MailSettingsCommand.BAD_INPUT);
  }
}
