package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --verify} and {@code --properties} against GreenMail on 127.0.0.1. */
class VerifyCommandTest {
  private static final Path TLS = Path.of(System.getProperty("mailsettings.tls", "../core/src/test/resources/tls"));
  private static GreenMail greenMail;
  @TempDir static Path providers;

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("greenmail.tls.keystore.file", TLS.resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    greenMail =
        new GreenMail(new ServerSetup[] {
          new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort(),
          new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()
        });
    greenMail.start();
    greenMail.setUser("jan@example.cz", "jan@example.cz", "secret");
    Files.writeString(
        providers.resolve("example.cz.xml"),
        "<clientConfig version=\"1.1\"><emailProvider id=\"example.cz\"><domain>example.cz</domain>"
            + "<incomingServer type=\"imap\"><hostname>localhost</hostname><port>" + greenMail.getImaps().getPort()
            + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
            + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>" + greenMail.getSmtps().getPort()
            + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
            + "</emailProvider></clientConfig>");
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String password, String... args) {
    CommandLine commandLine = MailSettingsCommand.commandLine(Map.of("MAIL_PASSWORD", password));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 6];
    all[0] = "--providers";
    all[1] = providers.toString();
    all[2] = "--truststore";
    all[3] = TLS.resolve("truststore.p12").toString();
    all[4] = "--password-env";
    all[5] = "MAIL_PASSWORD";
    System.arraycopy(args, 0, all, 6, args.length);
    return commandLine.execute(all);
  }

  @Test
  void verifiesBothDirectionsAndPrintsTheOutcome() {
    assertThat(run("secret", "--verify", "jan@example.cz")).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("OK IMAP localhost:\\d+")
        .containsPattern("OK SMTP localhost:\\d+")
        .contains("best: IMAP localhost:");
  }

  @Test
  void aWrongPasswordExitsFourWithAuthFailed() {
    assertThat(run("wrong", "--verify", "--json", "jan@example.cz")).isEqualTo(4);
    assertThat(out.toString()).contains("\"status\":\"AUTH_FAILED\"").doesNotContain("wrong");
  }

  @Test
  void probesWithoutCredentials() {
    assertThat(run("secret", "--probe", "jan@example.cz")).isZero();
    assertThat(out.toString())
        .contains("Probed without credentials:")
        .containsPattern("REACHABLE IMAP localhost:\\d+ in \\d+ ms, TLSv1\\.\\d, certificate \\[localhost, 127\\.0\\.0\\.1\\]");
    assertThat(run("secret", "--probe", "--json", "jan@example.cz")).isZero();
    assertThat(out.toString()).contains("\"probe\":[{\"protocol\":\"IMAP\"").contains("\"certificateMatches\":true");
  }

  @Test
  void printsPropertiesWithoutThePassword() {
    assertThat(run("secret", "--properties", "jan@example.cz")).isZero();
    assertThat(out.toString())
        .contains("mail.imap.ssl.enable=true")
        .contains("mail.smtp.ssl.checkserveridentity=true")
        .doesNotContain("secret");
  }

  @Test
  void forgeableSettingsGetNoPasswordWithoutConfirmation() throws Exception {
    try (org.mailsettings.testing.TestHttpServer http = org.mailsettings.testing.TestHttpServer.http()) {
      // Plain-HTTP autoconfig for a domain, pointing at the GreenMail servers on this machine.
      http.route("/plain/forged.cz", org.mailsettings.testing.TestHttpServer.Response.ok(
          "<clientConfig version=\"1.1\"><emailProvider id=\"forged.cz\"><domain>forged.cz</domain>"
              + "<incomingServer type=\"imap\"><hostname>localhost</hostname><port>" + greenMail.getImaps().getPort()
              + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>jan@example.cz</username></incomingServer>"
              + "</emailProvider></clientConfig>"));
      String[] discover = {"--discover", "--quiet", "--timeout", "5",
          "--url", "AUTOCONFIG_HTTP=" + http.base() + "/plain/%EMAILDOMAIN%",
          "--url", "AUTOCONFIG=" + http.base() + "/none/%EMAILDOMAIN%",
          "--url", "WELL_KNOWN=" + http.base() + "/none/%EMAILDOMAIN%",
          "--url", "AUTODISCOVER=" + http.base() + "/none/%EMAILDOMAIN%",
          "--ispdb", http.base() + "/none/", "--dns", "127.0.0.1:9"};
      int loginsBefore = greenMail.getReceivedMessages().length;
      String[] unconfirmed = concat(discover, "--verify", "--json", "jan@forged.cz");
      assertThat(run("secret", unconfirmed)).isEqualTo(4);
      assertThat(out.toString()).contains("\"status\":\"NOT_CONFIRMED\"").doesNotContain("\"status\":\"OK\"");
      assertThat(err.toString()).contains("--confirm");

      out.getBuffer().setLength(0);
      assertThat(run("secret", concat(discover, "--verify", "--json", "--confirm", "localhost", "jan@forged.cz"))).isZero();
      assertThat(out.toString()).contains("\"status\":\"OK\"");
      out.getBuffer().setLength(0);
      assertThat(run("secret", concat(discover, "--verify", "--json", "--yes", "jan@forged.cz"))).isZero();
      assertThat(greenMail.getReceivedMessages()).hasSize(loginsBefore);
    }
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
