/**
 * Jakarta Mail from resolved settings: {@link org.mailsettings.jakarta.MailConnector} builds
 * {@code Properties}, {@code Session}s, connected stores and transports, and verifies
 * candidates by logging in; {@link org.mailsettings.jakarta.LiveCheck} adds what a probe and a
 * login show to the settings check of what a user typed.
 *
 * <pre>{@code
 * Resolution r = MailSettingsResolver.create().resolve("Jan Novák <info@vizus.cz>");
 * MailConnector mail = MailConnector.create();
 * Session session = mail.session(r.outgoing().get(0).settings(), r.address(), Credentials.password(secret));
 * }</pre>
 */
@NullMarked
@ValueStyle
package org.mailsettings.jakarta;

import org.jspecify.annotations.NullMarked;
import org.mailsettings.jakarta.internal.ValueStyle;
