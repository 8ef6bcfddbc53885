/**
 * Internal: internationalised domain names (IDNA) without a third-party library. Not part of the
 * API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.idn;

import org.jspecify.annotations.NullMarked;
