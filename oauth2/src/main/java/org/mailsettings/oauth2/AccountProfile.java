package org.mailsettings.oauth2;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mailsettings.oauth2.internal.AppRedirects;

/**
 * How an account signs in beyond its {@link org.mailsettings.OAuth2Settings}: the RFC 8707
 * resource indicators sent with every authorization and token request, the application's own
 * redirect handler instead of the loopback listener, whether its credentials offer the token with
 * SASL OAUTHBEARER first, whether the authorization server's metadata says that its responses
 * always carry {@code iss} (RFC 9207: then one without is refused), and what to do when the
 * server no longer knows the client id.
 */
record AccountProfile(
    List<URI> resources, @Nullable AppRedirects appRedirect, boolean bearer, boolean issuerInResponse, Runnable clientUnknown) {
  /**
   * An account from bundled provider data: no resource, loopback, XOAUTH2, no metadata (so no
   * {@code iss} required), a client id the application owns.
   */
  static final AccountProfile PROVIDER_DATA = new AccountProfile(List.of(), null, false, false, () -> {});

  AccountProfile {
    resources = List.copyOf(resources);
  }
}
