/** Internal: bounded input. Not part of the API; the module does not export this package. */
@NullMarked
package org.mailsettings.internal.io;

import org.jspecify.annotations.NullMarked;
