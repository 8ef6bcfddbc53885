/**
 * Spring Boot auto-configuration of mailsettings: {@code mailsettings.address} and {@code
 * mailsettings.password} give the application a {@code JavaMailSender} whose sessions {@link
 * org.mailsettings.jakarta.MailConnector} builds from the resolved settings (timeouts, required
 * STARTTLS and host-name checks included), plus a {@link org.mailsettings.MailSettingsResolver}
 * bean for applications that resolve their users' addresses. With {@code mailsettings-oauth2} on
 * the class path, {@code mailsettings.oauth2.*} (or a {@code TokenStore} bean) signs the account in
 * with OAuth 2.0 instead of the password.
 *
 * @see org.mailsettings.spring.boot.autoconfigure.MailSettingsAutoConfiguration
 * @see org.mailsettings.spring.boot.autoconfigure.MailSettingsProperties
 */
@NullMarked
package org.mailsettings.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
