package org.mailsettings.internal.text;

/**
 * Text from the network made safe to show: documents, DNS answers and servers' greetings can
 * carry terminal escape sequences and bidirectional overrides that would clear a user's screen,
 * set a window title, or print fake table rows. Every C0 and C1 control character (tab and line
 * breaks included: such text is one line), every bidirectional control and every lone surrogate
 * is replaced by U+FFFD, visibly.
 */
public final class Texts {
  /** What replaces an unsafe character. */
  public static final char REPLACEMENT = '\uFFFD';

  private Texts() {}

  /** Whether {@code c} is a control or bidirectional formatting character that text may not carry. */
  public static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** The text with every unsafe character replaced; the same instance when there is none. */
  public static String safe(String text) {
    int i = 0;
    int length = text.length();
    while (i < length && !unsafeAt(text, i)) {
      i += Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
    }
    if (i >= length) {
      return text;
    }
    StringBuilder out = new StringBuilder(length).append(text, 0, i);
    while (i < length) {
      char c = text.charAt(i);
      if (unsafeAt(text, i)) {
        out.append(REPLACEMENT);
        i++;
      } else if (Character.isHighSurrogate(c)) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean unsafeAt(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) || isUnsafe(c);
  }
}
