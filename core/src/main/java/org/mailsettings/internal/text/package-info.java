/**
 * Internal: the words for people, rendered from resource bundles by code. Not part of the API;
 * the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.text;

import org.jspecify.annotations.NullMarked;
