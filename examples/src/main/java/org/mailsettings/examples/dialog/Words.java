package org.mailsettings.examples.dialog;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.mailsettings.check.Wording;

/**
 * The dialog's words: its own bundle ({@code DialogText.properties}, {@code _cs}) for its labels
 * and headlines, and the library's {@link Wording} for everything the library says (findings,
 * notes, verification statuses, the security's name), with the dialog's bundle overriding the
 * security words as users know them from mail clients: None, SSL, TLS.
 */
final class Words {
  private static final String BUNDLE = "org.mailsettings.examples.dialog.DialogText";
  private static final int LONGEST_UNTRUSTED = 300;

  private final Locale locale;
  private final ResourceBundle bundle;
  private final Wording wording;

  Words(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(
        BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    ResourceBundle overrides = bundle;
    this.wording = Wording.withOverrides(overrides);
  }

  Locale locale() {
    return locale;
  }

  /** The library's words, with the dialog's security labels. */
  Wording wording() {
    return wording;
  }

  /** The dialog's text for {@code key}, a {@link MessageFormat} pattern filled with {@code arguments}. */
  String text(String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("DialogText has no " + key, e);
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /**
   * Text from the network (a server's reply, an exception's message) made safe to show: control
   * and bidirectional formatting characters replaced, at most 300 characters. Shown in plain text
   * components only, never in HTML-rendering labels.
   */
  static String untrusted(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), LONGEST_UNTRUSTED + 1));
    boolean cut = false;
    for (int i = 0; i < text.length(); ) {
      if (out.length() >= LONGEST_UNTRUSTED) {
        cut = true;
        break;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE || type == Character.SURROGATE;
      out.appendCodePoint(!hidden ? c : Character.isWhitespace(c) ? ' ' : '\uFFFD');
    }
    if (cut) {
      out.setLength(out.offsetByCodePoints(0, out.codePointCount(0, out.length()) - 1));
      out.append('…');
    }
    return out.toString().strip();
  }
}
