package org.mailsettings.oauth2;

import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;

/**
 * A host's registrable domain by the public suffix list core bundles, reached through the one
 * public door core has for it, {@link Candidate#hostDomain()} (core does not export its list).
 */
final class RegistrableDomains {
  private RegistrableDomains() {}

  static String of(String host) {
    String lower = host.toLowerCase(java.util.Locale.ROOT);
    ServerSettings settings;
    try {
      settings =
        ServerSettings.builder()
            .protocol(Protocol.IMAP)
            .host(host)
            .port(993)
            .security(Security.IMPLICIT_TLS)
            .addAuthMethods(AuthMethod.OAUTH2)
            .username("user")
            .build();
    } catch (RuntimeException e) {
      return lower; // not a host name core takes: only an identical host matches it
    }
    return Candidate.of(settings, Source.LOCAL_FILE, Trust.TRUSTED, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "oauth2", "oauth2", lower))
        .hostDomain();
  }
}
