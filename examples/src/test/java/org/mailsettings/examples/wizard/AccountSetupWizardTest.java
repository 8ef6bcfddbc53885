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
import org.mailsettings.examples.oauth.TestAuthorizationServer;
import org.mailsettings.examples.oauth.TestBrowser;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.oauth2.OAuth2Options;
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
    ServerSetup imaps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort();
    ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
    imaps.setServerStartupTimeout(20_000); // a loaded machine: GreenMail's 2 s are not always enough
    smtps.setServerStartupTimeout(20_000);
    greenMail = new GreenMail(new ServerSetup[] {imaps, smtps});
    greenMail.start();
    greenMail.setUser("jan@example.cz", "jan@example.cz", "secret");
    greenMail.setUser("jan@plainconf.cz", "jan@plainconf.cz", "secret");
    // GreenMail takes an XOAUTH2 token as the password: only the authorization server's token logs in.
    greenMail.setUser("eva@oauth.cz", "eva@oauth.cz", TestAuthorizationServer.ACCESS_TOKEN);
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
    return walk(input, discovery, wizard -> {});
  }

  private int walk(String input, DiscoveryOptions discovery, java.util.function.Consumer<AccountSetupWizard> setUp) throws Exception {
    AccountSetupWizard wizard =
        new AccountSetupWizard(new BufferedReader(new StringReader(input)), new PrintWriter(out, true), Optional::empty);
    setUp.accept(wizard);
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
  void aProviderThatTakesOAuthIsSignedInWithTheBrowser() throws Exception {
    TestBrowser browser = new TestBrowser();
    try (TestAuthorizationServer oauth = new TestAuthorizationServer()) {
      Files.writeString(providers.resolve("oauth.cz.xml"),
          oauth.providerFile("oauth.cz", "OAuth Mail", greenMail.getImaps().getPort(), greenMail.getSmtps().getPort()));
      int status = walk("eva@oauth.cz\n\n", DiscoveryOptions.defaults(), wizard -> wizard
          .withClient(TestAuthorizationServer.CLIENT_ID, false)
          .withOAuth(OAuth2Options.builder().sslContext(TestTls.client()).signInTimeout(Duration.ofSeconds(30)).build(), browser));
      assertThat(status).as(out.toString()).isZero();
      assertThat(out.toString())
          .contains("OAuth Mail wants a sign-in with OAuth 2.0 instead of a password.")
          .contains("Sign in with OAuth Mail? [Y/n]")
          .contains("Sign in with OAuth Mail as eva@oauth.cz in the browser:")
          .contains("Signed in.")
          .containsPattern("OK IMAP localhost:\\d+")
          .containsPattern("OK SMTP localhost:\\d+")
          .contains("Working settings for eva@oauth.cz")
          .contains("mail.imap.auth.mechanisms=XOAUTH2")
          .doesNotContain(TestAuthorizationServer.ACCESS_TOKEN)
          .doesNotContain("Password");
      assertThat(browser.loopbackStatuses()).containsExactly(200);
      assertThat(oauth.grants()).containsExactly("authorization_code");
    } finally {
      Files.deleteIfExists(providers.resolve("oauth.cz.xml"));
    }
  }

  @Test
  void withoutTheApplicationsRegistrationTheWizardSaysWhatIsMissing() throws Exception {
    try (TestAuthorizationServer oauth = new TestAuthorizationServer()) {
      Files.writeString(providers.resolve("oauth.cz.xml"),
          oauth.providerFile("oauth.cz", "OAuth Mail", greenMail.getImaps().getPort(), greenMail.getSmtps().getPort()));
      // The password is refused (the server takes tokens only); the second try finds no more input.
      assertThat(walk("eva@oauth.cz\nnot-a-token\n", DiscoveryOptions.defaults())).as(out.toString()).isEqualTo(2);
      assertThat(out.toString())
          .contains("The server refused the password; try again.")
          .contains("OAuth Mail wants a sign-in with OAuth 2.0 (\"Sign in with OAuth Mail\"), which needs the application's registration")
          .contains("--oauth-client-id ID");
      assertThat(oauth.grants()).isEmpty();
    } finally {
      Files.deleteIfExists(providers.resolve("oauth.cz.xml"));
    }
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
