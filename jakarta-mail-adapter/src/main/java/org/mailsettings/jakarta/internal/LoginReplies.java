package org.mailsettings.jakarta.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Protocol;

/**
 * Tells apart why a server refused a login, from the structured parts of its reply: SMTP
 * enhanced status codes (RFC 3463, the IANA registry of RFC 5248) and reply codes, IMAP response
 * codes (RFC 5530), POP3 extended response codes (RFC 2449, RFC 3206). A reply without any of
 * them is taken as refused credentials, which is what a refused login usually is.
 */
public final class LoginReplies {
  /** Why the login was refused. */
  public enum Reason {
    /** The user name or the password is wrong. */
    CREDENTIALS,
    /** Refused for another reason: the account is disabled or locked, access is off, too many attempts, try later. */
    REFUSED,
    /** The server refuses passwords here: OAuth 2.0 sign-in (or an app password) is needed. */
    OAUTH2
  }

  private static final Pattern ENHANCED = Pattern.compile("(?<![0-9.])([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9.])");
  private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5][0-9][0-9])(?:[\\s-]|$)", Pattern.MULTILINE);
  private static final List<String> IMAP_REFUSED =
      List.of("[AUTHORIZATIONFAILED]", "[EXPIRED]", "[CONTACTADMIN]", "[UNAVAILABLE]", "[PRIVACYREQUIRED]", "[LIMIT]", "[INUSE]");
  private static final List<String> POP3_REFUSED = List.of("[SYS/TEMP]", "[SYS/PERM]", "[IN-USE]", "[LOGIN-DELAY]");

  private LoginReplies() {}

  /** Why the server refused the login, from its reply (the whole text Jakarta Mail reports). */
  public static Reason classify(Protocol protocol, String reply) {
    String upper = reply.toUpperCase(Locale.ROOT);
    if (protocol == Protocol.SMTP) {
      Matcher enhanced = ENHANCED.matcher(reply);
      if (enhanced.find()) {
        Reason reason = enhanced(enhanced.group(1), enhanced.group(2), enhanced.group(3));
        if (reason != null) {
          return reason;
        }
      }
      Matcher code = REPLY_CODE.matcher(reply);
      String number = null;
      while (code.find()) {
        number = code.group(1); // the last reply is the refusal
      }
      if (number != null) {
        return switch (number) {
          case "535" -> Reason.CREDENTIALS; // RFC 4954: authentication credentials invalid
          case "534" -> Reason.OAUTH2; // RFC 4954: authentication mechanism is too weak
          default -> Reason.REFUSED; // 454 temporary, 530 authentication required, 550 ...
        };
      }
    }
    if (upper.contains("[AUTHENTICATIONFAILED]") || upper.contains("[AUTH]")) {
      return Reason.CREDENTIALS;
    }
    for (String code : protocol == Protocol.POP3 ? POP3_REFUSED : IMAP_REFUSED) {
      if (upper.contains(code)) {
        return Reason.REFUSED;
      }
    }
    // Google's IMAP and POP3 alert has no code of its own; its wording is the only evidence.
    if (upper.contains("APPLICATION-SPECIFIC PASSWORD")) {
      return Reason.OAUTH2;
    }
    return Reason.CREDENTIALS;
  }

  /** The reason an enhanced status code says outright, or null to let the reply code decide. */
  private static @Nullable Reason enhanced(String kind, String subject, String detail) {
    if (kind.equals("4")) {
      return Reason.REFUSED; // a temporary failure: try later
    }
    if (!subject.equals("7")) {
      return null;
    }
    return switch (detail) {
      case "8" -> Reason.CREDENTIALS; // authentication credentials invalid
      case "13" -> Reason.REFUSED; // user account disabled
      // 5.7.9 mechanism too weak (Gmail: "application-specific password required"), 5.7.14 (Gmail:
      // "please log in via your web browser"), 5.7.139 (Microsoft: basic authentication is disabled)
      case "9", "14", "139" -> Reason.OAUTH2;
      // Others (Microsoft's 535 5.7.3 for a wrong password, say) are used loosely: the reply code decides.
      default -> null;
    };
  }
}
