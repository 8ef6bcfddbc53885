/**
 * Internal: the indexed provider database and its loading. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.provider;

import org.jspecify.annotations.NullMarked;
