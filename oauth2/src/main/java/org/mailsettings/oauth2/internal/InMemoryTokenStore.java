package org.mailsettings.oauth2.internal;

import org.mailsettings.oauth2.TokenSet;
import org.mailsettings.oauth2.TokenStore;

/** {@link TokenStore#inMemory()}: a concurrent map, for the life of the process. */
public final class InMemoryTokenStore extends InMemoryStore<TokenSet> implements TokenStore {
  /** An empty store. */
  public InMemoryTokenStore() {
    super("accounts");
  }
}
