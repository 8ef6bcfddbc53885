package org.mailsettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;
import org.mailsettings.internal.text.Messages;

/**
 * Something the library tells people, as data: a {@link NoteCode} and its arguments (host
 * names, counts, a server's own words). Applications switch on the code or render the note in
 * the user's language with {@link #message(Locale)}; {@link #toString()} is the English text, for
 * logs.
 *
 * <pre>{@code
 * for (Note note : resolution.notes()) {
 *   if (note.code() == NoteCode.OAUTH2_REQUIRED) { offerSignIn(); }
 *   label.setText(note.message(Locale.getDefault()));
 * }
 * }</pre>
 */
@Value.Immutable
public abstract class Note {

  Note() {}

  /**
   * {@return a note of {@code code} with its arguments, each turned into text ({@link String#valueOf})}
   *
   * @param code what the note says
   * @param arguments its arguments
   */
  public static Note of(NoteCode code, Object... arguments) {
    String[] texts = new String[arguments.length];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = String.valueOf(arguments[i]);
    }
    // No builder, and a view rather than a list to be copied again: notes are made on every
    // resolution, and the note copies its arguments anyway.
    return ImmutableNote.of(code, Arrays.asList(texts));
  }

  /** {@return what the note says} */
  @Value.Parameter
  public abstract NoteCode code();

  /** {@return the arguments, in the order the code's documentation gives} */
  @Value.Parameter
  public abstract List<String> arguments();

  /**
   * {@return the note in words for people in {@code locale}, from the library's resource bundles; English
   * where the locale has no bundle}
   *
   * @param locale the language
   */
  public String message(Locale locale) {
    return Messages.render(code(), arguments(), locale);
  }

  /** The note in English. */
  @Override
  public String toString() {
    return message(Locale.ROOT);
  }
}
