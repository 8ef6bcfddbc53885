package org.mailsettings.examples.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.examples.oauth.TestAuthorizationServer;
import org.mailsettings.examples.oauth.TestBrowser;
import org.mailsettings.testing.TestTls;
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
  void aSenderWhoseProviderTakesOAuthSignsInAndSendsWithTheToken(@TempDir Path providers) throws Exception {
    ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
    smtps.setServerStartupTimeout(20_000);
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    GreenMail mail = new GreenMail(smtps);
    mail.start();
    TestBrowser browser = new TestBrowser();
    try (TestAuthorizationServer oauth = new TestAuthorizationServer()) {
      // GreenMail takes an XOAUTH2 token as the password: only the authorization server's token logs in.
      mail.setUser("jan@example.cz", "jan@example.cz", TestAuthorizationServer.ACCESS_TOKEN);
      int port = mail.getSmtps().getPort();
      Files.writeString(providers.resolve("example.cz.xml"), oauth.providerFile("example.cz", "Example Mail", port, port));
      StringWriter out = new StringWriter();
      CommandLine commandLine = new CommandLine(new SmtpSetupExample(browser));
      commandLine.setOut(new PrintWriter(out, true));
      int status = commandLine.execute("--sender", "Jan Novák <jan@example.cz>", "--server", "localhost", "--port", Integer.toString(port),
          "--security", "SSL", "--providers", providers.toString(), "--truststore", TestTls.directory().resolve("truststore.p12").toString(),
          "--oauth-client-id", TestAuthorizationServer.CLIENT_ID);
      assertThat(status).as(out.toString()).isZero();
      assertThat(out.toString())
          .contains("Provider: Example Mail (example.cz)")
          .contains("Example Mail takes a sign-in with OAuth 2.0: Sign in with Example Mail.")
          .contains("Sign in with Example Mail as jan@example.cz in the browser:")
          .contains("Signed in.")
          .contains("Test message sent to jan@example.cz")
          .doesNotContain(TestAuthorizationServer.ACCESS_TOKEN);
      assertThat(mail.getReceivedMessages()).hasSize(1);
      assertThat(oauth.grants()).containsExactly("authorization_code");
      assertThat(browser.loopbackStatuses()).containsExactly(200);
    } finally {
      mail.stop();
    }
  }

  @Test
  void theDemoServerTakesNoSignIn() {
    assertThat(run(2, "--oauth-client-id", "app")).contains("--oauth-client-id signs in to the sender's real provider: give its --server");
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
