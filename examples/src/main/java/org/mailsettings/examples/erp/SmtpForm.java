package org.mailsettings.examples.erp;

/**
 * What a user typed into an ERP's e-mail settings: the sender (with a display name, as POHODA
 * allows), the SMTP server and port, the security label as the form shows it, and whether the
 * server requires a login.
 */
record SmtpForm(String sender, String server, int port, String securityLabel, boolean authentication, String username) {}
