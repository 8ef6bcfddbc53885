/**
 * The settings check: what is wrong with the mail settings a user typed into a form, and how to
 * fix it, in the user's language.
 *
 * <p>Describe the form with {@link org.mailsettings.check.TypedSettings}, check it with the
 * client's {@link org.mailsettings.check.SettingsCheck} and show each {@link
 * org.mailsettings.check.Finding} beside the {@linkplain org.mailsettings.check.SettingsField
 * field} it concerns, with its {@linkplain org.mailsettings.check.Finding#fix() fix}:
 *
 * <pre>{@code
 * MailSettingsResolver client = MailSettingsResolver.create();
 * CheckResult result = client.settingsCheck().check(TypedSettings.builder()
 *     .address("Jan Novák <info@vizus.cz>").protocol(Protocol.SMTP)
 *     .host("smtp.vizus.cz").port(587).securityLabel("SSL").username("info")
 *     .build());
 * for (Finding finding : result.findings()) {
 *   form.mark(finding.field(), finding.severity(), finding.message(Locale.forLanguageTag("cs")));
 * }
 * result.corrected().ifPresent(form::offerFix);   // smtp.vizus.cz:587 STARTTLS, info@vizus.cz
 * }</pre>
 *
 * <p>The check is offline: it compares the form with what the client knows (its provider
 * databases, the hoster rules for the MX hosts the caller passes). The Jakarta Mail adapter's
 * {@code LiveCheck} adds what a probe and a login show.
 */
@NullMarked
@ValueStyle
package org.mailsettings.check;

import org.jspecify.annotations.NullMarked;
import org.mailsettings.internal.value.ValueStyle;
