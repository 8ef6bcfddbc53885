/** A Spring Boot application that mails invoices through the mailsettings starter. */
@NullMarked
package org.mailsettings.examples.spring;

import org.jspecify.annotations.NullMarked;
