/**
 * Internal: the one HTTP fetcher of discovery: size caps, timeouts and redirect rules. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.http;

import org.jspecify.annotations.NullMarked;
