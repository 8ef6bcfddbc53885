/** The account-setup wizard example: the whole library in one walk. */
@NullMarked
package org.mailsettings.examples.wizard;

import org.jspecify.annotations.NullMarked;
