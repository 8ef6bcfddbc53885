package org.mailsettings.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailsettings.Security;
import org.mailsettings.internal.text.Messages;
import org.mailsettings.probe.ProbeStatus;

/**
 * Every finding code, probe status, verification status (their keys; the adapter's test renders
 * the enum itself) and form word has a message in every bundled language, with its placeholders
 * filled, and no message is left in English in another language's bundle.
 */
class MessagesTest {
  private static final List<String> LANGUAGES = List.of("cs", "sk", "sl", "de", "pl", "hu");
  /** Key families every language must translate. */
  private static final List<String> REQUIRED =
      List.of("FindingCode.", "VerificationStatus.", "ProbeStatus.", "Security.", "Severity.", "SettingsField.", "AuthWords.");
  /** Words that are the same in every language: protocol and technique names, "Port", "Server". */
  private static final Set<String> TECHNICAL = Set.of("SSL", "TLS", "STARTTLS", "OAuth", "IMAP", "POP", "SMTP", "Port", "Server");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

  private static ResourceBundle english() {
    return Messages.bundle(Locale.ROOT);
  }

  private static List<String> keys(ResourceBundle bundle) {
    List<String> keys = new ArrayList<>(Collections.list(bundle.getKeys()));
    Collections.sort(keys);
    return keys;
  }

  private static boolean required(String key) {
    return REQUIRED.stream().anyMatch(key::startsWith);
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> indexes = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(pattern);
    while (matcher.find()) {
      indexes.add(matcher.group(1));
    }
    return indexes;
  }

  private static boolean onlyTechnicalWords(String text) {
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      if (!TECHNICAL.contains(matcher.group())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyCodeHasEnglishWords() {
    for (FindingCode code : FindingCode.values()) {
      assertThat(english().containsKey(Messages.key(code))).as(code.name()).isTrue();
    }
    for (Enum<?>[] codes : List.<Enum<?>[]>of(ProbeStatus.values(), Security.values(), Severity.values(), SettingsField.values(), Wording.AuthWords.values())) {
      for (Enum<?> code : codes) {
        assertThat(english().containsKey(Messages.key(code))).as(Messages.key(code)).isTrue();
      }
    }
    // The adapter's VerificationStatus: the keys are here; VerificationStatusWordsTest renders the enum.
    assertThat(keys(english()).stream().filter(k -> k.startsWith("VerificationStatus.")).toList()).hasSize(11);
  }

  @Test
  void everyLanguageTranslatesEveryRequiredKeyWithTheSamePlaceholders() {
    for (String language : LANGUAGES) {
      ResourceBundle bundle = Messages.bundle(Locale.forLanguageTag(language));
      assertThat(bundle).as(language).isNotSameAs(english());
      for (String key : keys(english())) {
        if (!required(key) && !bundle.containsKey(key)) {
          continue; // NoteCode: translated where the bundle has it, English otherwise
        }
        assertThat(bundle.containsKey(key)).as(language + " " + key).isTrue();
        String own = bundle.getString(key);
        String root = english().getString(key);
        assertThat(placeholders(own)).as(language + " " + key + ": " + own).isEqualTo(placeholders(root));
        if (own.equals(root)) {
          assertThat(onlyTechnicalWords(root)).as(language + " " + key + " is left in English: " + own).isTrue();
        }
        assertThat(own.replace("''", "")).as(language + " " + key + ": a lone apostrophe quotes the rest in MessageFormat").doesNotContain("'");
      }
      for (String key : keys(bundle)) {
        assertThat(english().containsKey(key)).as(language + " has a key English lacks: " + key).isTrue();
      }
    }
  }

  @Test
  void everyFindingRendersInEveryLanguageWithEveryArgument() {
    for (String language : List.of("en", "cs", "sk", "sl", "de", "pl", "hu", "fr")) {
      Locale locale = Locale.forLanguageTag(language);
      for (FindingCode code : FindingCode.values()) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < code.argumentCount(); i++) {
          arguments.add(code.isSecurityArgument(i) ? Security.values()[i % 3].name() : "ARG" + i + "X");
        }
        Finding finding = Finding.builder().code(code).arguments(arguments).build();
        String text = finding.message(locale);
        assertThat(text).as(language + " " + code).doesNotContain("{").doesNotContain("}").doesNotContain(code.name()).isNotBlank();
        for (int i = 0; i < arguments.size(); i++) {
          if (code.isSecurityArgument(i)) {
            Security security = Security.valueOf(arguments.get(i));
            assertThat(text).as(language + " " + code).contains(Wording.library().message(security, locale)).doesNotContain("IMPLICIT_TLS");
          } else {
            assertThat(text).as(language + " " + code).contains(arguments.get(i));
          }
        }
        if (!language.equals("en") && !language.equals("fr")) {
          assertThat(text).as(language + " " + code).isNotEqualTo(finding.message(Locale.ENGLISH));
        }
      }
    }
  }

  @Test
  void statusesAndFormWordsRenderInEveryLanguage() {
    for (String language : LANGUAGES) {
      Locale locale = Locale.forLanguageTag(language);
      for (ProbeStatus status : ProbeStatus.values()) {
        assertThat(status.message(locale)).as(language + " " + status).isNotEqualTo(status.message(Locale.ENGLISH)).doesNotContain(status.name());
      }
      assertThat(Wording.library().message(SettingsField.USERNAME, locale)).isNotEqualTo("User name");
    }
    assertThat(Wording.library().message(SettingsField.SECURITY, Locale.forLanguageTag("cs"))).isEqualTo("Zabezpečení");
    assertThat(Wording.library().message(SettingsField.USERNAME, Locale.forLanguageTag("cs"))).isEqualTo("Uživatelské jméno");
    assertThat(Wording.library().message(Security.IMPLICIT_TLS, Locale.forLanguageTag("sl"))).isEqualTo("SSL/TLS");
  }

  @Test
  void aLanguageWithoutABundleIsEnglishWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("cs"));
      assertThat(ProbeStatus.TIMEOUT.message(Locale.FRENCH)).isEqualTo("The server did not answer in time.");
      assertThat(ProbeStatus.TIMEOUT.message(Locale.ROOT)).isEqualTo("The server did not answer in time.");
      assertThat(ProbeStatus.TIMEOUT.message(Locale.forLanguageTag("cs-CZ"))).isEqualTo("Server neodpověděl včas.");
    } finally {
      Locale.setDefault(before);
    }
  }
}
