package org.mailsettings.oauth2.internal;

import org.mailsettings.oauth2.RegisteredClient;
import org.mailsettings.oauth2.RegistrationStore;

/** {@link RegistrationStore#inMemory()}: a concurrent map, for the life of the process. */
public final class InMemoryRegistrationStore extends InMemoryStore<RegisteredClient> implements RegistrationStore {
  /** An empty store. */
  public InMemoryRegistrationStore() {
    super("registrations");
  }
}
