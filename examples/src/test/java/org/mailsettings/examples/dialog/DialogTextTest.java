package org.mailsettings.examples.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.mailsettings.jakarta.VerificationStatus;

/** The dialog's words (no window needed): every language says everything, network text is defused. */
class DialogTextTest {
  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("org.mailsettings.examples.dialog.DialogText", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void czechHasEveryKeyOfEnglishAndNoOther() {
    ResourceBundle english = bundle(Locale.ROOT);
    ResourceBundle czech = bundle(Locale.forLanguageTag("cs"));
    assertThat(czech.getLocale()).isEqualTo(Locale.forLanguageTag("cs"));
    assertThat(czech.keySet()).isEqualTo(english.keySet());
  }

  @Test
  void everyOutcomeHasAHeadline() {
    Words words = new Words(Locale.forLanguageTag("cs"));
    for (VerificationStatus status : VerificationStatus.values()) {
      Outcome outcome = Outcome.of(status);
      assertThat(words.text("Outcome." + outcome.name())).isNotBlank();
    }
  }

  @Test
  void textFromTheNetworkLosesControlAndBidiCharactersAndIsCut() {
    assertThat(Words.untrusted("535 bad\r\nX-Fake: 1\u202Eevil\u0007")).isEqualTo("535 bad  X-Fake: 1\uFFFDevil\uFFFD");
    String cut = Words.untrusted("a".repeat(1000));
    assertThat(cut).hasSize(300).endsWith("…");
  }
}
