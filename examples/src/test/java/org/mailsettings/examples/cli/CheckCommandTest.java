package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsettings.testing.TestTls;
import picocli.CommandLine;

/** {@code mailsettings check}: the findings as a table or JSON, in the user's language, and its exit status. */
class CheckCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> environment, String... args) {
    CommandLine commandLine = MailSettingsCommand.commandLine(environment);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  /** The "done when": in Czech, port 587 is STARTTLS, the user name is the full address, and the corrected settings. */
  @Test
  void vizusSslOn587InCzech() {
    int status = run("check", "--lang", "cs", "--smtp", "smtp.vizus.cz:587", "--security", "SSL", "--user", "info", "info@vizus.cz");
    assertThat(status).isEqualTo(1);
    assertThat(out.toString())
        .contains("info@vizus.cz  (VIZUS)")
        .contains("Zadáno: SMTP smtp.vizus.cz:587, Zabezpečení: \"SSL\", Uživatelské jméno: \"info\"")
        .containsPattern("Závažnost +Pole +Zjištění")
        .containsPattern("Chyba +Zabezpečení +Port 587 je pro zabezpečení STARTTLS, ne pro „SSL“: nastavte Zabezpečení na STARTTLS\\.")
        .containsPattern("Chyba +Uživatelské jméno +Uživatelské jméno musí být celá e-mailová adresa \\(info@vizus\\.cz\\), ne jen „info“\\.")
        .containsPattern("Poznámka +E-mailová adresa +Doménu vizus\\.cz obsluhuje VIZUS")
        .contains("Opravené nastavení: SMTP smtp.vizus.cz:587, Zabezpečení: STARTTLS, Uživatelské jméno: info@vizus.cz");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void settingsWithoutErrorsExitZero() {
    assertThat(run("check", "--lang", "en", "--smtp", "smtp.vizus.cz:465", "--security", "SSL/TLS", "--user", "info@vizus.cz", "info@vizus.cz"))
        .isZero();
    assertThat(out.toString()).contains("Nothing to correct in the settings.");
  }

  @Test
  void warningsAloneExitZero() {
    assertThat(run("check", "--lang", "en", "--smtp", "smtp.web4u.cz:25", "--security", "STARTTLS", "--user", "jan@web4u.cz", "jan@web4u.cz"))
        .isZero();
    assertThat(out.toString()).containsPattern("Warning +Port +Internet providers often block port 25")
        .contains("Corrected settings: SMTP smtp.web4u.cz:587, Security: STARTTLS, User name: jan@web4u.cz");
  }

  @Test
  void severalServersAndJson() {
    int status = run("check", "--json", "--lang", "de", "--mx", "firma--cz.mx.spoje.net",
        "--imap", "firma--cz.mx.spoje.net:993", "--security", "SSL", "--user", "jan@firma.cz",
        "--smtp", "mail.spoje.net:587", "--security", "TLS", "--user", "jan@firma.cz", "jan@firma.cz");
    assertThat(status).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"address\":\"jan@firma.cz\",\"protocol\":\"IMAP\"").contains("\"errors\":0");
    assertThat(lines.get(1))
        .contains("\"code\":\"HOST_NOT_HOSTERS_RULE\",\"severity\":\"WARNING\",\"field\":\"HOST\"")
        .contains("\"message\":\"SPOJE.NET bedient firma.cz über firma--cz.mx.spoje.net")
        .contains("\"fix\":{\"protocol\":\"SMTP\",\"host\":\"firma--cz.mx.spoje.net\",\"port\":587,\"security\":\"STARTTLS\"");
  }

  @Test
  void badInputIsAFindingAndABrokenOptionExitsTwo() {
    assertThat(run("check", "--json", "--smtp", "smtp.vizus.cz:99999", "--security", "Quantum", "info@vizus.cz")).isEqualTo(1);
    assertThat(out.toString()).contains("\"code\":\"PORT_OUT_OF_RANGE\"").contains("\"code\":\"SECURITY_LABEL_UNKNOWN\"")
        .contains("\"code\":\"USERNAME_MISSING\"");
    assertThat(run("check", "--smtp", "smtp.vizus.cz", "info@vizus.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("mailsettings check: --smtp wants HOST:PORT, not smtp.vizus.cz");
    assertThat(run("check", "info@vizus.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("Try 'mailsettings check --help'.");
  }

  @Test
  void theTopLevelCommandStillWantsAnAddress() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .containsExactly("mailsettings: no address: give one or more, '-' for standard input or --input FILE");
  }

  @Test
  void liveProbesAndLogsIn() throws Exception {
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
    greenMail.start();
    try {
      greenMail.setUser("jan@example.cz", "jan@example.cz", "secret");
      String smtps = "localhost:" + greenMail.getSmtps().getPort();
      String trustStore = TestTls.directory().resolve("truststore.p12").toString();
      assertThat(run(Map.of("PASSWORD", "secret"), "check", "--lang", "en", "--live", "--password-env", "PASSWORD",
          "--truststore", trustStore, "--smtp", smtps, "--security", "SSL", "--user", "jan@example.cz", "jan@example.cz")).isZero();
      assertThat(out.toString()).containsPattern("Note +Password +Logged in as jan@example\\.cz\\.");
      assertThat(run(Map.of("PASSWORD", "wrong"), "check", "--lang", "en", "--live", "--password-env", "PASSWORD",
          "--truststore", trustStore, "--smtp", smtps, "--security", "SSL", "--user", "jan@example.cz", "jan@example.cz")).isEqualTo(1);
      assertThat(out.toString()).containsPattern("Error +Password +The server refused the user name jan@example\\.cz or the password");
    } finally {
      greenMail.stop();
    }
  }
}
