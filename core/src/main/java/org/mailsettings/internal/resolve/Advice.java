package org.mailsettings.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Protocol;

/** Advice the resolver adds to every resolution, whatever the source: one rule, one place. */
public final class Advice {
  private Advice() {}

  /** Notes about port 25 and OAuth 2.0, for the ordered candidates. */
  public static List<String> notes(List<Candidate> incoming, List<Candidate> outgoing) {
    List<String> notes = new ArrayList<>();
    for (Candidate candidate : outgoing) {
      if (candidate.settings().port() == Protocol.SMTP_RELAY_PORT) {
        notes.add("Port 25 is often blocked by Internet providers; use it only when 465 and 587 fail.");
        break;
      }
    }
    boolean oauthFirst =
        firstAuthIsOAuth(incoming) || firstAuthIsOAuth(outgoing);
    if (oauthFirst) {
      notes.add("The provider wants OAuth 2.0 sign-in; a plain password login may be refused.");
    }
    return notes;
  }

  private static boolean firstAuthIsOAuth(List<Candidate> candidates) {
    return !candidates.isEmpty()
        && !candidates.get(0).settings().authMethods().isEmpty()
        && candidates.get(0).settings().authMethods().get(0).equals(AuthMethod.OAUTH2);
  }
}
