package org.mailsettings.spring.boot.autoconfigure;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's {@link JavaMailSenderImpl} on the account's session, connecting through the {@link
 * org.mailsettings.jakarta.MailConnector} (so a whole connection and login is bounded in time and
 * in what the server may send before it), and with the account's address as {@code From} where a
 * message names none.
 */
final class MailSettingsMailSender extends JavaMailSenderImpl {
  private final MailSettingsAccount account;

  MailSettingsMailSender(MailSettingsAccount account) {
    this.account = account;
    setSession(account.session());
    setDefaultEncoding(StandardCharsets.UTF_8.name());
  }

  @Override
  protected Transport connectTransport() throws MessagingException {
    return account.connectTransport();
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object @Nullable [] originalMessages) {
    for (MimeMessage message : mimeMessages) {
      try {
        if (message.getHeader("From") == null) {
          message.setFrom(from());
        }
      } catch (MessagingException e) {
        throw new MailPreparationException("Cannot set the sender of a message", e);
      }
    }
    super.doSend(mimeMessages, originalMessages);
  }

  private InternetAddress from() {
    String mailbox = account.address().asciiAddress();
    String name = account.address().displayName().orElse(null);
    try {
      return name == null ? new InternetAddress(mailbox) : new InternetAddress(mailbox, name, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
      throw new MailPreparationException("Cannot use " + mailbox + " as the sender", e);
    }
  }
}
