/**
 * Internal: PACC (draft-ietf-mailmaint-pacc-03) documents and their DNS digest records, read and
 * written. Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.pacc;

import org.jspecify.annotations.NullMarked;
