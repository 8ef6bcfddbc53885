package org.mailsettings.examples.dialog;

import java.util.Set;
import org.mailsettings.EmailAddress;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.Credentials;

/**
 * What the dialog hands the application on "Save": the sender (the name as its display name),
 * the outgoing server's settings as the form shows them, the credentials (the password typed, or
 * the signed-in OAuth 2.0 account's token supplier; {@link Credentials#toString()} shows no
 * secret), the server domains the user confirmed (for {@link
 * org.mailsettings.jakarta.VerifyOptions#confirmedDomains()} later), and whether "Test
 * connection" succeeded with exactly these settings.
 *
 * @param sender the sender, with the name as display name when one was typed
 * @param smtp the outgoing server's settings
 * @param credentials the password or the OAuth 2.0 token supplier
 * @param confirmedDomains the server domains the user confirmed
 * @param tested whether "Test connection" succeeded with these settings
 */
public record SavedAccount(EmailAddress sender, ServerSettings smtp, Credentials credentials, Set<String> confirmedDomains, boolean tested) {

  /** Copies the domains. */
  public SavedAccount {
    confirmedDomains = Set.copyOf(confirmedDomains);
  }
}
