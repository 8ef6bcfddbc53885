package org.mailsettings.spring.boot.autoconfigure;

import org.mailsettings.Resolution;
import org.mailsettings.jakarta.Credentials;

/**
 * The account's OAuth 2.0 sign-in ({@code mailsettings.oauth2.*}), when {@code
 * mailsettings-oauth2} is on the class path. Free of that module's types, so that the account
 * resolves without it; {@link MailSettingsOAuth2} is the implementation.
 */
interface OAuth2SignIn {

  /**
   * {@return XOAUTH2 credentials for the resolution's account whose access token refreshes itself
   * as needed}
   *
   * @param resolution the account's resolution, whose provider data gives the OAuth 2.0 settings
   * @throws MailSettingsUnavailableException when the provider data has no trusted OAuth 2.0
   *     settings, or nothing gives the account's tokens
   */
  Credentials credentials(Resolution resolution);
}
