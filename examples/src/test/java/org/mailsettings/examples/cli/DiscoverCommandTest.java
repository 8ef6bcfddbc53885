package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/** The command line discovering against loopback HTTPS and DNS servers. */
class DiscoverCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    picocli.CommandLine commandLine = MailSettingsCommand.commandLine(Map.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }


  @Test
  void discoversAnUnknownDomainWithProgressAndPerSourceRecords() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      https.route("/ispdb/firma-x.cz", Response.ok(
          "<clientConfig><emailProvider id=\"firma-x.cz\"><domain>firma-x.cz</domain>"
              + "<incomingServer type=\"imap\"><hostname>imap.firma-x.cz</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
              + "<username>%EMAILADDRESS%</username></incomingServer>"
              + "<outgoingServer type=\"smtp\"><hostname>smtp.firma-x.cz</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
              + "<username>%EMAILADDRESS%</username></outgoingServer></emailProvider></clientConfig>"));
      dns.mx("firma-x.cz", false, Duration.ZERO, "mx.firma-x.cz");
      String base = https.base();
      picocli.CommandLine commandLine = MailSettingsCommand.commandLine(Map.of());
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int status = commandLine.execute(
          "--json", "--timeout", "5",
          "--dns", "127.0.0.1:" + dns.port(),
          "--ispdb", base + "/ispdb/",
          "--url", "AUTOCONFIG=" + base + "/ac/%EMAILDOMAIN%",
          "--url", "WELL_KNOWN=" + base + "/wk/%EMAILDOMAIN%",
          "--url", "AUTOCONFIG_HTTP=" + base + "/plain/%EMAILDOMAIN%",
          "--url", "AUTODISCOVER=" + base + "/ad/%EMAILDOMAIN%",
          "--truststore", TestTls.directory().resolve("truststore.p12").toString(),
          "jan@firma-x.cz");
      assertThat(status).as(err.toString()).isZero();
      assertThat(out.toString())
          .contains("\"host\":\"imap.firma-x.cz\"")
          .contains("\"source\":\"ISPDB\",\"trust\":\"TRUSTED\"")
          .contains("\"sources\":[")
          .contains("{\"source\":\"ISPDB\",\"query\":\"" + base + "/ispdb/firma-x.cz\",\"outcome\":\"FOUND\"")
          .contains("\"hostDomains\":[\"firma-x.cz\"]");
      assertThat(err.toString()).contains("discovering settings for jan@firma-x.cz").contains("central database (ISPDB): FOUND");
    }
  }

  @Test
  void discoverAsksTheNetworkEvenForADomainTheBundledDatabaseKnows() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      https.route("/ispdb/vizus.cz", Response.ok(
          "<clientConfig><emailProvider id=\"vizus.cz\"><domain>vizus.cz</domain>"
              + "<incomingServer type=\"imap\"><hostname>imap.online.example</hostname><port>993</port><socketType>SSL</socketType>"
              + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
              + "</emailProvider></clientConfig>"));
      String base = https.base();
      for (String list : new String[] {"no", "yes"}) {
        out.getBuffer().setLength(0);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--json", "--quiet", "--discover", "--timeout", "5",
            "--dns", "127.0.0.1:" + dns.port(), "--ispdb", base + "/ispdb/",
            "--url", "AUTOCONFIG=" + base + "/ac/%EMAILDOMAIN%", "--url", "WELL_KNOWN=" + base + "/wk/%EMAILDOMAIN%",
            "--url", "AUTOCONFIG_HTTP=" + base + "/plain/%EMAILDOMAIN%", "--url", "AUTODISCOVER=" + base + "/ad/%EMAILDOMAIN%",
            "--truststore", TestTls.directory().resolve("truststore.p12").toString()));
        int status;
        if (list.equals("yes")) {
          args.add("-");
          byte[] input = "info@vizus.cz\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          picocli.CommandLine commandLine = MailSettingsCommand.commandLine(Map.of(), () -> new java.io.ByteArrayInputStream(input), () -> false);
          commandLine.setOut(new PrintWriter(out, true));
          commandLine.setErr(new PrintWriter(err, true));
          status = commandLine.execute(args.toArray(String[]::new));
        } else {
          args.add("info@vizus.cz");
          status = run(args.toArray(String[]::new));
        }
        assertThat(status).as(list + ": " + err).isZero();
        // The online ISPDB answers: the bundled database and its ISPDB snapshot are left out.
        assertThat(out.toString()).as(list).contains("\"host\":\"imap.online.example\"").doesNotContain("BUNDLED_DATABASE");
      }
    }
  }

  @Test
  void offlineNeverAsksTheNetwork() throws Exception {
    try (TestDnsServer dns = new TestDnsServer()) {
      assertThat(run("--offline", "--dns", "127.0.0.1:" + dns.port(), "jan@nowhere-known.cz")).isZero();
      assertThat(dns.queryCount()).isZero();
      assertThat(out.toString()).contains("guess");
    }
  }

  @Test
  void aBadDnsOptionIsBadInput() {
    assertThat(run("--dns", "127.0.0.1:xx", "jan@x.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("--dns wants a port number");
    for (String bad : new String[] {"dns.example.net", "[::1", "[::1]x", "127.0.0.1:0", "999.1.1.1"}) {
      err.getBuffer().setLength(0);
      assertThat(run("--dns", bad, "jan@x.cz")).as(bad).isEqualTo(2);
      assertThat(err.toString().lines().count()).as(bad).isEqualTo(1);
      assertThat(err.toString()).doesNotContain("(null)").doesNotContain("Exception");
    }
  }

  @Test
  void anIpv6DnsServerIsAccepted() throws Exception {
    assertThat(run("--offline", "--dns", "[::1]:5353", "jan@x.cz")).isZero();
    assertThat(run("--offline", "--dns", "::1", "jan@x.cz")).isZero();
  }

  @Test
  void aBadUrlTemplateIsOneLineOfBadInputAndNoCrash() {
    assertThat(run("--url", "AUTOCONFIG=https://%EMAILDOMAIN% /x", "jan@x.cz")).isEqualTo(2);
    assertThat(err.toString().lines().count()).isEqualTo(1);
    assertThat(err.toString()).contains("Not a URL template");
    err.getBuffer().setLength(0);
    assertThat(run("--ispdb", "not a url", "jan@x.cz", "info@vizus.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("ISPDB").doesNotContain("Exception");
  }
}
