/**
 * Internal: the network sources of discovery and their results. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.discovery;

import org.jspecify.annotations.NullMarked;
