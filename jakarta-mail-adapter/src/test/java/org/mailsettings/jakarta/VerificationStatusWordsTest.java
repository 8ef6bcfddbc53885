package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.mailsettings.check.Wording;

/** Every verification status has words in every bundled language, none left in English. */
class VerificationStatusWordsTest {

  @Test
  void everyStatusHasWordsInEveryLanguage() {
    for (VerificationStatus status : VerificationStatus.values()) {
      String english = status.message(Locale.ENGLISH);
      assertThat(english).as(status.name()).isNotBlank().doesNotContain(status.name()).doesNotContain("{");
      for (String language : List.of("cs", "sk", "sl", "de", "pl", "hu")) {
        String words = status.message(Locale.forLanguageTag(language));
        assertThat(words).as(language + " " + status).isNotEqualTo(english).doesNotContain(status.name()).doesNotContain("{");
      }
    }
    assertThat(VerificationStatus.AUTH_FAILED.message(Locale.forLanguageTag("cs"))).isEqualTo("Server odmítl uživatelské jméno nebo heslo.");
  }

  @Test
  void anApplicationCanUseItsOwnWords() {
    ResourceBundle own = new java.util.ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return new Object[][] {{"VerificationStatus.AUTH_FAILED", "Špatné heslo."}};
      }
    };
    Wording wording = Wording.withOverrides(locale -> locale.getLanguage().equals("cs") ? own : null);
    assertThat(wording.message(VerificationStatus.AUTH_FAILED, Locale.forLanguageTag("cs"))).isEqualTo("Špatné heslo.");
    assertThat(wording.message(VerificationStatus.AUTH_FAILED, Locale.GERMAN)).isEqualTo(VerificationStatus.AUTH_FAILED.message(Locale.GERMAN));
    assertThat(wording.message(VerificationStatus.TIMEOUT, Locale.forLanguageTag("cs"))).isEqualTo("Server neodpověděl včas.");
  }
}
