package org.mailsettings.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.Source;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.probe.ProbeStatus;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsUnavailableException.Reason;
import org.mailsettings.spring.boot.autoconfigure.health.MailSettingsHealthContributorAutoConfiguration;
import org.mailsettings.spring.boot.autoconfigure.health.MailSettingsHealthIndicator;
import org.mailsettings.testing.TestTls;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The auto-configuration in application contexts against a real GreenMail (SMTPS and IMAPS on
 * 127.0.0.1 with the test certificate), found through the application's own provider files.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailSettingsAutoConfigurationTest {
  private static final String JAN = "jan@example.cz";
  private static final String PASSWORD = "Jan-s3cr3t";
  private static GreenMail greenMail;
  private static int closedPort;
  @TempDir static Path providers;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          SslAutoConfiguration.class,
          MailSettingsAutoConfiguration.class,
          MailSettingsHealthContributorAutoConfiguration.class,
          MailSenderAutoConfiguration.class))
      .withPropertyValues(
          "spring.ssl.bundle.jks.test.truststore.location=file:" + TestTls.directory().resolve("truststore.p12"),
          "spring.ssl.bundle.jks.test.truststore.type=PKCS12",
          "spring.ssl.bundle.jks.test.truststore.password=changeit",
          "mailsettings.ssl-bundle=test",
          "mailsettings.providers-directory=" + providers,
          "mailsettings.connect-timeout=5s",
          "mailsettings.read-timeout=5s");

  @BeforeAll
  static void start() throws IOException {
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
    greenMail.setUser(JAN, JAN, PASSWORD);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(providers.resolve("example.cz.xml"),
        provider("example.cz", greenMail.getImaps().getPort(), greenMail.getSmtps().getPort()));
    Files.writeString(providers.resolve("down.example.xml"), provider("down.example", closedPort, closedPort));
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
  }

  @BeforeEach
  void emptyMailboxes() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
  }

  private static String provider(String domain, int imapsPort, int smtpsPort) {
    return "<clientConfig version=\"1.1\"><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<displayName>Test</displayName>"
        + "<incomingServer type=\"imap\"><hostname>localhost</hostname><port>" + imapsPort
        + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>" + smtpsPort
        + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider></clientConfig>";
  }

  private static @Nullable Reason reason(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MailSettingsUnavailableException unavailable) {
        return unavailable.reason();
      }
    }
    return null;
  }

  @Test
  void aMessageSentThroughTheAutoConfiguredSenderArrives() {
    runner.withPropertyValues("mailsettings.address=Jan Novák <jan@example.cz>", "mailsettings.password=" + PASSWORD)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(JavaMailSender.class).hasSingleBean(MailSettingsAccount.class);
          MailSettingsAccount account = context.getBean(MailSettingsAccount.class);
          assertThat(account.outgoing().sources()).contains(Source.LOCAL_FILE);
          assertThat(account.outgoing().settings().port()).isEqualTo(greenMail.getSmtps().getPort());
          assertThat(account.outgoing().settings().security()).isEqualTo(Security.IMPLICIT_TLS);
          assertThat(account.toString()).doesNotContain(PASSWORD);

          SimpleMailMessage message = new SimpleMailMessage();
          message.setTo(JAN);
          message.setSubject("Invoice 2026-0042");
          message.setText("Sent by the application through mailsettings.");
          context.getBean(JavaMailSender.class).send(message);

          assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
          MimeMessage received = greenMail.getReceivedMessages()[0];
          assertThat(received.getSubject()).isEqualTo("Invoice 2026-0042");
          InternetAddress from = (InternetAddress) received.getFrom()[0];
          assertThat(from.getAddress()).isEqualTo(JAN);
          assertThat(from.getPersonal()).isEqualTo("Jan Novák");
        });
  }

  @Test
  void theAccountReadsMailFromThePreferredIncomingServer() {
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=" + PASSWORD, "mailsettings.preferred-incoming=imap")
        .run(context -> {
          MailSettingsAccount account = context.getBean(MailSettingsAccount.class);
          assertThat(account.incoming()).hasValueSatisfying(c -> assertThat(c.protocol()).isEqualTo(Protocol.IMAP));
          try (Store store = account.connectStore()) {
            assertThat(store.isConnected()).isTrue();
          }
        });
  }

  @Test
  void theResolverAndConnectorAreThereWithoutAnAccountAndCloseWithTheContext() {
    AtomicReference<MailSettingsResolver> resolver = new AtomicReference<>();
    runner.run(context -> {
      assertThat(context).hasNotFailed()
          .hasSingleBean(MailSettingsResolver.class)
          .hasSingleBean(MailConnector.class)
          .doesNotHaveBean(MailSettingsAccount.class)
          .doesNotHaveBean(JavaMailSender.class);
      resolver.set(context.getBean(MailSettingsResolver.class));
      assertThat(resolver.get().resolve(JAN).outgoing()).isNotEmpty();
    });
    assertThatThrownBy(() -> resolver.get().discover(EmailAddress.parse(JAN), org.mailsettings.DiscoveryOptions.defaults()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void springMailHostWinsAndTheStarterSaysSoOnce(CapturedOutput output) {
    runner.withPropertyValues(
            "mailsettings.address=" + JAN,
            "mailsettings.password=" + PASSWORD,
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + greenMail.getSmtps().getPort())
        .run(context -> {
          assertThat(context).hasNotFailed()
              .doesNotHaveBean(MailSettingsAccount.class)
              .hasSingleBean(MailSettingsResolver.class)
              .hasSingleBean(JavaMailSender.class);
          JavaMailSender sender = context.getBean(JavaMailSender.class);
          assertThat(sender).isNotInstanceOf(MailSettingsMailSender.class);
          assertThat(((JavaMailSenderImpl) sender).getHost()).isEqualTo("127.0.0.1");
        });
    String log = output.getAll();
    assertThat(log.split("spring\\.mail\\.host=127\\.0\\.0\\.1", -1)).hasSize(2);
  }

  @Test
  void guessesAreNotUsedWithoutConfirmationOrVerification() {
    runner.withPropertyValues("mailsettings.address=jan@unknown-firm.example", "mailsettings.password=" + PASSWORD)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.NOT_CONFIRMED);
        });
  }

  @Test
  void aMissingPasswordFailsTheStartUpWithAReport() {
    runner.withPropertyValues("mailsettings.address=" + JAN).run(context -> {
      assertThat(context).hasFailed();
      assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.NO_CREDENTIALS);
      FailureAnalysis analysis = new MailSettingsFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis).isNotNull();
      assertThat(analysis.getAction()).contains("mailsettings.password");
    });
  }


  @Test
  void verificationAtStartUpKeepsTheServerThatAcceptedTheLogin() {
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=" + PASSWORD, "mailsettings.verification.mode=fail")
        .run(context -> {
          assertThat(context).hasNotFailed();
          MailSettingsAccount account = context.getBean(MailSettingsAccount.class);
          assertThat(account.verification()).hasValueSatisfying(report ->
              assertThat(report.best()).hasValueSatisfying(best -> assertThat(best.status()).isEqualTo(VerificationStatus.OK)));
        });
  }

  @Test
  void aRefusedLoginFailsFastOrIsLogged() {
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=wrong", "mailsettings.verification.mode=fail")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(reason(context.getStartupFailure())).isEqualTo(Reason.VERIFICATION_FAILED);
        });
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=wrong", "mailsettings.verification.mode=log")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(JavaMailSender.class);
          MailSettingsAccount account = context.getBean(MailSettingsAccount.class);
          assertThat(account.verification()).hasValueSatisfying(report ->
              assertThat(report.outcomes()).extracting(o -> o.status()).containsOnly(VerificationStatus.AUTH_FAILED));
        });
  }

  @Test
  void discoveryAnswersFromTheProviderFilesAtOnce() {
    runner.withPropertyValues(
            "mailsettings.address=" + JAN, "mailsettings.password=" + PASSWORD,
            "mailsettings.discovery.enabled=true", "mailsettings.discovery.deadline=5s")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MailSettingsAccount.class).outgoing().sources()).contains(Source.LOCAL_FILE);
        });
  }

  @Test
  void healthIsUpWhenTheOutgoingServerAnswers() {
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=" + PASSWORD).run(context -> {
      Health health = context.getBean(MailSettingsHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("status", ProbeStatus.REACHABLE.name())
          .containsEntry("server", "localhost:" + greenMail.getSmtps().getPort())
          .containsKey("tlsVersion");
      assertThat(health.getDetails().values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(PASSWORD));
    });
  }

  @Test
  void healthIsDownWhenTheOutgoingServerRefuses() {
    runner.withPropertyValues("mailsettings.address=ops@down.example", "mailsettings.password=" + PASSWORD).run(context -> {
      Health health = context.getBean(MailSettingsHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("status", ProbeStatus.REFUSED.name());
    });
  }

  @Test
  void springBootsLoggingInMailIndicatorStaysWithItsOwnSenders() {
    runner.withConfiguration(AutoConfigurations.of(MailHealthContributorAutoConfiguration.class))
        .withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=" + PASSWORD)
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(MailSettingsHealthIndicator.class)
            .doesNotHaveBean("mailHealthContributor")
            .doesNotHaveBean("mailHealthIndicator"));
  }

  @Test
  void theHealthIndicatorCanBeTurnedOff() {
    runner.withPropertyValues("mailsettings.address=" + JAN, "mailsettings.password=" + PASSWORD, "management.health.mailsettings.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MailSettingsHealthIndicator.class));
  }

  @Test
  void theConfigurationMetadataDescribesTheProperties() throws IOException {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(Arrays.asList("mailsettings.address", "mailsettings.password", "mailsettings.mx-hosts",
              "mailsettings.providers-directory", "mailsettings.discovery.enabled", "mailsettings.discovery.deadline",
              "mailsettings.verification.mode", "mailsettings.preferred-incoming", "mailsettings.confirmed-domains"))
          .allSatisfy(name -> assertThat(json).contains("\"name\": \"" + name + "\""));
    }
  }
}
