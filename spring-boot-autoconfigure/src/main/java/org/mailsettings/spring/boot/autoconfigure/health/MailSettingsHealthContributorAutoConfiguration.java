package org.mailsettings.spring.boot.autoconfigure.health;

import org.mailsettings.MailSettingsResolver;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsAccount;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mailsettings} health indicator ({@link MailSettingsHealthIndicator}), when the
 * application has Spring Boot's health support (Actuator) and a {@link MailSettingsAccount};
 * {@code management.health.mailsettings.enabled=false} turns it off.
 */
@AutoConfiguration(after = MailSettingsAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(MailSettingsAccount.class)
@ConditionalOnEnabledHealthIndicator("mailsettings")
public final class MailSettingsHealthContributorAutoConfiguration {

  /** Created by Spring. */
  public MailSettingsHealthContributorAutoConfiguration() {}

  /**
   * {@return the indicator, probing with the client's prober}
   *
   * @param account the account
   * @param resolver the resolver
   */
  @Bean
  @ConditionalOnMissingBean(name = "mailsettingsHealthIndicator")
  public MailSettingsHealthIndicator mailsettingsHealthIndicator(MailSettingsAccount account, MailSettingsResolver resolver) {
    return new MailSettingsHealthIndicator(account, resolver.prober());
  }
}
