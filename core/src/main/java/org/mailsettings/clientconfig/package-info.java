/**
 * The autoconfig clientConfig document (draft-ietf-mailmaint-autoconfig, version 1.2, compatible
 * with 1.1): its model and its one parser, used for the bundled database, the application's own
 * provider files and, later, documents fetched from the network.
 *
 * <p>The project's extension elements live in the namespace {@value
 * org.mailsettings.clientconfig.ClientConfigParser#EXTENSION_NAMESPACE}; other clients ignore
 * them, as the draft asks of unknown elements.
 */
@NullMarked
@ValueStyle
package org.mailsettings.clientconfig;

import org.jspecify.annotations.NullMarked;
import org.mailsettings.internal.value.ValueStyle;
