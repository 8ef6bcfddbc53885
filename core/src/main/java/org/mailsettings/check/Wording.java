package org.mailsettings.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Note;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.internal.text.Messages;
import org.mailsettings.internal.text.Texts;

/**
 * The words for people of every code the library has: {@link Finding}s, {@link Note}s, the
 * prober's and the verification's statuses, {@link Security}, {@link Severity} and {@link
 * SettingsField}, in English, Czech, Slovak, Slovenian, German, Polish and Hungarian, English for
 * any other language. Bundle keys name the enum and the constant ({@code
 * FindingCode.SECURITY_CONTRADICTS_PORT}, {@code VerificationStatus.AUTH_FAILED}); patterns are
 * {@link java.text.MessageFormat}s with the arguments the code's documentation lists.
 *
 * <p>An application that wants its own wording (its product's words for "SSL", a friendlier
 * sentence) passes bundles that override some keys; every key they lack keeps the library's
 * words:
 *
 * <pre>{@code
 * Wording wording = Wording.withOverrides(locale -> ResourceBundle.getBundle("com.erp.MailTexts", locale,
 *     ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
 * label.setText(wording.message(finding, locale));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Wording {
  private static final Wording LIBRARY = new Wording(null);
  private static final int LONGEST_ARGUMENT = 80;

  private final @Nullable Function<Locale, @Nullable ResourceBundle> overrides;

  private Wording(@Nullable Function<Locale, @Nullable ResourceBundle> overrides) {
    this.overrides = overrides;
  }

  /**
   * The library's own words.
   *
   * @return the library's own words
   */
  public static Wording library() {
    return LIBRARY;
  }

  /**
   * The library's words, overridden by the application's bundle for each locale where it has a
   * key ({@code null} for a locale it has no bundle for).
   *
   * @param bundles the application's bundle for a locale, or null
   * @return the library's words, overridden by the application's bundle for each locale where it
   *     has a key ({@code null} for a locale it has no bundle for)
   */
  public static Wording withOverrides(Function<Locale, @Nullable ResourceBundle> bundles) {
    return new Wording(Objects.requireNonNull(bundles, "bundles"));
  }

  /**
   * The library's words, overridden by one bundle in every locale.
   *
   * @param bundle the application's bundle
   * @return the library's words, overridden by one bundle in every locale
   */
  public static Wording withOverrides(ResourceBundle bundle) {
    Objects.requireNonNull(bundle, "bundle");
    return new Wording(locale -> bundle);
  }

  /**
   * A finding in words: its arguments that are securities rendered as words, every argument made
   * safe to show (control and bidirectional formatting characters replaced) and shortened to 80
   * characters.
   *
   * @param finding the finding
   * @param locale the user's language
   * @return a finding in words: its arguments that are securities rendered as words, every argument
   *     made safe to show (control and bidirectional formatting characters replaced) and shortened
   *     to 80 characters
   */
  public String message(Finding finding, Locale locale) {
    List<String> arguments = new ArrayList<>(finding.arguments().size());
    for (int i = 0; i < finding.arguments().size(); i++) {
      String argument = finding.arguments().get(i);
      if (finding.code().isSecurityArgument(i)) {
        argument = securityWords(argument, locale);
      }
      arguments.add(shortened(Texts.safe(argument)));
    }
    return Messages.render(finding.code(), arguments, locale, overrides, false);
  }

  /**
   * A note in words, as {@link Note#message(Locale)} renders it, with this wording's overrides.
   *
   * @param note the note
   * @param locale the user's language
   * @return a note in words, as {@link Note#message(Locale)} renders it, with this wording's
   *     overrides
   */
  public String message(Note note, Locale locale) {
    return Messages.render(note.code(), note.arguments(), locale, overrides, true);
  }

  /**
   * The words for a code without arguments: a {@code VerificationStatus}, a {@link
   * org.mailsettings.probe.ProbeStatus}, a {@link Security}, a {@link Severity}, a {@link
   * SettingsField}.
   *
   * @param code the code
   * @param locale the user's language
   * @return the words for a code without arguments: a {@code VerificationStatus}, a {@link
   *     org.mailsettings.probe.ProbeStatus}, a {@link Security}, a {@link Severity}, a {@link
   *     SettingsField}
   */
  public String message(Enum<?> code, Locale locale) {
    return Messages.render(code, List.of(), locale, overrides, false);
  }

  /**
   * The words for a code with arguments, each given as text.
   *
   * @param code the code
   * @param arguments the arguments, in the order the code documents
   * @param locale the user's language
   * @return the words for a code with arguments, each given as text
   */
  public String message(Enum<?> code, List<String> arguments, Locale locale) {
    return Messages.render(code, arguments, locale, overrides, false);
  }

  /**
   * Settings as a line for people, with the form's words: {@code SMTP smtp.vizus.cz:587,
   * Zabezpečení: STARTTLS, Uživatelské jméno: info@vizus.cz} (the login as OAuth 2.0 or none when
   * it is, the IMAP path prefix when the settings name one).
   *
   * @param settings the settings
   * @param locale the user's language
   * @return settings as a line for people, with the form's words: {@code SMTP smtp.vizus.cz:587,
   *     Zabezpečení: STARTTLS, Uživatelské jméno: info@vizus.cz} (the login as OAuth 2.0 or none
   *     when it is, the IMAP path prefix when the settings name one)
   */
  public String describe(ServerSettings settings, Locale locale) {
    StringBuilder text =
        new StringBuilder()
            .append(settings.protocol())
            .append(' ')
            .append(settings.address())
            .append(", ")
            .append(message(SettingsField.SECURITY, locale))
            .append(": ")
            .append(message(settings.security(), locale));
    List<AuthMethod> methods = settings.authMethods();
    boolean noLogin =
        !methods.isEmpty() && methods.stream().allMatch(m -> m.equals(AuthMethod.NONE) || m.equals(AuthMethod.CLIENT_IP_ADDRESS));
    if (noLogin) {
      text.append(", ").append(message(SettingsField.AUTHENTICATION, locale)).append(": ").append(message(AuthWords.NONE, locale));
    } else {
      if (settings.preferredAuthMethod().filter(AuthMethod.OAUTH2::equals).isPresent()) {
        text.append(", ").append(message(SettingsField.AUTHENTICATION, locale)).append(": ").append(message(AuthWords.OAUTH2, locale));
      }
      if (!settings.username().isEmpty()) {
        text.append(", ").append(message(SettingsField.USERNAME, locale)).append(": ").append(Texts.safe(settings.username()));
      }
    }
    if (settings.imapPathPrefix().isPresent()) {
      text.append(", ").append(message(SettingsField.IMAP_PATH_PREFIX, locale)).append(": \"")
          .append(Texts.safe(settings.imapPathPrefix().get())).append('"');
    }
    return text.toString();
  }

  /** A security's words when the text names a {@link Security} constant, else the text as it is. */
  private String securityWords(String text, Locale locale) {
    for (Security security : Security.values()) {
      if (security.name().equals(text)) {
        return message(security, locale);
      }
    }
    return text;
  }

  private static String shortened(String text) {
    if (text.length() <= LONGEST_ARGUMENT) {
      return text;
    }
    int end = LONGEST_ARGUMENT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** The words for how one logs in, in {@link #describe}: bundle keys {@code AuthWords.X}. */
  enum AuthWords {
    /** No login. */
    NONE,
    /** OAuth 2.0 sign-in. */
    OAUTH2
  }
}
