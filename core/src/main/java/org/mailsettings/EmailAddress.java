package org.mailsettings;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.InvalidEmailAddressException.Reason;
import org.mailsettings.internal.idn.DomainName;

/**
 * An e-mail address, optionally with a display name, as typed into a form.
 *
 * <p>Reads {@code local@domain}, {@code <local@domain>} and {@code Display Name <local@domain>},
 * with quoted display names ({@code "Novák, Jan" <jan@novak.cz>}) and non-ASCII text in the name,
 * the mailbox (RFC 6532) and the domain. The domain is case-folded and kept in two forms: Unicode
 * for display ({@link #domain()}: {@code příklad.cz}) and ASCII for DNS and host names ({@link
 * #asciiDomain()}: {@code xn--pklad-zsa96e.cz}). The mailbox name keeps its case, as RFC 5321
 * asks.
 *
 * <p>Instances are immutable values; two are equal when display name, mailbox and domain are.
 */
public final class EmailAddress {
  /** The longest input {@link #parse} reads, display name included. */
  public static final int MAX_INPUT_LENGTH = 998;

  private static final int MAX_LOCAL_PART_BYTES = 64;
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private final @Nullable String displayName;
  private final String localPart;
  private final DomainName domain;
  // Both forms are asked for on every resolution; computed once.
  private final String address;
  private final String asciiAddress;

  private EmailAddress(@Nullable String displayName, String localPart, DomainName domain) {
    this.displayName = displayName;
    this.localPart = localPart;
    this.domain = domain;
    this.address = localPart + "@" + domain.unicode();
    this.asciiAddress = localPart + "@" + domain.ascii();
  }

