/**
 * The desktop settings dialog example: an ERP's "E-mail account" dialog (Swing) with mailsettings
 * behind it. The user types a name and an address; the dialog fills in the outgoing server, its
 * port and its security, says where the settings came from and whether they must be confirmed,
 * discovers them over the network (with a progress indicator and a Cancel) when the bundled
 * database does not know the address, checks what the user typed, tests the connection, sends a
 * test message, and signs in with OAuth 2.0 where the provider requires it.
 */
@NullMarked
package org.mailsettings.examples.dialog;

import org.jspecify.annotations.NullMarked;
