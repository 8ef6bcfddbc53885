package org.mailsettings.internal.resolve;

import java.util.List;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;

/** Advice the resolver adds to every resolution, whatever the source: one rule, one place. */
public final class Advice {
  private Advice() {}

  /** Adds the notes about port 25 and OAuth 2.0 for the ordered candidates to {@code notes}. */
  public static void addNotes(List<Candidate> incoming, List<Candidate> outgoing, List<Note> notes) {
    for (Candidate candidate : outgoing) {
      if (candidate.settings().port() == Protocol.SMTP_RELAY_PORT) {
        notes.add(Note.of(NoteCode.PORT_25_OFTEN_BLOCKED));
        break;
      }
    }
    boolean oauthFirst =
        firstAuthIsOAuth(incoming) || firstAuthIsOAuth(outgoing);
    if (oauthFirst) {
      notes.add(Note.of(NoteCode.OAUTH2_REQUIRED));
    }
  }

  private static boolean firstAuthIsOAuth(List<Candidate> candidates) {
    return !candidates.isEmpty()
        && !candidates.get(0).settings().authMethods().isEmpty()
        && candidates.get(0).settings().authMethods().get(0).equals(AuthMethod.OAUTH2);
  }
}
