/**
 * Internal: the Immutables style shared by the project's value types, and the generated classes'
 * copy methods for the library's hot paths. Not part of the API; the module does not export this
 * package.
 */
@NullMarked
package org.mailsettings.internal.value;

import org.jspecify.annotations.NullMarked;
