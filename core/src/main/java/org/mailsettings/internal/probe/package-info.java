/**
 * Internal: the line-based conversations of the prober with IMAP, POP3 and SMTP servers. Not
 * part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.probe;

import org.jspecify.annotations.NullMarked;
