package org.mailsettings.internal.idn;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A validated domain or host name in both its ASCII (IDNA, {@code xn--}) and Unicode forms, case
 * folded.
 *
 * <p>The mapping follows IDNA2008 in its common cases: Unicode NFC, lower case, the ideographic
 * full stops read as dots, labels of letters, marks, digits and hyphens, and {@code xn--} labels
 * checked by decoding them. Unlike {@link java.net.IDN} (IDNA2003), {@code ß} and {@code ς} are
 * kept, as IDNA2008 registries do.
 */
public final class DomainName {
  /** The longest domain name in ASCII form (RFC 1035, without the root dot). */
  public static final int MAX_LENGTH = 253;
  /** The longest label in ASCII form. */
  public static final int MAX_LABEL_LENGTH = 63;

  /** What is wrong with a name that {@link #parse} refuses. */
  public enum Problem {
    EMPTY("is empty"),
    EMPTY_LABEL("has an empty label (two dots in a row, or a leading or trailing dot)"),
    LABEL_TOO_LONG("has a label longer than 63 characters"),
    TOO_LONG("is longer than 253 characters"),
    HYPHEN_AT_LABEL_EDGE("has a label that starts or ends with a hyphen"),
    INVALID_CHARACTER("contains a character not allowed in a domain name"),
    INVALID_PUNYCODE("has an xn-- label that is not valid Punycode");

    private final String description;

    Problem(String description) {
      this.description = description;
    }

    /** A phrase to follow "the domain …". */
    public String description() {
      return description;
    }
  }

  /** Thrown by {@link #parse} with the {@link Problem}. */
  public static final class InvalidDomainNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    InvalidDomainNameException(Problem problem, String input) {
      super("the domain \"" + input + "\" " + problem.description());
      this.problem = problem;
    }

    /** What is wrong. */
    public Problem problem() {
      return problem;
    }
  }

  private final String ascii;
  private final String unicode;
  private final int labelCount;

  private DomainName(String ascii, String unicode, int labelCount) {
    this.ascii = ascii;
    this.unicode = unicode;
    this.labelCount = labelCount;
  }

  /**
   * Parses a domain or host name given in Unicode or ASCII form.
   *
   * @throws InvalidDomainNameException if it is not a valid name
   */
  public static DomainName parse(String input) {
    if (input.isEmpty()) {
      throw new InvalidDomainNameException(Problem.EMPTY, input);
    }
    // ASCII is already in NFC: the common case needs neither the Unicode tables nor a copy.
    String mapped =
        isAscii(input)
            ? input.toLowerCase(Locale.ROOT)
            : fold(input.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.'));
    List<String> asciiLabels = new ArrayList<>();
    List<String> unicodeLabels = new ArrayList<>();
    int start = 0;
    while (true) {
      int dot = mapped.indexOf('.', start);
      String label = dot < 0 ? mapped.substring(start) : mapped.substring(start, dot);
      if (label.isEmpty()) {
        throw new InvalidDomainNameException(Problem.EMPTY_LABEL, input);
      }
      String[] forms = label(label, input);
      asciiLabels.add(forms[0]);
      unicodeLabels.add(forms[1]);
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    String ascii = String.join(".", asciiLabels);
    if (ascii.length() > MAX_LENGTH) {
      throw new InvalidDomainNameException(Problem.TOO_LONG, input);
    }
    return new DomainName(ascii, String.join(".", unicodeLabels), asciiLabels.size());
  }

  /**
   * Lower case, then NFC (as UTS 46 maps, then normalises): lowering can undo the normal form (the
   * dotted capital I becomes "i" and a combining dot above, which NFC orders after other marks), so
   * the Unicode form of a label must be normalised after it, or its xn-- form would not decode to
   * it again.
   */
  private static String fold(String text) {
    return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Returns the name parsed, or empty when it is not valid. */
  public static Optional<DomainName> tryParse(String input) {
    try {
      return Optional.of(parse(input));
    } catch (InvalidDomainNameException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code {ascii, unicode}} for one label. */
  private static String[] label(String label, String input) {
    boolean allAscii = isAscii(label);
    String ascii;
    String unicode;
    if (allAscii) {
      checkLdh(label, input);
      ascii = label;
      if (label.startsWith("xn--")) {
        String decoded =
            Punycode.decode(label.substring(4))
                .orElseThrow(() -> new InvalidDomainNameException(Problem.INVALID_PUNYCODE, input));
        if (decoded.isEmpty()
            || decoded.chars().allMatch(c -> c < 0x80)
            || !decoded.equals(fold(decoded))) {
          throw new InvalidDomainNameException(Problem.INVALID_PUNYCODE, input);
        }
        checkUnicodeLabel(decoded, input);
        unicode = decoded;
      } else {
        unicode = label;
      }
    } else {
      checkUnicodeLabel(label, input);
      ascii =
          "xn--"
              + Punycode.encode(label)
                  .orElseThrow(() -> new InvalidDomainNameException(Problem.LABEL_TOO_LONG, input));
      unicode = label;
    }
    if (ascii.length() > MAX_LABEL_LENGTH) {
      throw new InvalidDomainNameException(Problem.LABEL_TOO_LONG, input);
    }
    return new String[] {ascii, unicode};
  }

  private static void checkLdh(String label, String input) {
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        throw new InvalidDomainNameException(Problem.INVALID_CHARACTER, input);
      }
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      throw new InvalidDomainNameException(Problem.HYPHEN_AT_LABEL_EDGE, input);
    }
  }

  private static void checkUnicodeLabel(String label, String input) {
    if (label.startsWith("-") || label.endsWith("-")) {
      throw new InvalidDomainNameException(Problem.HYPHEN_AT_LABEL_EDGE, input);
    }
    int first = label.codePointAt(0);
    int firstType = Character.getType(first);
    if (firstType == Character.NON_SPACING_MARK
        || firstType == Character.COMBINING_SPACING_MARK
        || firstType == Character.ENCLOSING_MARK) {
      throw new InvalidDomainNameException(Problem.INVALID_CHARACTER, input);
    }
    boolean ok =
        label
            .codePoints()
            .allMatch(
                c ->
                    c == '-'
                        || (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                        || (c >= 0x80
                            && (Character.isLetterOrDigit(c)
                                || Character.getType(c) == Character.NON_SPACING_MARK
                                || Character.getType(c) == Character.COMBINING_SPACING_MARK)
                            && !Character.isUpperCase(c)));
    if (!ok) {
      throw new InvalidDomainNameException(Problem.INVALID_CHARACTER, input);
    }
  }

  /** The ASCII form, for DNS and host names: {@code xn--pklad-zsa96e.cz}. */
  public String ascii() {
    return ascii;
  }

  /** The Unicode form, for display: {@code příklad.cz}. */
  public String unicode() {
    return unicode;
  }

  /** How many labels the name has. */
  public int labelCount() {
    return labelCount;
  }

  /** Whether the last label is all digits, as in an IPv4 address, which no real domain has. */
  public boolean hasNumericTopLabel() {
    for (int i = ascii.lastIndexOf('.') + 1; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof DomainName that && that.ascii.equals(ascii);
  }

  @Override
  public int hashCode() {
    return ascii.hashCode();
  }

  @Override
  public String toString() {
    return ascii;
  }
}
