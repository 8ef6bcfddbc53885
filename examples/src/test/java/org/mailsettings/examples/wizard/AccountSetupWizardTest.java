package org.mailsettings.examples.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.ProviderDatabase;
import org.mailsettings.Source;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.probe.ProbeOptions;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;

/** The wizard walked through by a scripted user, against GreenMail on 127.0.0.1. */
class AccountSetupWizardTest {
  private static GreenMail greenMail;
  @TempDir static Path providers;
  private final StringWriter out = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    greenMail = new GreenMail(new ServerSetup[] {
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()
    });
    greenMail.start();
    greenMail.setUser("jan@example.cz", "jan@example.cz", "secret");
    greenMail.setUser("jan@plainconf.cz", "jan@plainconf.cz", "secret");
    Files.writeString(providers.resolve("example.cz.xml"), config("example.cz"));
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
  }

  static String config(String domain) {
    return "<clientConfig><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain><displayName>Example</displayName>"
        + "<incomingServer type=\"imap\"><hostname>localhost</hostname><port>" + greenMail.getImaps().getPort()
        + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>" + greenMail.getSmtps().getPort()
        + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider></clientConfig>";
  }

  private int walk(String input, DiscoveryOptions discovery) throws Exception {
    AccountSetupWizard wizard =
        new AccountSetupWizard(new BufferedReader(new StringReader(input)), new PrintWriter(out, true), Optional::empty);
    try (MailSettingsResolver resolver =
        MailSettingsResolver.builder().addProviders(ProviderDatabase.fromDirectory(providers)).sslContext(TestTls.client()).build()) {
      wizard.with(
          resolver,
          discovery,
          ProbeOptions.builder().readTimeout(Duration.ofSeconds(2)).build(),
          MailOptions.builder().readTimeout(Duration.ofSeconds(5)).build());
      return wizard.call();
    }
  }

  @Test
  void aKnownProviderNeedsNoConfirmationAndEndsWithWorkingSettings() throws Exception {
    assertThat(walk("jan@example.cz\nsecret\n", DiscoveryOptions.defaults())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("Provider: Example")
        .doesNotContain("Do you trust")
        .contains("Checking the servers (no password is sent)")
        .containsPattern("REACHABLE IMAP localhost:\\d+")
        .contains("Working settings for jan@example.cz")
        .contains("mail.imap.ssl.enable=true")
        .contains("mail.smtp.ssl.checkserveridentity=true")
        .doesNotContain("secret\n  ");
  }

  @Test
  void aWrongPasswordCanBeTypedAgain() throws Exception {
    assertThat(walk("not an address\njan@example.cz\nwrong\nsecret\n", DiscoveryOptions.defaults())).isZero();
    assertThat(out.toString())
        .contains("Invalid e-mail address \"not an address\"")
        .contains("AUTH_FAILED")
        .contains("The server refused the password; try again.")
        .contains("Working settings");
  }

  @Test
  void forgeableSettingsAreShownWithTheirDomainsAndNeedAYes() throws Exception {
    try (TestHttpServer http = TestHttpServer.http()) {
      http.route("/plainconf.cz", TestHttpServer.Response.ok(config("plainconf.cz")));
      DiscoveryOptions discovery = DiscoveryOptions.builder()
          .sources(Set.of(Source.AUTOCONFIG_HTTP, Source.GUESS))
          .autoconfigHttpUrlTemplate(http.base() + "/%EMAILDOMAIN%")
          .deadline(Duration.ofSeconds(5))
          .build();
      assertThat(walk("jan@plainconf.cz\nn\n", discovery)).isEqualTo(5);
      assertThat(out.toString())
          .contains("autoconfig over plain HTTP, needs confirmation")
          .contains("Your password would go to servers of: localhost")
          .contains("Stopped: no password was sent anywhere.");

      out.getBuffer().setLength(0);
      assertThat(walk("jan@plainconf.cz\ny\nsecret\n", discovery)).as(out.toString()).isZero();
      assertThat(out.toString()).contains("Working settings for jan@plainconf.cz");
    }
  }
}
