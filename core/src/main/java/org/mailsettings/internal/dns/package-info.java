/**
 * Internal: the one DNS client of discovery, on dnsjava. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.dns;

import org.jspecify.annotations.NullMarked;
