package org.mailsettings.examples.spring;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** With {@code --invoice.to=...}, mails that invoice's notice once the application has started. */
@Component
@ConditionalOnProperty("invoice.to")
public class SendOnStartup implements ApplicationRunner {
  private final InvoiceMailer mailer;
  private final Environment environment;

  /**
   * A runner for the configured invoice.
   *
   * @param mailer the mailer
   * @param environment where {@code invoice.to} and {@code invoice.number} are read
   */
  public SendOnStartup(InvoiceMailer mailer, Environment environment) {
    this.mailer = mailer;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    mailer.sendInvoiceNotice(
        environment.getRequiredProperty("invoice.to"), environment.getProperty("invoice.number", "2026-0001"));
  }
}
