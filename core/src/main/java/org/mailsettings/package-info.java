/**
 * The mailsettings API: turn an {@link org.mailsettings.EmailAddress} into ordered, trust-rated
 * {@link org.mailsettings.Candidate} settings for IMAP, POP3 and SMTP.
 *
 * <p>Start with {@link org.mailsettings.MailSettingsResolver}:
 *
 * <pre>{@code
 * MailSettingsResolver resolver = MailSettingsResolver.create();
 * Resolution resolution = resolver.resolve("info@vizus.cz");
 * Candidate smtp = resolution.outgoing().get(0);
 * }</pre>
 */
@NullMarked
@ValueStyle
package org.mailsettings;

import org.jspecify.annotations.NullMarked;
import org.mailsettings.internal.value.ValueStyle;
