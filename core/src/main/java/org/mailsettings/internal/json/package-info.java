/**
 * Internal: a strict, bounded JSON (RFC 8259) reader and a deterministic writer, for PACC
 * documents. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.json;

import org.jspecify.annotations.NullMarked;
