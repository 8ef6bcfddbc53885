package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.examples.oauth.TestAuthorizationServer;
import org.mailsettings.examples.oauth.TestBrowser;
import org.mailsettings.testing.TestTls;
import picocli.CommandLine;

/**
 * {@code --verify --oauth-client-id}: the command signs in at an authorization server on
 * 127.0.0.1 (the test playing the browser, or the device grant), then logs in to GreenMail's IMAP
 * and SMTP with XOAUTH2 and the token that server issued.
 */
class OAuthVerifyCommandTest {
  private static final Path TLS = TestTls.directory();
  private static GreenMail greenMail;
  @TempDir Path providers;
  private TestAuthorizationServer authorizationServer;
  private final TestBrowser browser = new TestBrowser();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startMail() {
    System.setProperty("greenmail.tls.keystore.file", TLS.resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    ServerSetup imaps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort();
    ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
    imaps.setServerStartupTimeout(20_000); // two cores shared with other builds: GreenMail's 2 s are not always enough
    smtps.setServerStartupTimeout(20_000);
    greenMail = new GreenMail(new ServerSetup[] {imaps, smtps});
    greenMail.start();
    // GreenMail takes an XOAUTH2 token as the user's password: only the server's token logs in.
    greenMail.setUser("jan@example.cz", "jan@example.cz", TestAuthorizationServer.ACCESS_TOKEN);
  }

  @AfterAll
  static void stopMail() {
    greenMail.stop();
  }

  @BeforeEach
  void startAuthorizationServer() throws Exception {
    authorizationServer = new TestAuthorizationServer();
    Files.writeString(providers.resolve("example.cz.xml"), authorizationServer.providerFile("example.cz", "Example Mail", greenMail.getImaps().getPort(), greenMail.getSmtps().getPort()));
  }

  @AfterEach
  void stopAuthorizationServer() throws Exception {
    if (authorizationServer != null) {
      authorizationServer.close();
    }
  }

  private int run(Map<String, String> environment, String... args) {
    CommandLine commandLine = MailSettingsCommand.commandLine(
        environment, () -> new ByteArrayInputStream(new byte[0]), () -> false, browser);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--providers", providers.toString(), "--truststore", TLS.resolve("truststore.p12").toString()));
    all.addAll(List.of(args));
    return commandLine.execute(all.toArray(String[]::new));
  }

  @Test
  void signsInThroughTheBrowserAndLogsInWithTheToken() {
    assertThat(run(Map.of(), "--verify", "--oauth-client-id", TestAuthorizationServer.CLIENT_ID, "jan@example.cz"))
        .as(err.toString()).isZero();
    assertThat(err.toString()).contains("Sign in with Example Mail as jan@example.cz in the browser:").contains("Signed in.");
    assertThat(out.toString()).containsPattern("OK IMAP localhost:\\d+").containsPattern("OK SMTP localhost:\\d+");
    assertThat(browser.opened()).singleElement()
        .satisfies(url -> assertThat(url.toString()).startsWith(authorizationServer.base() + "/authorize?"));
    assertThat(browser.loopbackStatuses()).containsExactly(200);
    assertThat(authorizationServer.grants()).containsExactly("authorization_code");
    assertThat(out.toString() + err).doesNotContain(TestAuthorizationServer.ACCESS_TOKEN).doesNotContain("refresh-token-for-jan");
  }

  @Test
  void theRefreshTokenIsSavedForTheOwnerOnlyWhenAsked(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("refresh-token.txt");
    Files.writeString(file, "an older token\n");
    assertThat(run(Map.of(), "--verify", "--oauth-client-id", TestAuthorizationServer.CLIENT_ID,
            "--save-refresh-token", file.toString(), "jan@example.cz"))
        .as(err.toString()).isZero();
    assertThat(Files.readString(file)).isEqualTo("refresh-token-for-jan\n");
    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(err.toString()).contains("Saved the refresh token to " + file);
    assertThat(out.toString() + err).doesNotContain("refresh-token-for-jan");

    err.getBuffer().setLength(0);
    assertThat(run(Map.of(), "--save-refresh-token", file.toString(), "jan@example.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("--save-refresh-token goes with --oauth-client-id ID and --verify");
  }

  @Test
  void theDeviceGrantShowsTheCodeAndPolls() {
    assertThat(run(Map.of(), "--verify", "--oauth-client-id", TestAuthorizationServer.CLIENT_ID, "--device", "--json", "jan@example.cz"))
        .as(err.toString()).isZero();
    assertThat(err.toString())
        .contains("(device sign-in)")
        .contains("open " + authorizationServer.base() + "/device-login and enter the code " + TestAuthorizationServer.USER_CODE);
    assertThat(out.toString()).contains("\"status\":\"OK\"");
    assertThat(browser.opened()).isEmpty();
    assertThat(authorizationServer.grants()).containsExactly("urn:ietf:params:oauth:grant-type:device_code");
  }

  @Test
  void theClientSecretComesFromTheEnvironmentOnly() {
    assertThat(run(Map.of("APP_SECRET", "s3cret-value"), "--verify", "--oauth-client-id", TestAuthorizationServer.CLIENT_ID,
            "--oauth-client-secret-env", "APP_SECRET", "jan@example.cz"))
        .as(err.toString()).isZero();
    assertThat(authorizationServer.clientSecrets()).containsExactly("s3cret-value");
    assertThat(out.toString() + err).doesNotContain("s3cret-value");

    err.getBuffer().setLength(0);
    assertThat(run(Map.of(), "--verify", "--oauth-client-id", "x", "--oauth-client-secret-env", "NOT_SET", "jan@example.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("the environment variable NOT_SET (the OAuth 2.0 client secret) is not set");
  }

  @Test
  void aDeclinedConsentIsNotVerified() {
    authorizationServer.deny();
    assertThat(run(Map.of(), "--verify", "--oauth-client-id", TestAuthorizationServer.CLIENT_ID, "jan@example.cz")).isEqualTo(4);
    assertThat(err.toString()).contains("the OAuth 2.0 sign-in failed (ACCESS_DENIED)");
    assertThat(out.toString()).contains("Not verified: the OAuth 2.0 sign-in failed (ACCESS_DENIED)");
    assertThat(authorizationServer.grants()).isEmpty();
  }

  @Test
  void aPasswordForAnOAuthProviderGetsAHint() {
    assertThat(run(Map.of("MAIL_PASSWORD", "secret"), "--verify", "--password-env", "MAIL_PASSWORD", "jan@example.cz")).isEqualTo(4);
    assertThat(err.toString()).contains("Example Mail wants an OAuth 2.0 sign-in rather than a password: use --oauth-client-id ID");
  }

  @Test
  void theOAuthOptionsGoTogether() {
    assertThat(run(Map.of(), "--device", "--verify", "jan@example.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("--device goes with --oauth-client-id ID");
    assertThat(run(Map.of(), "--oauth-client-id", "x", "jan@example.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("--oauth-client-id signs in to verify the settings: add --verify");
    assertThat(run(Map.of("P", "x"), "--oauth-client-id", "x", "--verify", "--password-env", "P", "jan@example.cz")).isEqualTo(2);
    assertThat(run(Map.of(), "--oauth-client-id", "x", "--verify", "-")).isEqualTo(2);
    assertThat(err.toString()).contains("signs in one account at a time");
    assertThat(browser.opened()).isEmpty();
  }
}
