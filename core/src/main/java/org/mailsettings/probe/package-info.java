/**
 * Checking servers without credentials: what a TLS certificate names and whether it fits a host.
 */
@NullMarked
@ValueStyle
package org.mailsettings.probe;

import org.jspecify.annotations.NullMarked;
import org.mailsettings.internal.value.ValueStyle;
