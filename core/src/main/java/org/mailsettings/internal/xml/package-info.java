/**
 * Internal: safe XML reading shared by every XML format the library reads (clientConfig,
 * Autodiscover). Not part of the API; the module does not export this package.
 */
@NullMarked
package org.mailsettings.internal.xml;

import org.jspecify.annotations.NullMarked;
