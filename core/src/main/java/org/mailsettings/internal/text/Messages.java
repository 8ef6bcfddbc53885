package org.mailsettings.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Renders codes with arguments from the library's resource bundles ({@code
 * org/mailsettings/internal/text/Messages*.properties}, UTF-8), English being the root bundle.
 *
 * <p>The bundles are read by this class itself, one per language, rather than through {@link
 * ResourceBundle#getBundle(String, Locale)}: that would fall back to the JVM's default locale
 * before English (a Czech JVM would answer a French request in Czech) and cannot be told not to
 * from a named module. A language without a bundle gets English. Keys are {@code
 * EnumSimpleName.CONSTANT} ({@code NoteCode.TLS_FAILED}); patterns are {@link MessageFormat}s.
 */
public final class Messages {
  private static final String BASE = "Messages";
  /** The languages with a bundle of their own besides English (the root bundle). */
  public static final Set<String> LANGUAGES = Set.of("cs", "sk", "sl", "de", "pl", "hu");

  private static final ResourceBundle ROOT = load(BASE + ".properties");
  private static final ConcurrentMap<String, ResourceBundle> BY_LANGUAGE = new ConcurrentHashMap<>();

  private Messages() {}

  /** The bundle key of a code: the enum's simple name and the constant, {@code NoteCode.TLS_FAILED}. */
  public static String key(Enum<?> code) {
    return code.getDeclaringClass().getSimpleName() + "." + code.name();
  }

  /**
   * The text for {@code code} in {@code locale}, or the code and its arguments when no bundle has
   * it. Arguments that are whole numbers are passed to the pattern as numbers, so that choice
   * formats ("1 candidate", "2 candidates") work.
   */
  public static String render(Enum<?> code, List<String> arguments, Locale locale) {
    return render(code, arguments, locale, null, true);
  }

  /**
   * The text for {@code code} in {@code locale}: the pattern from {@code overrides} when it has the
   * key, else from the library's bundle for the locale's language, else from English; the code and
   * its arguments when none has it. With {@code numbers}, arguments that are whole numbers are
   * passed as numbers; without, every argument is text as given (a port stays {@code 2525}, not
   * {@code 2,525}).
   */
  public static String render(
      Enum<?> code,
      List<String> arguments,
      Locale locale,
      @Nullable Function<Locale, @Nullable ResourceBundle> overrides,
      boolean numbers) {
    String pattern = pattern(key(code), locale, overrides);
    if (pattern == null) {
      return code.name() + arguments;
    }
    Object[] values = new Object[arguments.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = numbers ? asNumberIfWhole(arguments.get(i)) : arguments.get(i);
    }
    return new MessageFormat(pattern, locale).format(values);
  }

  /** The pattern for {@code key}, from the overrides first, then the library's bundles; null when none has it. */
  public static @Nullable String pattern(
      String key, Locale locale, @Nullable Function<Locale, @Nullable ResourceBundle> overrides) {
    if (overrides != null) {
      ResourceBundle own = overrides.apply(locale);
      if (own != null && own.containsKey(key)) {
        return own.getString(key);
      }
    }
    ResourceBundle bundle = bundle(locale);
    if (bundle.containsKey(key)) {
      return bundle.getString(key);
    }
    return ROOT.containsKey(key) ? ROOT.getString(key) : null;
  }

  /**
   * The library's bundle for the locale's language only (English, the root bundle, for a
   * language it has none for): what tests compare the translations with.
   */
  public static ResourceBundle bundle(Locale locale) {
    String language = locale.getLanguage();
    if (!LANGUAGES.contains(language)) {
      return ROOT;
    }
    return BY_LANGUAGE.computeIfAbsent(language, l -> load(BASE + "_" + l + ".properties"));
  }

  private static ResourceBundle load(String resource) {
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new MissingResourceException("No " + resource + " beside " + Messages.class.getName(), Messages.class.getName(), resource);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new PropertyResourceBundle(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the message bundle " + resource, e);
    }
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
