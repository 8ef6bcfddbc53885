/** The {@code mailsettings} command-line tool. */
@NullMarked
package org.mailsettings.examples.cli;

import org.jspecify.annotations.NullMarked;
