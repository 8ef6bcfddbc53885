/** JMH benchmarks of mailsettings; see {@code benchmarks/README.md}. */
@NullMarked
package org.mailsettings.benchmarks;

import org.jspecify.annotations.NullMarked;
