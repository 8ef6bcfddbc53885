/**
 * Internal: TLS plumbing, property building and failure classification. Not part of the API;
 * the module does not export this package.
 */
@NullMarked
package org.mailsettings.jakarta.internal;

import org.jspecify.annotations.NullMarked;
