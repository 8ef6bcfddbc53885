package org.mailsettings.examples.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.check.CheckResult;
import org.mailsettings.check.FindingCode;
import picocli.CommandLine;

/** The ERP-style setup form, checked by the library's settings check and tested live. */
class SmtpSetupExampleTest {

  private static String run(int expectedStatus, String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new SmtpSetupExample());
    commandLine.setOut(new PrintWriter(out, true));
    assertThat(commandLine.execute(args)).as(out.toString()).isEqualTo(expectedStatus);
    return out.toString();
  }

  @Test
  void theExampleRunsOutOfTheBoxAgainstItsEmbeddedServer() {
    assertThat(run(0))
        .contains("Live:     Note: Logged in as info@novak.cz.")
        .contains("Test message sent to info@novak.cz")
        .contains("The embedded server received 1 message(s).");
  }

  @Test
  void theFormIsCheckedInTheUsersLanguageBeforeTheLogin() {
    String out = run(0, "--lang", "cs", "--sender", "Jan Novák <info@vizus.cz>", "--username", "info", "--security", "SSL");
    assertThat(out)
        .contains("Provider: VIZUS (vizus.cz)")
        .contains("! Uživatelské jméno (Chyba): Uživatelské jméno musí být celá e-mailová adresa (info@vizus.cz), ne jen „info“.")
        .contains("! Server (Varování): VIZUS nepoužívá server localhost; jeho server je smtp.vizus.cz.")
        .contains("Test message sent to info@vizus.cz");
  }

  @Test
  void anUnreadableLabelIsShownAndNothingIsSent() {
    String out = run(2, "--security", "Quantum");
    assertThat(out).contains("The security \"Quantum\" is not known").doesNotContain("Test message sent");
  }

  @Test
  void theFormReadsAsTheLibraryReadsIt() {
    try (MailSettingsResolver client = MailSettingsResolver.create()) {
      CheckResult result = client.settingsCheck().check(
          new SmtpForm("Jan Novák <info@vizus.cz>", "smtp.vizus.cz", 465, "TLS", true, "info@vizus.cz").typed());
      assertThat(result.has(FindingCode.SECURITY_CONTRADICTS_PORT)).isTrue();
      assertThat(result.address()).hasValueSatisfying(a -> assertThat(a.displayName()).hasValue("Jan Novák"));
    }
  }
}
