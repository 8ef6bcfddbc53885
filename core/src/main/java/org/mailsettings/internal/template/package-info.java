/**
 * Internal: expansion of the autoconfig placeholders, in one place. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.template;

import org.jspecify.annotations.NullMarked;
