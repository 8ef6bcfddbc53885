package org.mailsettings.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.testing.TestTls;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application started as a user starts it, with command-line properties, mailing an
 * invoice through a real GreenMail (SMTPS on 127.0.0.1) that the application's own provider file
 * names for {@code firma.cz}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvoiceMailerApplicationTest {
  private GreenMail greenMail;
  @TempDir Path providers;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
    smtps.setServerStartupTimeout(30_000); // GreenMail's 2 s are short on a busy machine
    greenMail = new GreenMail(smtps);
    greenMail.start();
    greenMail.setUser("ucetni@firma.cz", "ucetni@firma.cz", "Invoices-2026");
    Files.writeString(providers.resolve("firma.cz.xml"),
        "<clientConfig version=\"1.1\"><emailProvider id=\"firma.cz\"><domain>firma.cz</domain>"
            + "<displayName>Firma</displayName><outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>"
            + greenMail.getSmtps().getPort() + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username>"
            + "</outgoingServer></emailProvider></clientConfig>");
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  @Test
  void theApplicationMailsAnInvoiceThroughTheResolvedServer() throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InvoiceMailerApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--mailsettings.password=Invoices-2026",
            "--mailsettings.providers-directory=" + providers,
            "--mailsettings.ssl-bundle=test",
            "--spring.ssl.bundle.jks.test.truststore.location=file:" + TestTls.directory().resolve("truststore.p12"),
            "--spring.ssl.bundle.jks.test.truststore.type=PKCS12",
            "--spring.ssl.bundle.jks.test.truststore.password=changeit",
            "--invoice.to=customer@example.com",
            "--invoice.number=2026-0042")) {
      assertThat(context.isActive()).isTrue();
      assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
      MimeMessage received = greenMail.getReceivedMessages()[0];
      assertThat(received.getSubject()).isEqualTo("Invoice 2026-0042");
      assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo("customer@example.com");
      InternetAddress from = (InternetAddress) received.getFrom()[0];
      assertThat(from.getAddress()).isEqualTo("ucetni@firma.cz");
      assertThat(from.getPersonal()).isEqualTo("Účtárna");
    }
  }

  @Test
  void withoutAPasswordTheApplicationDoesNotStartAndSaysWhatToSet(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(InvoiceMailerApplication.class)
            .web(WebApplicationType.NONE)
            .run("--mailsettings.providers-directory=" + providers))
        .hasRootCauseInstanceOf(org.mailsettings.spring.boot.autoconfigure.MailSettingsUnavailableException.class);
    // Spring Boot's failure report, with the starter's analysis: the property to set.
    assertThat(output.getAll()).contains("Set mailsettings.password");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }
}
