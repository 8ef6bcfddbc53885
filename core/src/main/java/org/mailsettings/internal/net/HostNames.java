package org.mailsettings.internal.net;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailsettings.internal.idn.DomainName;

/** Validation and normalisation of the host part of server settings. */
public final class HostNames {
  /** Compiled on first use: the common path needs no regular expression. */
  private static final class Patterns {
    static final Pattern IPV4 =
        Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    static final Pattern LDH_NAME =
        Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");
  }

  private HostNames() {}

  /**
   * Returns the host in the form used to connect: an IPv4 or IPv6 literal as is (IPv6 without
   * brackets), or a host name in lower-case ASCII (IDNA); empty when the text is neither.
   */
  public static Optional<String> normalise(String host) {
    if (isCanonicalName(host)) {
      return Optional.of(host); // the common case, on every resolution: no copy, no regex
    }
    String text = host.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    if (Patterns.IPV4.matcher(text).matches()) {
      return Optional.of(text);
    }
    if (text.indexOf(':') >= 0) {
      return isIpv6(text) ? Optional.of(text) : Optional.empty();
    }
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    if (Patterns.LDH_NAME.matcher(text).matches() && text.length() <= DomainName.MAX_LENGTH) {
      // Plain ASCII host names are taken as DNS has them: a label such as SPOJE.NET's
      // "xn--pklad-zsa96e--cz" is a fine host name though not valid IDNA.
      return text.substring(text.lastIndexOf('.') + 1).chars().allMatch(c -> c >= '0' && c <= '9')
          ? Optional.empty()
          : Optional.of(text);
    }
    return DomainName.tryParse(text).filter(d -> !d.hasNumericTopLabel()).map(DomainName::ascii);
  }

  /**
   * Whether {@code host} is already a lower-case ASCII host name: labels of 1 to 63 letters,
   * digits and inner hyphens, at most 253 characters, a last label that is not all digits.
   */
  static boolean isCanonicalName(String host) {
    int length = host.length();
    if (length == 0 || length > DomainName.MAX_LENGTH) {
      return false;
    }
    int labelStart = 0;
    boolean allDigits = true;
    for (int i = 0; i <= length; i++) {
      char c = i == length ? '.' : host.charAt(i);
      if (c == '.') {
        int label = i - labelStart;
        if (label == 0 || label > DomainName.MAX_LABEL_LENGTH || host.charAt(i - 1) == '-') {
          return false;
        }
        if (i == length && allDigits) {
          return false;
        }
        labelStart = i + 1;
        allDigits = true;
      } else if (c >= 'a' && c <= 'z') {
        allDigits = false;
      } else if (c == '-') {
        if (i == labelStart) {
          return false;
        }
        allDigits = false;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a normalised host points into the local machine or a private network: {@code
   * localhost} and names under {@code .localhost}, loopback, private (RFC 1918, shared address
   * space, unique local), link-local and unspecified addresses. A public domain's settings that
   * point there are suspicious.
   */
  public static boolean isLocalOrPrivate(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (!isIpLiteral(host)) {
      return false;
    }
    if (host.indexOf(':') >= 0) {
      String lower = host.toLowerCase(Locale.ROOT);
      return lower.equals("::1") || lower.equals("::") || lower.startsWith("fc") || lower.startsWith("fd")
          || lower.startsWith("fe8") || lower.startsWith("fe9") || lower.startsWith("fea") || lower.startsWith("feb")
          || lower.startsWith("::ffff:127.") || lower.startsWith("::ffff:10.") || lower.startsWith("::ffff:192.168.");
    }
    String[] octets = host.split("\\.", 4);
    int a = Integer.parseInt(octets[0]);
    int b = Integer.parseInt(octets[1]);
    return a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
        || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
  }

  /** Whether the text is an IPv4 or IPv6 literal rather than a name. */
  public static boolean isIpLiteral(String host) {
    return Patterns.IPV4.matcher(host).matches() || (host.indexOf(':') >= 0 && isIpv6(host));
  }

  private static boolean isIpv6(String text) {
    if (!Patterns.IPV6_CHARS.matcher(text).matches() || text.length() > 45) {
      return false;
    }
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = text.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (group.isEmpty()) {
        continue;
      }
      if (group.indexOf('.') >= 0) {
        if (i != groups.length - 1 || !Patterns.IPV4.matcher(group).matches()) {
          return false;
        }
        count += 2;
      } else if (group.length() > 4 || group.indexOf('.') >= 0) {
        return false;
      } else {
        count++;
      }
    }
    return doubleColon >= 0 ? count < 8 : count == 8;
  }
}
