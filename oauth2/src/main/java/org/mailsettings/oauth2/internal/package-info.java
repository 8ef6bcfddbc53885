/**
 * Internal: the loopback redirect listener, the grants' protocol steps over Nimbus
 * oauth2-oidc-sdk, the bounded HTTP sender and the in-memory token store. Not part of the API;
 * the module does not export this package.
 */
@NullMarked
package org.mailsettings.oauth2.internal;

import org.jspecify.annotations.NullMarked;
