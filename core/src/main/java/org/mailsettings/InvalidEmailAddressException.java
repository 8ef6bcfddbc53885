package org.mailsettings;

/**
 * Thrown when text is not an e-mail address this library can work with. {@link #reason()} says
 * what is wrong, and the message says it in words, naming the input.
 */
public final class InvalidEmailAddressException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the input. */
  public enum Reason {
    /** Nothing but white space. */
    EMPTY("it is empty"),
    /** Longer than any real address with a display name. */
    TOO_LONG("it is longer than " + EmailAddress.MAX_INPUT_LENGTH + " characters"),
    /** A line break, tab or other control character, which could smuggle headers or commands. */
    CONTROL_CHARACTER("it contains a control character (line break, tab, a bidirectional override or similar)"),
    /** A {@code <} without its {@code >} or the other way round, or text after the {@code >}. */
    UNBALANCED_ANGLE_BRACKETS("its angle brackets do not enclose exactly one address"),
    /** A display name that opens a quote it never closes, or holds a bracket or quote unquoted. */
    INVALID_DISPLAY_NAME("its display name is malformed (check the quotes)"),
    /** No {@code @}. */
    MISSING_AT_SIGN("it has no '@' between the mailbox and the domain"),
    /** Nothing before the {@code @}. */
    EMPTY_LOCAL_PART("nothing comes before the '@'"),
    /** The part before the {@code @} holds characters or dots an address cannot have. */
    INVALID_LOCAL_PART("the part before the '@' is not a valid mailbox name"),
    /** The part before the {@code @} is longer than 64 bytes. */
    LOCAL_PART_TOO_LONG("the part before the '@' is longer than 64 bytes"),
    /** Nothing after the {@code @}. */
    EMPTY_DOMAIN("nothing comes after the '@'"),
    /** An IP address in brackets instead of a domain, which has no mail settings to look up. */
    ADDRESS_LITERAL_UNSUPPORTED("its domain is an IP address literal, which has no settings to look up"),
    /** A domain without a dot, such as {@code localhost}. */
    SINGLE_LABEL_DOMAIN("its domain has no dot (such as 'localhost')"),
    /** A domain that is not a valid (internationalised) domain name. */
    INVALID_DOMAIN("its domain is not a valid domain name");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** {@return the reason as a phrase, for example "it has no '@' between the mailbox and the domain"} */
    public String description() {
      return description;
    }
  }

  /** Why the text is not an address. */
  private final Reason reason;
  /** The text as given. */
  private final String input;

  InvalidEmailAddressException(Reason reason, String input, String detail) {
    super(
        "Invalid e-mail address \""
            + abbreviate(input)
            + "\": "
            + reason.description()
            + (detail.isEmpty() ? "" : " (" + detail + ")"));
    this.reason = reason;
    this.input = input;
  }

  private static String abbreviate(String input) {
    String printable = input.codePoints()
        .map(c -> Character.isISOControl(c) || (c <= 0xFFFF && org.mailsettings.internal.text.Texts.isUnsafe((char) c))
            || (c >= 0xD800 && c <= 0xDFFF) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return printable.length() <= 100 ? printable : printable.substring(0, 97) + "...";
  }

  /** {@return what is wrong} */
  public Reason reason() {
    return reason;
  }

  /** {@return the text that was given} */
  public String input() {
    return input;
  }
}
