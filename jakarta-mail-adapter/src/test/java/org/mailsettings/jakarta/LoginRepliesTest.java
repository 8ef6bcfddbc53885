package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailsettings.Protocol;
import org.mailsettings.jakarta.internal.LoginReplies;
import org.mailsettings.jakarta.internal.LoginReplies.Reason;

/** The replies real servers give when they refuse a login, as the protocols' codes say. */
class LoginRepliesTest {

  @Test
  void smtpEnhancedStatusCodesAndReplyCodes() {
    assertThat(LoginReplies.classify(Protocol.SMTP, "535 5.7.8 Username and Password not accepted.")).isEqualTo(Reason.CREDENTIALS);
    assertThat(LoginReplies.classify(Protocol.SMTP, "534-5.7.9 Application-specific password required.")).isEqualTo(Reason.OAUTH2);
    assertThat(LoginReplies.classify(Protocol.SMTP, "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."))
        .isEqualTo(Reason.OAUTH2);
    assertThat(LoginReplies.classify(Protocol.SMTP, "535 5.7.3 Authentication unsuccessful")).isEqualTo(Reason.CREDENTIALS);
    assertThat(LoginReplies.classify(Protocol.SMTP, "535 5.7.13 User account disabled")).isEqualTo(Reason.REFUSED);
    assertThat(LoginReplies.classify(Protocol.SMTP, "454 4.7.0 Too many login attempts, please try again later.")).isEqualTo(Reason.REFUSED);
    assertThat(LoginReplies.classify(Protocol.SMTP, "535 Authentication credentials invalid")).isEqualTo(Reason.CREDENTIALS);
    assertThat(LoginReplies.classify(Protocol.SMTP, "Authentication failed")).isEqualTo(Reason.CREDENTIALS);
  }

  @Test
  void imapAndPop3ResponseCodes() {
    assertThat(LoginReplies.classify(Protocol.IMAP, "[AUTHENTICATIONFAILED] Authentication failed.")).isEqualTo(Reason.CREDENTIALS);
    assertThat(LoginReplies.classify(Protocol.IMAP, "[UNAVAILABLE] Temporary authentication failure.")).isEqualTo(Reason.REFUSED);
    assertThat(LoginReplies.classify(Protocol.IMAP, "[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"))
        .isEqualTo(Reason.OAUTH2);
    assertThat(LoginReplies.classify(Protocol.POP3, "[AUTH] Authentication failed.")).isEqualTo(Reason.CREDENTIALS);
    assertThat(LoginReplies.classify(Protocol.POP3, "[SYS/TEMP] Try again later.")).isEqualTo(Reason.REFUSED);
  }
}
