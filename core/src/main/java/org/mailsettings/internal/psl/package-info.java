/**
 * Internal: the Public Suffix List, for registrable domains. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.psl;

import org.jspecify.annotations.NullMarked;
