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
    if (outgoing.stream().anyMatch(c -> c.settings().port() == Protocol.SMTP_RELAY_PORT)) {
      notes.add("Port 25 is often blocked by Internet providers; use it only when 465 and 587 fail.");
    }
    boolean oauthFirst =
        firstAuthIsOAuth(incoming) || firstAuthIsOAuth(outgoing);
    if (oauthFirst) {
      notes.add("The provider wants OAuth 2.0 sign-in; a plain password login may be refused.");
    }
    return notes;
  }

  private static boolean firstAuthIsOAuth(List<Candidate> candidates) {
    return candidates.stream()
        .findFirst()
        .flatMap(c -> c.settings().preferredAuthMethod())
        .filter(AuthMethod.OAUTH2::equals)
        .isPresent();
  }
}
