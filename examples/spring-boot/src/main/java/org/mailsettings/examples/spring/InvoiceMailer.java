package org.mailsettings.examples.spring;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The application's own code: it uses Spring's {@link JavaMailSender} as any Spring application
 * does, and does not know where the server settings came from. The sender ({@code From}) is the
 * configured {@code mailsettings.address}.
 */
@Service
public class InvoiceMailer {
  private final JavaMailSender mailSender;

  /**
   * A mailer sending through {@code mailSender}.
   *
   * @param mailSender the auto-configured sender
   */
  public InvoiceMailer(JavaMailSender mailSender) {
    this.mailSender = mailSender;
  }

  /**
   * Mails the notice that an invoice is ready.
   *
   * @param to the customer's address
   * @param number the invoice number
   */
  public void sendInvoiceNotice(String to, String number) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setTo(to);
    message.setSubject("Invoice " + number);
    message.setText("Dear customer,\n\nyour invoice " + number + " is ready.\n");
    mailSender.send(message);
  }
}
