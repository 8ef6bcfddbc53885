package org.mailsettings.oauth2.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Where one sign-in's authorization response arrives: the loopback listener ({@link
 * LoopbackRedirect}), or the application's own redirect URI handler ({@link AppRedirects}).
 */
public interface RedirectListener extends AutoCloseable {

  /** The redirect URI sent in the authorization request (and registered with the server). */
  URI redirectUri();

  /** Completes with the one authorization response accepted; never fails on its own. */
  CompletableFuture<LoopbackRedirect.Outcome> outcome();

  /** Stops waiting (idempotent). */
  @Override
  void close();
}
