package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/** The command line answering lists ({@code -}, {@code --input}) through the bulk API: CSV, order, progress, summary. */
class ListCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, boolean terminal, String... args) {
    byte[] bytes = stdin.getBytes(StandardCharsets.UTF_8);
    picocli.CommandLine commandLine = MailSettingsCommand.commandLine(Map.of(), () -> new ByteArrayInputStream(bytes), () -> terminal);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private List<String> outLines() {
    return out.toString().lines().collect(Collectors.toList());
  }

  @Test
  void csvInKeepsTheOtherColumnsAndCsvOutGivesTheBestSettingsInInputOrder() {
    String csv = "\uFEFFJméno;E-mail;Město\r\n"
        + "\"Novák; Jan\";info@vizus.cz;Praha\r\n"
        + "Broken;no-at-sign;Brno\r\n"
        + "\r\n"
        + "Multi;x@gmail.com;\"two\r\nlines\"\r\n";
    assertThat(run(csv, false, "--offline", "--csv", "e-mail", "--format", "csv", "-")).isEqualTo(2);
    List<String> lines = outLines();
    assertThat(lines.get(0)).isEqualTo("Jméno;E-mail;Město;" + String.join(";", AnswerPrinter.CSV_COLUMNS));
    assertThat(lines.get(1)).startsWith("\"Novák; Jan\";info@vizus.cz;Praha;0;info@vizus.cz;found;;VIZUS;IMAP;mail.vizus.cz;993;IMPLICIT_TLS;info@vizus.cz;BUNDLED_DATABASE;TRUSTED;smtp.vizus.cz;465;IMPLICIT_TLS;");
    assertThat(lines.get(2)).startsWith("Broken;no-at-sign;Brno;1;no-at-sign;invalid;");
    assertThat(out.toString()).contains("\nMulti;x@gmail.com;\"two\nlines\";2;x@gmail.com;found;;Google");
    assertThat(lines).hasSize(5); // the quoted line end makes the last record two lines
    assertThat(err.toString()).contains("no-at-sign").contains("3 inputs in").contains("2 with settings (bundled database 2), 0 without, 1 not an address");
  }

