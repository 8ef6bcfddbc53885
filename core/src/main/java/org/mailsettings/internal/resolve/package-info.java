/**
 * Internal: the resolution pipeline: candidates from providers and guesses, policy, order and merge. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.resolve;

import org.jspecify.annotations.NullMarked;
