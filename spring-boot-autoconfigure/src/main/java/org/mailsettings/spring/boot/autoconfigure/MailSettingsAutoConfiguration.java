package org.mailsettings.spring.boot.autoconfigure;

import org.mailsettings.MailSettingsResolver;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.oauth2.OAuth2Account;
import org.mailsettings.oauth2.TokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Auto-configuration of mailsettings: one {@link MailSettingsResolver} (the long-lived client,
 * closed with the context) and a {@link MailConnector} on its threads, always; and, when {@code
 * mailsettings.address} is set, the {@link MailSettingsAccount} and a {@link JavaMailSender}
 * whose sessions the connector builds from the resolved settings. The account signs in with
 * {@code mailsettings.password}, or, with {@code mailsettings-oauth2} on the class path, with
 * OAuth 2.0 ({@code mailsettings.oauth2.*}, or the application's {@code TokenStore} bean).
 *
 * <p>Runs before Spring Boot's own mail auto-configuration. When the application sets {@code
 * spring.mail.host} (or {@code spring.mail.jndi-name}), that wins: no account and no sender come
 * from here, and a warning says so once at start-up. A {@link MailSender} bean of the
 * application's own wins as well.
 */
@AutoConfiguration(
    after = SslAutoConfiguration.class,
    beforeName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass({MailSettingsResolver.class, MailConnector.class, JavaMailSenderImpl.class})
@EnableConfigurationProperties(MailSettingsProperties.class)
public final class MailSettingsAutoConfiguration {

  /** Created by Spring. */
  public MailSettingsAutoConfiguration() {}

  /**
   * {@return the client: the application's providers directory first, then the bundled database; the
   * trust of {@code mailsettings.ssl-bundle} when set} Closed with the context.
   *
   * @param properties the properties
   * @param sslBundles the ssl bundles
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public MailSettingsResolver mailSettingsResolver(MailSettingsProperties properties, ObjectProvider<SslBundles> sslBundles) {
    MailSettingsResolver.Builder builder = MailSettingsResolver.builder();
    if (properties.getProvidersDirectory() != null) {
      builder.addProviderDirectory(properties.getProvidersDirectory());
    }
    String bundle = properties.getSslBundle();
    if (bundle != null && !bundle.isEmpty()) {
      builder.sslContext(sslBundles.getObject().getBundle(bundle).createSslContext());
    }
    return builder.build();
  }

  /**
   * {@return the connector, on the client's threads and with its trust, with {@code mailsettings.*}
   * timeouts and plaintext setting} Closed with the context, before the client.
   *
   * @param resolver the resolver
   * @param properties the properties
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public MailConnector mailConnector(MailSettingsResolver resolver, MailSettingsProperties properties) {
    return MailConnector.create(
        resolver,
        MailOptions.builder()
            .connectTimeout(properties.getConnectTimeout())
            .readTimeout(properties.getReadTimeout())
            .plaintextAllowed(properties.isAllowPlaintext())
            .build());
  }

  /** The account and its sender, when {@code mailsettings.address} is set and Spring Boot's mail sender is not configured. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "mailsettings", name = "address")
  @Conditional(SpringMailConfigured.Not.class)
  static class AccountConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MailSettingsAccount mailSettingsAccount(
        MailSettingsResolver resolver,
        MailConnector connector,
        MailSettingsProperties properties,
        ObjectProvider<OAuth2SignIn> oauth) {
      return MailSettingsAccount.resolve(resolver, connector, properties, oauth.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(MailSender.class)
    JavaMailSender mailSender(MailSettingsAccount account) {
      return new MailSettingsMailSender(account);
    }
  }

  /**
   * The account's OAuth 2.0 sign-in, when {@code mailsettings.oauth2.client-id} is set and {@code
   * mailsettings-oauth2} is on the class path (an optional dependency: without it, the client id
   * fails the start-up with {@link MailSettingsUnavailableException.Reason#OAUTH2_MISSING}). The
   * tokens come from the application's {@link TokenStore} bean when there is one, else from
   * {@code mailsettings.oauth2.refresh-token}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.mailsettings.oauth2.OAuth2Client")
  @ConditionalOnProperty(prefix = "mailsettings", name = {"address", "oauth2.client-id"})
  @Conditional(SpringMailConfigured.Not.class)
  static class OAuth2Configuration {

    @Bean(destroyMethod = "close")
    MailSettingsOAuth2 mailSettingsOAuth2(
        MailSettingsResolver resolver, MailSettingsProperties properties, ObjectProvider<TokenStore> tokenStore) {
      return new MailSettingsOAuth2(resolver.sslContext(), properties, tokenStore);
    }

    /**
     * The account at its provider, for what the application does with it itself: sign it in
     * (when its {@link TokenStore} has no tokens yet), sign it out, {@code
     * accessTokens().invalidate()}.
     */
    @Bean
    @ConditionalOnMissingBean
    OAuth2Account mailSettingsOAuth2Account(MailSettingsAccount account, MailSettingsOAuth2 oauth) {
      return oauth.account(account.resolution());
    }
  }

  /** The warning, when {@code mailsettings.address} is set but so is Spring Boot's mail sender. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "mailsettings", name = "address")
  @Conditional(SpringMailConfigured.class)
  static class BackOffConfiguration {

    @Bean
    @Lazy(false)
    MailSettingsBackOff mailSettingsBackOff(Environment environment) {
      return new MailSettingsBackOff(environment);
    }
  }
}