  @Test
  void jsonAnswersCarryTheIndexAndTheColumnsByName(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("contacts.csv");
    Files.writeString(file, "id,email\n7,info@vizus.cz\n8,\n");
    assertThat(run("", false, "--offline", "--quiet", "--json", "--csv", "2", "--input", file.toString())).isEqualTo(2);
    List<String> lines = outLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"index\":0,\"address\":\"info@vizus.cz\"").endsWith("\"columns\":{\"id\":\"7\",\"email\":\"info@vizus.cz\"}}");
    assertThat(lines.get(1)).startsWith("{\"index\":1,\"address\":\"\",\"error\":").endsWith("\"columns\":{\"id\":\"8\",\"email\":\"\"}}");
    assertThat(err.toString()).as("--quiet leaves standard error to errors").doesNotContain("inputs in");
  }

  @Test
  void asCompletedTheFastDomainsComeFirstAndInInputOrderTheyWait() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      https.route("/ispdb/slow.cz", Response.ok(config("slow.cz")).delayed(Duration.ofMillis(1500)));
      for (int d = 0; d < 6; d++) {
        https.route("/ispdb/fast" + d + ".cz", Response.ok(config("fast" + d + ".cz")));
      }
      StringBuilder list = new StringBuilder("a@slow.cz\n");
      for (int i = 0; i < 30; i++) {
        list.append("user").append(i).append("@fast").append(i % 6).append(".cz\n");
      }
      List<String> args = new ArrayList<>(List.of("--json", "--quiet", "--timeout", "10", "--dns", "127.0.0.1:" + dns.port(),
          "--ispdb", https.base() + "/ispdb/", "--truststore", TestTls.directory().resolve("truststore.p12").toString()));
      for (String source : List.of("AUTOCONFIG", "WELL_KNOWN", "AUTOCONFIG_HTTP", "AUTODISCOVER")) {
        args.add("--url");
        args.add(source + "=" + https.base() + "/" + source + "/%EMAILDOMAIN%");
      }
      List<String> completed = new ArrayList<>(args);
      completed.addAll(List.of("--order", "completed", "-"));
      assertThat(run(list.toString(), false, completed.toArray(String[]::new))).as(err.toString()).isZero();
      List<String> lines = outLines();
      assertThat(lines).hasSize(31);
      assertThat(lines.get(30)).as("the slow domain's answer comes last").startsWith("{\"index\":0,\"address\":\"a@slow.cz\"");
      assertThat(lines.get(0)).contains("\"host\":\"imap.fast");
      // Each domain was asked once, for all its addresses.
      assertThat(https.requests().stream().filter(r -> r.path().startsWith("/ispdb/")).count()).isEqualTo(7);
      assertThat(lines.stream().filter(l -> l.contains("\"username\":\"user17@fast5.cz\"")).count()).isEqualTo(1);

      out.getBuffer().setLength(0);
      List<String> ordered = new ArrayList<>(args);
      ordered.add("-");
      assertThat(run(list.toString(), false, ordered.toArray(String[]::new))).isZero();
      List<String> inOrder = outLines();
      for (int i = 0; i < inOrder.size(); i++) {
        assertThat(inOrder.get(i)).startsWith("{\"index\":" + i + ",");
      }
    }
  }

  private static String config(String domain) {
    return "<clientConfig version=\"1.1\"><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<incomingServer type=\"imap\"><hostname>imap." + domain + "</hostname><port>993</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>smtp." + domain + "</hostname><port>465</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider></clientConfig>";
  }

  @Test
  void onATerminalAProgressBarIsDrawnAndTheSummaryFollowsIt(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("list.txt");
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      list.append("user").append(i).append("@gmail.com\n");
    }
    Files.writeString(file, list);
    assertThat(run("", true, "--offline", "--format", "csv", "--input", file.toString())).isZero();
    String progress = err.toString();
    assertThat(progress).contains("\r").contains("addresses").contains("/500").contains("500/500");
    assertThat(progress.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""))
        .startsWith("mailsettings: 500 inputs in").contains("500 with settings (bundled database 500)");
    assertThat(outLines()).hasSize(501);

    err.getBuffer().setLength(0);
    assertThat(run("", true, "--offline", "--quiet", "--format", "csv", "--input", file.toString())).isZero();
    assertThat(err.toString()).as("--quiet: nothing on standard error").isEmpty();
  }

  @Test
  void spreadsheetFormulasFromTheInputAreDefusedInTheAnswerColumns() {
    assertThat(run("=cmd@firma.cz\n", false, "--offline", "--quiet", "--format", "csv", "-")).isZero();
    assertThat(outLines().get(1)).startsWith("0,'=cmd@firma.cz,found,");
  }

  @Test
  void listOptionsThatCannotWorkAreBadInputWithOneLine() {
    String[][] bad = {
      {"--csv", "email", "info@vizus.cz"},
      {"--csv", "nosuch", "-"},
      {"--mx", "mx.example.net", "-"},
      {"--json", "--format", "csv", "-"},
      {"--concurrency", "0", "-"},
      {"--input", "/nonexistent/list.txt"},
      {"--csv", "email", "-", "info@vizus.cz"},
      {},
    };
    for (String[] args : bad) {
      err.getBuffer().setLength(0);
      List<String> all = new ArrayList<>(List.of("--offline"));
      all.addAll(List.of(args));
      assertThat(run("email\ninfo@vizus.cz\n", false, all.toArray(String[]::new))).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString().lines().count()).as(String.join(" ", args) + ": " + err).isEqualTo(1);
    }
    err.getBuffer().setLength(0);
    run("email,name\n", false, "--offline", "--csv", "nosuch", "-");
    assertThat(err.toString()).contains("email, name");
  }

  @Test
  void offlineAListNeverAsksTheNetwork() throws Exception {
    try (TestDnsServer dns = new TestDnsServer()) {
      assertThat(run("jan@nowhere-known.cz\nx@gmail.com\n", false, "--offline", "--dns", "127.0.0.1:" + dns.port(), "--json", "-")).isZero();
      assertThat(dns.queryCount()).isZero();
      assertThat(outLines()).hasSize(2);
      assertThat(outLines().get(0)).contains("\"source\":\"GUESS\"");
    }
  }
}
