package org.mailsettings.check;

import org.jspecify.annotations.Nullable;
import org.mailsettings.Provider;

/**
 * Hoster rules the provider file format cannot say yet, each with its source. Only what the check
 * needs: which hosters' TLS certificates name the hosting server rather than the customer's
 * {@code mail.<domain>}, so that with SSL/TLS the server's own name must be used.
 */
final class HosterRules {
  private HosterRules() {}

  /**
   * The domain of the hoster's server names when its certificates name the hosting server, or
   * null. NEOSERV (seed page 002, neoserv.si help on adding an account to a mail client): "with
   * an SSL connection some clients do not accept mail.<your domain>; enter the name of the server
   * your package is hosted on, of the form server.avant.si, shown in Moj NEOSERV". Its customers'
   * MX hosts are those servers (the bundled file's MX rule).
   */
  static @Nullable String serverNameDomain(Provider provider) {
    return provider.id().equals("neoserv.si") ? "avant.si" : null;
  }
}
