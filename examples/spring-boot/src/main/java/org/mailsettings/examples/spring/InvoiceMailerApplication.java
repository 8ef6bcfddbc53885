package org.mailsettings.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that mails invoices: the mail server is not configured anywhere,
 * only the sender's address and password ({@code application.properties}); the mailsettings
 * starter resolves the settings and gives the application a {@code JavaMailSender}.
 *
 * <pre>
 * java -jar examples/spring-boot/target/invoice-mailer.jar \
 *     --mailsettings.address="Účtárna &lt;ucetni@firma.cz&gt;" --mailsettings.password=... \
 *     --invoice.to=customer@example.com --invoice.number=2026-0042
 * </pre>
 */
@SpringBootApplication
public class InvoiceMailerApplication {

  /** Created by Spring. */
  public InvoiceMailerApplication() {}

  /**
   * Starts the application; with {@code --invoice.to} it mails that invoice and ends.
   *
   * @param args Spring Boot's arguments ({@code --name=value} properties)
   */
  public static void main(String[] args) {
    SpringApplication.run(InvoiceMailerApplication.class, args);
  }
}
