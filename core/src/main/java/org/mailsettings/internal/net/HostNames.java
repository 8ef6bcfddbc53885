package org.mailsettings.internal.net;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.idn.DomainName;

/**
 * Validation and normalisation of the host part of server settings, and the classification of
 * addresses that point into this machine or a private network.
 *
 * <p>Everything here runs in time linear in the input and without regular expressions or
 * recursion: host names come from documents, DNS answers, certificates and users, and a name of
 * thousands of characters must be refused, not overflow the stack. Lengths are checked before
 * anything else is looked at.
 */
public final class HostNames {
  /**
   * The longest text looked at: a 253-character name with a trailing dot, or a bracketed IPv6
   * literal, with some surrounding white space.
   */
  private static final int MAX_INPUT = DomainName.MAX_LENGTH + 8;

  private HostNames() {}

  /**
   * Returns the host in the form used to connect: an IPv4 literal as is, an IPv6 literal in its
   * canonical text form (RFC 5952, without brackets; IPv4-mapped addresses as {@code
   * ::ffff:a.b.c.d}), or a host name in lower-case ASCII (IDNA); empty when the text is neither.
   */
  public static Optional<String> normalise(String host) {
    if (isCanonicalName(host)) {
      return Optional.of(host); // the common case, on every resolution: no copy
    }
    if (host.length() > MAX_INPUT) {
      return Optional.empty();
    }
    String text = host.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    byte[] ipv4 = parseIpv4(text);
    if (ipv4 != null) {
      return Optional.of(text);
    }
    if (text.indexOf(':') >= 0) {
      byte[] ipv6 = parseIpv6(text);
      return ipv6 == null ? Optional.empty() : Optional.of(formatIpv6(ipv6));
    }
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    if (isCanonicalName(text)) {
      // Plain ASCII host names are taken as DNS has them: a label such as SPOJE.NET's
      // "xn--pklad-zsa96e--cz" is a fine host name though not valid IDNA.
      return Optional.of(text);
    }
    if (isAscii(text)) {
      return Optional.empty(); // not LDH, and nothing for IDNA to map
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
    // Letters first: they are most of every name. Runs on every candidate, twice.
    int labelStart = 0;
    boolean allDigits = true;
    for (int i = 0; i < length; i++) {
      char c = host.charAt(i);
      if (c >= 'a' && c <= 'z') {
        allDigits = false;
      } else if (c == '.') {
        if (!isLabel(host, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
        allDigits = true;
      } else if (c == '-') {
        if (i == labelStart) {
          return false;
        }
        allDigits = false;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return !allDigits && isLabel(host, labelStart, length);
  }

  /** Whether {@code host[start, end)} has a label's length and does not end in a hyphen. */
  private static boolean isLabel(String host, int start, int end) {
    int length = end - start;
    return length > 0 && length <= DomainName.MAX_LABEL_LENGTH && host.charAt(end - 1) != '-';
  }


  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a host points into the local machine or a private network: {@code localhost} and
   * names under {@code .localhost}; loopback (127/8, {@code ::1}), unspecified, private (10/8,
   * 172.16/12, 192.168/16, shared 100.64/10, unique local fc00::/7), link-local (169.254/16 with
   * the cloud metadata address 169.254.169.254, fe80::/10), site-local fec0::/10, multicast,
   * broadcast and reserved addresses, in every spelling: IPv4-mapped ({@code ::ffff:7f00:1}),
   * IPv4-compatible ({@code ::127.0.0.1}) and NAT64 ({@code 64:ff9b::a.b.c.d}) forms are judged
   * by the IPv4 address they carry. A public domain's settings that point there are suspicious.
   */
  public static boolean isLocalOrPrivate(String host) {
    if (isCanonicalName(host)) {
      // The common case: a name, which no IP literal is (its last label is not all digits).
      return isLocalName(host);
    }
    if (host.length() > MAX_INPUT) {
      return false;
    }
    Optional<String> normalised = normalise(host);
    if (normalised.isEmpty()) {
      return false;
    }
    String text = normalised.get();
    if (isLocalName(text)) {
      return true;
    }
    byte[] address = ipBytes(text);
    return address != null && isLocalOrPrivate(address);
  }

  private static boolean isLocalName(String name) {
    return name.equals("localhost") || name.endsWith(".localhost");
  }

  /** {@link #isLocalOrPrivate(String)} for an address's raw bytes (4 or 16). */
  public static boolean isLocalOrPrivate(byte[] address) {
    if (address.length == 4) {
      return isLocalOrPrivateIpv4(address);
    }
    if (address.length != 16) {
      return false;
    }
    byte[] embedded = embeddedIpv4(address);
    if (embedded != null) {
      return isLocalOrPrivateIpv4(embedded);
    }
    int first = address[0] & 0xff;
    int second = address[1] & 0xff;
    boolean allZeroButLast = true;
    for (int i = 0; i < 15; i++) {
      allZeroButLast &= address[i] == 0;
    }
    int last = address[15] & 0xff;
    if (allZeroButLast && (last == 0 || last == 1)) {
      return true; // :: and ::1
    }
    return (first & 0xfe) == 0xfc // fc00::/7 unique local
        || (first == 0xfe && (second & 0xc0) == 0x80) // fe80::/10 link-local
        || (first == 0xfe && (second & 0xc0) == 0xc0) // fec0::/10 site-local (deprecated)
        || first == 0xff; // multicast
  }

  private static boolean isLocalOrPrivateIpv4(byte[] a) {
    int a0 = a[0] & 0xff;
    int a1 = a[1] & 0xff;
    return a0 == 0 // "this network"
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && a1 >= 64 && a1 <= 127) // shared address space (carrier NAT)
        || (a0 == 169 && a1 == 254) // link-local, the cloud metadata address among them
        || (a0 == 172 && a1 >= 16 && a1 <= 31)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && (a[2] & 0xff) == 0) // IETF protocol assignments
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || a0 >= 224; // multicast, reserved and broadcast
  }

  /** The IPv4 address an IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) address carries. */
  private static byte @Nullable [] embeddedIpv4(byte[] address) {
    boolean zeroTo10 = true;
    for (int i = 0; i < 10; i++) {
      zeroTo10 &= address[i] == 0;
    }
    boolean mapped = zeroTo10 && (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff;
    boolean compatible = zeroTo10 && address[10] == 0 && address[11] == 0
        && !(address[12] == 0 && address[13] == 0 && address[14] == 0 && (address[15] & 0xfe) == 0);
    boolean nat64 = (address[0] & 0xff) == 0x00 && (address[1] & 0xff) == 0x64
        && (address[2] & 0xff) == 0xff && (address[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = address[i] == 0;
    }
    if (!mapped && !compatible && !nat64) {
      return null;
    }
    return new byte[] {address[12], address[13], address[14], address[15]};
  }

  /** Whether the text is an IPv4 or IPv6 literal rather than a name. */
  public static boolean isIpLiteral(String host) {
    return host.length() <= MAX_INPUT && ipBytes(host) != null;
  }

  /** The bytes of an IPv4 (4) or IPv6 (16) literal, without brackets; null for anything else. */
  public static byte @Nullable [] ipBytes(String text) {
    if (text.length() > MAX_INPUT) {
      return null;
    }
    byte[] ipv4 = parseIpv4(text);
    if (ipv4 != null) {
      return ipv4;
    }
    return text.indexOf(':') >= 0 ? parseIpv6(text) : null;
  }

  /** Four decimal octets of 0 to 255, without leading zeros (which some stacks read as octal). */
  private static byte @Nullable [] parseIpv4(String text) {
    int length = text.length();
    if (length < 7 || length > 15) {
      return null;
    }
    byte[] octets = new byte[4];
    int octet = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= length; i++) {
      char c = i == length ? '.' : text.charAt(i);
      if (c == '.') {
        if (digits == 0 || octet > 3) {
          return null;
        }
        octets[octet++] = (byte) value;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return null; // a leading zero
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
        if (value > 255) {
          return null;
        }
      } else {
        return null;
      }
    }
    return octet == 4 ? octets : null;
  }

  /** An IPv6 literal (RFC 4291 text forms, with an optional trailing IPv4 part; no zone). */
  private static byte @Nullable [] parseIpv6(String text) {
    int length = text.length();
    if (length < 2 || length > 45) {
      return null;
    }
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    byte[] head = new byte[16];
    int headLength;
    byte[] tail = new byte[16];
    int tailLength = 0;
    if (doubleColon >= 0) {
      String before = text.substring(0, doubleColon);
      String after = text.substring(doubleColon + 2);
      headLength = groups(before, head, false);
      if (headLength < 0) {
        return null;
      }
      tailLength = groups(after, tail, true);
      if (tailLength < 0 || headLength + tailLength > 14) {
        return null;
      }
    } else {
      headLength = groups(text, head, true);
      if (headLength != 16) {
        return null;
      }
    }
    byte[] address = new byte[16];
    System.arraycopy(head, 0, address, 0, headLength);
    System.arraycopy(tail, 0, address, 16 - tailLength, tailLength);
    return address;
  }

  /**
   * Reads colon-separated hexadecimal groups (and, when allowed, a last IPv4 part) into {@code
   * into}; returns the number of bytes, or -1 when the text is malformed. Empty text is no group.
   */
  private static int groups(String text, byte[] into, boolean ipv4Allowed) {
    if (text.isEmpty()) {
      return 0;
    }
    int count = 0;
    int start = 0;
    while (true) {
      int colon = text.indexOf(':', start);
      String group = colon < 0 ? text.substring(start) : text.substring(start, colon);
      if (colon < 0 && ipv4Allowed && group.indexOf('.') >= 0) {
        byte[] ipv4 = parseIpv4(group);
        if (ipv4 == null || count + 4 > 16) {
          return -1;
        }
        System.arraycopy(ipv4, 0, into, count, 4);
        return count + 4;
      }
      if (group.isEmpty() || group.length() > 4 || count + 2 > 16) {
        return -1;
      }
      int value = 0;
      for (int i = 0; i < group.length(); i++) {
        int digit = hexDigit(group.charAt(i));
        if (digit < 0) {
          return -1;
        }
        value = value * 16 + digit;
      }
      into[count++] = (byte) (value >> 8);
      into[count++] = (byte) value;
      if (colon < 0) {
        return count;
      }
      start = colon + 1;
    }
  }

  /**
   * The value of an ASCII hexadecimal digit, -1 for anything else: {@link Character#digit(char,
   * int)} also reads Arabic-Indic and full-width digits and letters, which no address literal has.
   */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  private static String formatIpv6(byte[] address) {
    byte[] embedded = embeddedIpv4(address);
    if (embedded != null && (address[10] & 0xff) == 0xff) {
      return "::ffff:" + (embedded[0] & 0xff) + "." + (embedded[1] & 0xff) + "." + (embedded[2] & 0xff) + "." + (embedded[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
