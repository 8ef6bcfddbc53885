package org.mailsettings.internal.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders codes with arguments from the library's resource bundles ({@code
 * org/mailsettings/internal/text/Messages*.properties}, UTF-8 as Java 9+ reads them), English
 * being the root bundle. Arguments that are whole numbers are passed to the pattern as numbers,
 * so that choice formats ("1 candidate", "2 candidates") work.
 */
public final class Messages {
  private static final String BUNDLE = "org.mailsettings.internal.text.Messages";

  private Messages() {}

  /** The bundle key of a code: the enum's simple name and the constant, {@code NoteCode.TLS_FAILED}. */
  public static String key(Enum<?> code) {
    return code.getDeclaringClass().getSimpleName() + "." + code.name();
  }

  /** The text for {@code code} in {@code locale}, or the code and its arguments when no bundle has it. */
  public static String render(Enum<?> code, List<String> arguments, Locale locale) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key(code));
    } catch (MissingResourceException e) {
      return code.name() + arguments;
    }
    Object[] values = new Object[arguments.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = asNumberIfWhole(arguments.get(i));
    }
    return new MessageFormat(pattern, locale).format(values);
  }

  private static Object asNumberIfWhole(String text) {
    int length = text.length();
    if (length == 0 || length > 18) {
      return text;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return text;
      }
    }
    return Long.parseLong(text);
  }
}
