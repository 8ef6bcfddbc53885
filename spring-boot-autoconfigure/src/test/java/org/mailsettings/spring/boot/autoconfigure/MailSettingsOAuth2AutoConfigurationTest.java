package org.mailsettings.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.AuthMethod;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.jakarta.SignInRequiredException;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.oauth2.OAuth2Account;
import org.mailsettings.oauth2.OAuth2Client;
import org.mailsettings.oauth2.TokenSet;
import org.mailsettings.oauth2.TokenStore;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsUnavailableException.Reason;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestTls;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The OAuth 2.0 option ({@code mailsettings.oauth2.*}) in application contexts, against a real
 * GreenMail (SMTPS on 127.0.0.1 with the test certificate) that takes only the access token a
 * scripted authorization server issues (GreenMail checks an XOAUTH2 token as the user's password),
 * and that server's token endpoint over HTTPS on 127.0.0.1, answering {@code refresh_token}
 * grants. The provider data, with its {@code <oAuth2>} block, comes from the providers directory.
 */
class MailSettingsOAuth2AutoConfigurationTest {
  private static final String JAN = "jan@example.cz";
  private static final String CLIENT_ID = "erp-app";
  private static final String CLIENT_SECRET = "app-s3cret";
  /** The refresh token the operator obtained once. */
  private static final String REFRESH_TOKEN = "refresh-token-for-jan";
  /** The refresh token an application's own store holds. */
  private static final String STORED_REFRESH_TOKEN = "stored-refresh-token-for-jan";
  /** The one access token GreenMail takes for jan: only the authorization server issues it. */
  private static final String ACCESS_TOKEN = "access-token-for-jan";
  private static final String ROTATED_REFRESH_TOKEN = "rotated-refresh-token-for-jan";
  private static GreenMail greenMail;
  @TempDir Path providers;
  private TestHttpServer authorizationServer;
  private ApplicationContextRunner runner;

  @BeforeAll
  static void startMail() {
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    ServerSetup[] setups = {
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort(),
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort()
    };
    for (ServerSetup setup : setups) {
      setup.setServerStartupTimeout(30_000); // GreenMail's 2 s are short on a busy machine
    }
    greenMail = new GreenMail(setups);
    greenMail.start();
    greenMail.setUser(JAN, JAN, ACCESS_TOKEN);
  }

  @AfterAll
  static void stopMail() {
    greenMail.stop();
  }

  @BeforeEach
  void startAuthorizationServer() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    authorizationServer = TestHttpServer.https(TestTls.server("localhost"));
    authorizationServer.route("/token", MailSettingsOAuth2AutoConfigurationTest::token);
    int smtps = greenMail.getSmtps().getPort();
    int imaps = greenMail.getImaps().getPort();
    String oauth2Block = oauth2Block(authorizationServer.base());
    Files.writeString(providers.resolve("example.cz.xml"), provider("example.cz", imaps, smtps, "OAuth2", oauth2Block));
    Files.writeString(providers.resolve("plain.example.xml"), provider("plain.example", imaps, smtps, "password-cleartext", ""));
    // No incoming server: the IMAP settings are guesses, and the OAuth 2.0 block is not taken on their word.
    Files.writeString(providers.resolve("smtp-only.example.xml"), provider("smtp-only.example", 0, smtps, "OAuth2", oauth2Block));
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MailSettingsAutoConfiguration.class))
        .withPropertyValues(
            "spring.ssl.bundle.jks.test.truststore.location=file:" + TestTls.directory().resolve("truststore.p12"),
            "spring.ssl.bundle.jks.test.truststore.type=PKCS12",
            "spring.ssl.bundle.jks.test.truststore.password=changeit",
            "mailsettings.ssl-bundle=test",
            "mailsettings.providers-directory=" + providers,
            "mailsettings.connect-timeout=5s",
            "mailsettings.read-timeout=5s");
  }

  @AfterEach
  void stopAuthorizationServer() throws IOException {
    authorizationServer.close();
  }

  private static String oauth2Block(String base) {
    return "<oAuth2><issuer>localhost</issuer><scope>mail offline_access</scope>"
        + "<authURL>" + base + "/authorize</authURL><tokenURL>" + base + "/token</tokenURL>"
        + "<ms:deviceAuthURL xmlns:ms=\"" + ClientConfigParser.EXTENSION_NAMESPACE + "\">" + base + "/device</ms:deviceAuthURL>"
        + "</oAuth2>";
  }

  /** A provider file; no incoming server when {@code imapsPort} is 0. */
  private static String provider(String domain, int imapsPort, int smtpsPort, String authentication, String oauth2Block) {
    return "<clientConfig version=\"1.1\"><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<displayName>Test</displayName>"
        + (imapsPort == 0 ? "" : "<incomingServer type=\"imap\"><hostname>localhost</hostname><port>" + imapsPort
            + "</port><socketType>SSL</socketType><authentication>" + authentication
            + "</authentication><username>%EMAILADDRESS%</username></incomingServer>")
        + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>" + smtpsPort
        + "</port><socketType>SSL</socketType><authentication>" + authentication
        + "</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider>" + oauth2Block + "</clientConfig>";
  }

  /** The token endpoint: a refresh grant with one of the two known refresh tokens gets the access token. */
  private static TestHttpServer.Response token(TestHttpServer.Request request) {
    Map<String, String> form = form(request);
    String refreshToken = form.getOrDefault("refresh_token", "");
    if (!"POST".equals(request.method()) || !"refresh_token".equals(form.get("grant_type"))
        || !CLIENT_ID.equals(form.get("client_id"))) {
      return json(400, "{\"error\":\"invalid_request\"}");
    }
    if (!refreshToken.equals(REFRESH_TOKEN) && !refreshToken.equals(STORED_REFRESH_TOKEN)) {
      return json(400, "{\"error\":\"invalid_grant\"}");
    }
    return json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
        + "\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\",\"scope\":\"mail offline_access\"}");
  }

  private static TestHttpServer.Response json(int status, String body) {
    return new TestHttpServer.Response(
        status,
        Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"),
        body.getBytes(StandardCharsets.UTF_8),
        Duration.ZERO,
        Duration.ZERO,
        false);
  }

  private static Map<String, String> form(TestHttpServer.Request request) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  /** {@return the forms of the requests the token endpoint got, in order} */
  private List<Map<String, String>> tokenRequests() {
    return authorizationServer.requests().stream()
        .filter(r -> r.path().startsWith("/token"))
        .map(MailSettingsOAuth2AutoConfigurationTest::form)
        .toList();
  }

  private static void send(JavaMailSender sender, String subject) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setTo(JAN);
    message.setSubject(subject);
    message.setText("Sent with an OAuth 2.0 access token.");
    sender.send(message);
  }

  private static @Nullable Reason reason(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MailSettingsUnavailableException unavailable) {
        return unavailable.reason();
      }
    }
    return null;
  }

  private static @Nullable FailureAnalysis analysis(@Nullable Throwable failure) {
    return failure == null ? null : new MailSettingsFailureAnalyzer().analyze(failure);
  }

  @Test
  void theRefreshTokenPropertyGetsTheAccessTokenGreenMailTakes() {
    runner.withPropertyValues(
            "mailsettings.address=Jan Novák <" + JAN + ">",
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.client-secret=" + CLIENT_SECRET,
            "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(JavaMailSender.class).hasSingleBean(OAuth2Account.class);
          MailSettingsAccount account = context.getBean(MailSettingsAccount.class);
          assertThat(account.outgoing().settings().authMethods()).contains(AuthMethod.OAUTH2);
          assertThat(context.getBean(OAuth2Account.class).key()).isEqualTo("localhost " + JAN);
          assertThat(tokenRequests()).as("nothing is fetched before a connection asks for a token").isEmpty();

          JavaMailSender sender = context.getBean(JavaMailSender.class);
          send(sender, "Invoice 2026-0042");
          send(sender, "Invoice 2026-0043");

          assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
          assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getSubject())
              .containsExactlyInAnyOrder("Invoice 2026-0042", "Invoice 2026-0043");
          // One refresh for both connections: the access token lasts an hour.
          assertThat(tokenRequests()).singleElement().satisfies(form -> assertThat(form)
              .containsEntry("grant_type", "refresh_token")
              .containsEntry("refresh_token", REFRESH_TOKEN)
              .containsEntry("client_id", CLIENT_ID)
              .containsEntry("client_secret", CLIENT_SECRET)
              .containsEntry("scope", "mail offline_access"));
          assertThat(account.toString() + context.getBean(OAuth2Account.class) + context.getBean(MailSettingsOAuth2.class))
              .doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN).doesNotContain(CLIENT_SECRET);
        });
  }

  @Test
  void theApplicationsTokenStoreIsUsedInsteadOfTheRefreshTokenProperty() {
    TokenStore store = TokenStore.inMemory();
    store.save("localhost " + JAN, TokenSet.builder()
        .accessToken("expired-access-token")
        .refreshToken(STORED_REFRESH_TOKEN)
        .expiresAt(Instant.now().minusSeconds(60))
        .build());
    runner.withBean(TokenStore.class, () -> store)
        .withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=revoked-refresh-token")
        .run(context -> {
          assertThat(context).hasNotFailed();
          send(context.getBean(JavaMailSender.class), "Reminder");
          assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
          assertThat(tokenRequests()).singleElement().satisfies(form -> assertThat(form)
              .containsEntry("refresh_token", STORED_REFRESH_TOKEN)
              .doesNotContainKey("client_secret"));
          // The refreshed (and rotated) tokens went back into the application's store.
          assertThat(store.load("localhost " + JAN)).hasValueSatisfying(tokens -> {
            assertThat(tokens.accessToken()).isEqualTo(ACCESS_TOKEN);
            assertThat(tokens.refreshToken()).contains(ROTATED_REFRESH_TOKEN);
          });
        });
  }

  @Test
  void anEmptyTokenStoreStartsAndSendsOnceTheApplicationHasSignedTheAccountIn() {
    TokenStore store = TokenStore.inMemory();
    runner.withBean(TokenStore.class, () -> store)
        .withPropertyValues("mailsettings.address=" + JAN, "mailsettings.oauth2.client-id=" + CLIENT_ID)
        .run(context -> {
          assertThat(context).hasNotFailed();
          OAuth2Account account = context.getBean(OAuth2Account.class);
          assertThat(account.isSignedIn()).isFalse();
          assertThatThrownBy(() -> send(context.getBean(JavaMailSender.class), "Not yet"))
              .isInstanceOf(MailSendException.class)
              .hasRootCauseInstanceOf(SignInRequiredException.class);
          assertThat(tokenRequests()).isEmpty();

          // What the application's own sign-in (signInWithDevice on this bean, say) leaves in its store.
          store.save(account.key(), TokenSet.builder().accessToken("old").refreshToken(STORED_REFRESH_TOKEN)
              .expiresAt(Instant.now().minusSeconds(1)).build());
          send(context.getBean(JavaMailSender.class), "Signed in");
          assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
          assertThat(tokenRequests()).singleElement()
              .satisfies(form -> assertThat(form).containsEntry("refresh_token", STORED_REFRESH_TOKEN));
        });
  }

  @Test
  void aRevokedRefreshTokenIsSignInRequiredAtTheStartUpsVerification() {
    runner.withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=revoked-refresh-token",
            "mailsettings.verification.mode=log")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MailSettingsAccount.class).verification()).hasValueSatisfying(report ->
              assertThat(report.outcomes()).extracting(o -> o.status()).containsOnly(VerificationStatus.SIGN_IN_REQUIRED));
          assertThat(context.getBean(OAuth2Account.class).isSignedIn()).as("the refused grant is forgotten").isFalse();
          // Sending then fails as Spring reports a connection that failed, with the reason as its cause.
          assertThatThrownBy(() -> send(context.getBean(JavaMailSender.class), "Not sent"))
              .isInstanceOf(MailSendException.class)
              .hasRootCauseInstanceOf(SignInRequiredException.class);
          assertThat(greenMail.getReceivedMessages()).isEmpty();
        });
    runner.withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=revoked-refresh-token",
            "mailsettings.verification.mode=fail")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.VERIFICATION_FAILED);
        });
  }

  @Test
  void verificationAtStartUpLogsInWithTheRefreshedToken() {
    runner.withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN,
            "mailsettings.verification.mode=fail")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MailSettingsAccount.class).verification()).hasValueSatisfying(report ->
              assertThat(report.best()).hasValueSatisfying(best -> assertThat(best.status()).isEqualTo(VerificationStatus.OK)));
          assertThat(tokenRequests()).hasSize(1);
        });
  }

  @Test
  void aPasswordAndOAuthTogetherFailTheStartUpWithAReport() {
    for (String oauth : List.of("mailsettings.oauth2.client-id=" + CLIENT_ID, "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN)) {
      runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=secret", oauth).run(context -> {
        assertThat(context).hasFailed();
        assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.CONFLICTING_CREDENTIALS);
        FailureAnalysis analysis = analysis(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("mailsettings.password").contains("mailsettings.oauth2");
      });
    }
    assertThat(tokenRequests()).isEmpty();
  }

  @Test
  void oauthWithoutTokensOrWithoutClientIdFailsTheStartUp() {
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.oauth2.client-id=" + CLIENT_ID).run(context -> {
      assertThat(context).hasFailed();
      assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.NO_CREDENTIALS);
      FailureAnalysis analysis = analysis(context.getStartupFailure());
      assertThat(analysis).isNotNull();
      assertThat(analysis.getAction()).contains("mailsettings.oauth2.refresh-token").contains("TokenStore");
    });
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN).run(context -> {
      assertThat(context).hasFailed();
      assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.NO_CREDENTIALS);
    });
  }

  @Test
  void aProviderWithoutOAuthSettingsIsRefused() {
    runner.withPropertyValues(
            "mailsettings.address=jan@plain.example",
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.OAUTH2_NOT_OFFERED);
          assertThat(analysis(context.getStartupFailure())).isNotNull();
        });
    assertThat(tokenRequests()).isEmpty();
  }

  @Test
  void oauthSettingsThatDoNotRestOnTrustedDataAreRefused() {
    runner.withPropertyValues(
            "mailsettings.address=jan@smtp-only.example",
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.OAUTH2_UNTRUSTED);
          assertThat(analysis(context.getStartupFailure())).isNotNull();
        });
    assertThat(tokenRequests()).isEmpty();
  }

  @Test
  void withoutTheOAuth2ModuleTheClientIdFailsTheStartUpAndPasswordsStillWork() {
    ApplicationContextRunner withoutOAuth2 = runner.withClassLoader(new FilteredClassLoader(OAuth2Client.class));
    withoutOAuth2.withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.OAUTH2_MISSING);
          FailureAnalysis analysis = analysis(context.getStartupFailure());
          assertThat(analysis).isNotNull();
          assertThat(analysis.getAction()).contains("mailsettings-oauth2");
        });
    withoutOAuth2.withPropertyValues("mailsettings.address=jan@plain.example", "mailsettings.password=secret")
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(MailSettingsAccount.class)
            .doesNotHaveBean(MailSettingsOAuth2.class)
            .doesNotHaveBean(OAuth2Account.class));
  }

  @Test
  void springMailHostWinsOverTheOAuthOptionToo() {
    runner.withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.oauth2.client-id=" + CLIENT_ID,
            "mailsettings.oauth2.refresh-token=" + REFRESH_TOKEN,
            "spring.mail.host=127.0.0.1")
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(MailSettingsAccount.class)
            .doesNotHaveBean(MailSettingsOAuth2.class)
            .doesNotHaveBean(OAuth2Account.class));
  }

  @Test
  void theConfigurationMetadataDescribesTheOAuthProperties() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(List.of("mailsettings.oauth2.client-id", "mailsettings.oauth2.client-secret", "mailsettings.oauth2.refresh-token"))
          .allSatisfy(name -> assertThat(json).contains("\"name\": \"" + name + "\""));
    }
  }
}
