/**
 * Internal: a strict, bounded JSON (RFC 8259) reader and a deterministic writer, for PACC
 * documents and (in the Jakarta Mail adapter) the JSON errors of refused OAUTHBEARER logins. Not
 * part of the API; the module exports this package to the adapter alone.
 */
@NullMarked
package org.mailsettings.internal.json;

import org.jspecify.annotations.NullMarked;