  /**
   * Parses an address as people type it.
   *
   * @param text for example {@code info@vizus.cz} or {@code Jan Novák <info@novak.cz>}
   * @return the address
   * @throws InvalidEmailAddressException if the text is not a usable address; its {@link
   *     InvalidEmailAddressException#reason() reason} says why
   */
  public static EmailAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    String input = text.strip();
    if (input.isEmpty()) {
      throw new InvalidEmailAddressException(Reason.EMPTY, text, "");
    }
    if (input.length() > MAX_INPUT_LENGTH) {
      throw new InvalidEmailAddressException(Reason.TOO_LONG, text, "");
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidEmailAddressException(Reason.CONTROL_CHARACTER, text, "");
      }
      if (org.mailsettings.internal.text.Texts.isUnsafe(c)) {
        // Bidirectional overrides make an address look like another one on screen.
        throw new InvalidEmailAddressException(Reason.CONTROL_CHARACTER, text, "a bidirectional formatting character");
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < input.length() && Character.isLowSurrogate(input.charAt(i + 1)))) {
        throw new InvalidEmailAddressException(Reason.CONTROL_CHARACTER, text, "a lone surrogate");
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    boolean hasBrackets = input.indexOf('<') >= 0 || input.indexOf('>') >= 0;
    int[] opens = unquoted(input, '<');
    if (hasBrackets && opens[2] == 0) {
      throw new InvalidEmailAddressException(
          Reason.INVALID_DISPLAY_NAME, text, "a quote is opened and never closed");
    }
    String addrSpec = input;
    String displayName = null;
    int open = opens[1];
    int close = unquoted(input, '>')[0];
    if (open >= 0 || close >= 0) {
      if (open < 0 || close != input.length() - 1) {
        throw new InvalidEmailAddressException(Reason.UNBALANCED_ANGLE_BRACKETS, text, "");
      }
      addrSpec = input.substring(open + 1, input.length() - 1).strip();
      displayName = readDisplayName(input.substring(0, open).strip(), text);
    }
    return parseAddrSpec(addrSpec, displayName, text);
  }

  /**
   * Creates an address from a mailbox name and a domain, without a display name.
   *
   * @param localPart the part before the @
   * @param domain the domain
   * @return the address
   * @throws InvalidEmailAddressException if either part is invalid
   */
  public static EmailAddress of(String localPart, String domain) {
    return parse(localPart + "@" + domain);
  }

  private static EmailAddress parseAddrSpec(String addrSpec, @Nullable String displayName, String text) {
    int at = addrSpec.lastIndexOf('@');
    if (at < 0) {
      throw new InvalidEmailAddressException(Reason.MISSING_AT_SIGN, text, "");
    }
    String local = addrSpec.substring(0, at);
    String domainText = addrSpec.substring(at + 1);
    if (local.isEmpty()) {
      throw new InvalidEmailAddressException(Reason.EMPTY_LOCAL_PART, text, "");
    }
    checkLocalPart(local, text);
    if (domainText.isEmpty()) {
      throw new InvalidEmailAddressException(Reason.EMPTY_DOMAIN, text, "");
    }
    if (domainText.startsWith("[")) {
      throw new InvalidEmailAddressException(Reason.ADDRESS_LITERAL_UNSUPPORTED, text, "");
    }
    DomainName domain;
    try {
      domain = DomainName.parse(domainText);
    } catch (DomainName.InvalidDomainNameException e) {
      throw new InvalidEmailAddressException(Reason.INVALID_DOMAIN, text, "it " + e.problem().description());
    }
    if (domain.labelCount() < 2) {
      throw new InvalidEmailAddressException(Reason.SINGLE_LABEL_DOMAIN, text, "");
    }
    if (domain.hasNumericTopLabel()) {
      throw new InvalidEmailAddressException(
          Reason.INVALID_DOMAIN, text, "the last label is a number; IP addresses are not domains");
    }
    return new EmailAddress(displayName, local, domain);
  }

  private static void checkLocalPart(String local, String text) {
    if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_PART_BYTES) {
      throw new InvalidEmailAddressException(Reason.LOCAL_PART_TOO_LONG, text, "");
    }
    if (local.startsWith("\"")) {
      if (!isQuotedString(local)) {
        throw new InvalidEmailAddressException(
            Reason.INVALID_LOCAL_PART, text, "a quoted mailbox name must be one closed quoted string");
      }
      return;
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw new InvalidEmailAddressException(
          Reason.INVALID_LOCAL_PART, text, "dots may not lead, trail or repeat");
    }
    int bad = -1;
    for (int i = 0; i < local.length() && bad < 0; i += Character.charCount(local.codePointAt(i))) {
      int c = local.codePointAt(i);
      if (c != '.' && !isAtext(c)) {
        bad = c;
      }
    }
    if (bad >= 0) {
      throw new InvalidEmailAddressException(
          Reason.INVALID_LOCAL_PART,
          text,
          "'" + new String(Character.toChars(bad)) + "' needs the mailbox name in quotes");
    }
  }

  private static boolean isAtext(int c) {
    if (c >= 0x80) {
      return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.isDefined(c);
    }
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || ATEXT_SPECIALS.indexOf(c) >= 0;
  }

  private static boolean isQuotedString(String s) {
    if (s.length() < 2 || !s.endsWith("\"")) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
        if (i >= s.length() - 1) {
          return false;
        }
      } else if (c == '"') {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String readDisplayName(String phrase, String text) {
    if (phrase.isEmpty()) {
      return null;
    }
    String name;
    if (phrase.startsWith("\"")) {
      if (!isQuotedString(phrase)) {
        throw new InvalidEmailAddressException(Reason.INVALID_DISPLAY_NAME, text, "");
      }
      StringBuilder unquoted = new StringBuilder();
      for (int i = 1; i < phrase.length() - 1; i++) {
        char c = phrase.charAt(i);
        if (c == '\\') {
          c = phrase.charAt(++i);
        }
        unquoted.append(c);
      }
      name = unquoted.toString();
    } else {
      if (phrase.indexOf('"') >= 0 || phrase.indexOf('<') >= 0 || phrase.indexOf('>') >= 0) {
        throw new InvalidEmailAddressException(Reason.INVALID_DISPLAY_NAME, text, "");
      }
      name = phrase;
    }
    String collapsed = collapseSpaces(name);
    return collapsed.isEmpty() ? null : collapsed;
  }

  /** A display name as shown: trimmed, runs of white space made one space. */
  private static String collapseSpaces(String name) {
    return name.strip().replaceAll("\\s+", " ");
  }

  /**
   * Where {@code wanted} occurs outside double quotes: {first, last}, -1 when absent. Also tells
   * whether every quote is closed, as {@code [2] == 1}.
   */
  private static int[] unquoted(String s, char wanted) {
    boolean quoted = false;
    int first = -1;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == wanted && !quoted) {
        last = i;
        if (first < 0) {
          first = i;
        }
      }
    }
    return new int[] {first, last, quoted ? 0 : 1};
  }

  /** {@return the display name, such as {@code Jan Novák}, when one was given} */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /** {@return the mailbox name before the {@code @}, as written (a quoted one keeps its quotes)} */
  public String localPart() {
    return localPart;
  }

  /** {@return the domain in Unicode, case-folded, for display: {@code příklad.cz}} */
  public String domain() {
    return domain.unicode();
  }

  /** {@return the domain in ASCII (IDNA) form, for DNS and host names: {@code xn--pklad-zsa96e.cz}} */
  public String asciiDomain() {
    return domain.ascii();
  }

  /** {@return {@code local@domain} with the Unicode domain, without the display name} */
  public String address() {
    return address;
  }

  /**
   * {@return {@code local@domain} with the ASCII domain, without the display name: the form used as a login
   * name and in SMTP envelopes}
   */
  public String asciiAddress() {
    return asciiAddress;
  }

  /** {@return this address without its display name} */
  public EmailAddress withoutDisplayName() {
    return displayName == null ? this : new EmailAddress(null, localPart, domain);
  }

  /**
   * {@return this address with the given display name (blank removes it)}
   *
   * @param name the display name
   */
  public EmailAddress withDisplayName(String name) {
    String collapsed = collapseSpaces(name);
    if (collapsed.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidEmailAddressException(Reason.CONTROL_CHARACTER, name, "in the display name");
    }
    return new EmailAddress(collapsed.isEmpty() ? null : collapsed, localPart, domain);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof EmailAddress that
        && Objects.equals(displayName, that.displayName)
        && localPart.equals(that.localPart)
        && domain.equals(that.domain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(displayName, localPart, domain);
  }

  /**
   * The address as it would be typed: {@code Jan Novák <info@novak.cz>}, or {@code
   * info@novak.cz} without a display name. The result parses back to an equal address.
   */
  @Override
  public String toString() {
    if (displayName == null) {
      return address();
    }
    return quoteIfNeeded(displayName) + " <" + address() + ">";
  }

  private static String quoteIfNeeded(String name) {
    boolean plain = name.chars().noneMatch(c -> "\"<>()[]:;@\\,".indexOf(c) >= 0);
    if (plain) {
      return name;
    }
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
