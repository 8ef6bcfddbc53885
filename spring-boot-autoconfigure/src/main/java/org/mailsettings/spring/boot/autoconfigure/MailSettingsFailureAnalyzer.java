package org.mailsettings.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MailSettingsUnavailableException} at start-up into Spring Boot's "Application
 * failed to start" report: what is wrong, and which property to set.
 */
final class MailSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MailSettingsUnavailableException> {

  MailSettingsFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MailSettingsUnavailableException cause) {
    return new FailureAnalysis(String.valueOf(cause.getMessage()), action(cause.reason()), cause);
  }

  static String action(MailSettingsUnavailableException.Reason reason) {
    return switch (reason) {
      case NO_SETTINGS -> "Add a provider file for the domain to mailsettings.providers-directory, name the domain's"
          + " MX host in mailsettings.mx-hosts, or set mailsettings.discovery.enabled=true.";
      case NO_CREDENTIALS -> "Set mailsettings.password, for example mailsettings.password=${MAIL_PASSWORD}; or, for a"
          + " provider that wants OAuth 2.0, mailsettings.oauth2.client-id with mailsettings.oauth2.refresh-token"
          + " (or a TokenStore bean of the application's that holds the account's tokens).";
      case CONFLICTING_CREDENTIALS -> "Keep either mailsettings.password or the mailsettings.oauth2.* properties, not both:"
          + " an account signs in with a password or with OAuth 2.0.";
      case OAUTH2_MISSING -> "Add the dependency org.mailsettings:mailsettings-oauth2 for mailsettings.oauth2.*, or"
          + " remove mailsettings.oauth2.client-id and set mailsettings.password.";
      case OAUTH2_NOT_OFFERED -> "Sign in with mailsettings.password for this provider, or give its OAuth 2.0 settings"
          + " in a provider file (an <oAuth2> block) in mailsettings.providers-directory.";
      case OAUTH2_UNTRUSTED -> "The OAuth 2.0 endpoints are taken only from trusted provider data: put a provider file"
          + " for the domain, with its <oAuth2> block, in mailsettings.providers-directory.";
      case NOT_CONFIRMED -> "Add the servers' domains to mailsettings.confirmed-domains if you trust them, or set"
          + " mailsettings.verification.mode=fail so that a login proves them at start-up.";
      case VERIFICATION_FAILED -> "Check mailsettings.password (AUTH_FAILED: the server refused it) and the servers"
          + " listed; with mailsettings.verification.mode=log the application starts anyway.";
    };
  }
}
