/**
 * Internal: host names and addresses. Not part of the API; the module does not export this
 * package.
 */
@NullMarked
package org.mailsettings.internal.net;

import org.jspecify.annotations.NullMarked;
