/** The ERP-style SMTP setup example: the form an accounting package shows, checked and tested. */
@NullMarked
package org.mailsettings.examples.erp;

import org.jspecify.annotations.NullMarked;
