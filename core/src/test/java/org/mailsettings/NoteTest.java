package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every note code has English words, with every argument it names in its pattern filled. */
class NoteTest {

  @Test
  void everyCodeHasAnEnglishMessage() {
    ResourceBundle english = ResourceBundle.getBundle("org.mailsettings.internal.text.Messages", Locale.ROOT);
    for (NoteCode code : NoteCode.values()) {
      assertThat(english.containsKey("NoteCode." + code.name())).as(code.name()).isTrue();
      String text = Note.of(code, 1, 2, 3, 4).toString();
      assertThat(text).as(code.name()).doesNotContain("{").doesNotContain(code.name());
    }
  }

  @Test
  void argumentsAreFilledInAndNumbersChooseTheirForm() {
    assertThat(Note.of(NoteCode.PLAINTEXT_LEFT_OUT, 1).toString()).contains("1 unencrypted candidate;");
    assertThat(Note.of(NoteCode.PLAINTEXT_LEFT_OUT, 3).toString()).contains("3 unencrypted candidates;");
    assertThat(Note.of(NoteCode.SRV_TARGET, "_imaps._tcp.", "imap.example.cz", 1143).toString())
        .isEqualTo("_imaps._tcp. imap.example.cz:1143");
    assertThat(Note.of(NoteCode.PROVIDER_BY_DOMAIN, "VIZUS", "bundled database", "vizus.cz").message(Locale.ENGLISH))
        .isEqualTo("Found VIZUS in the bundled database by the domain vizus.cz.");
  }
}
