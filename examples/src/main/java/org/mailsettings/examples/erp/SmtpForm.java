package org.mailsettings.examples.erp;

import org.mailsettings.Protocol;
import org.mailsettings.check.TypedSettings;

/**
 * What a user typed into an ERP's e-mail settings: the sender (with a display name, as POHODA
 * allows), the SMTP server and port, the security label as the form shows it, whether the server
 * requires a login, and the user name.
 */
record SmtpForm(String sender, String server, int port, String securityLabel, boolean authentication, String username) {

  /** The form as the library's settings check reads it. */
  TypedSettings typed() {
    return TypedSettings.builder()
        .address(sender)
        .protocol(Protocol.SMTP)
        .host(server)
        .port(port)
        .securityLabel(securityLabel)
        .loginRequired(authentication)
        .username(username)
        .build();
  }
}
