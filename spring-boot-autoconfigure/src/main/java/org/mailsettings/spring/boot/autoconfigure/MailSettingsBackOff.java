package org.mailsettings.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;

/**
 * Says once, at start-up, that {@code mailsettings.address} is not used for sending because the
 * application configures Spring Boot's own mail sender ({@code spring.mail.host} or {@code
 * spring.mail.jndi-name}): the explicit configuration wins, and nothing is overridden silently.
 */
final class MailSettingsBackOff {
  private static final Log LOG = LogFactory.getLog(MailSettingsAutoConfiguration.class);

  MailSettingsBackOff(Environment environment) {
    String host = environment.getProperty("spring.mail.host");
    String what = host != null ? "spring.mail.host=" + host : "spring.mail.jndi-name=" + environment.getProperty("spring.mail.jndi-name");
    LOG.warn("mailsettings: " + what + " is set, so Spring Boot's mail sender is used and mailsettings.address="
        + environment.getProperty("mailsettings.address") + " is not; remove " + what.substring(0, what.indexOf('='))
        + " to send through the settings mailsettings resolves");
  }
}
