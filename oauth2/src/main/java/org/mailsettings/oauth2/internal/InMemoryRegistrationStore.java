package org.mailsettings.oauth2.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mailsettings.oauth2.RegisteredClient;
import org.mailsettings.oauth2.RegistrationStore;

/** {@link RegistrationStore#inMemory()}: a concurrent map, for the life of the process. */
public final class InMemoryRegistrationStore implements RegistrationStore {
  private final ConcurrentMap<String, RegisteredClient> registrations = new ConcurrentHashMap<>();

  @Override
  public Optional<RegisteredClient> load(String key) {
    return Optional.ofNullable(registrations.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public void save(String key, RegisteredClient registration) {
    registrations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(registration, "registration"));
  }

  @Override
  public void delete(String key) {
    registrations.remove(Objects.requireNonNull(key, "key"));
  }

  @Override
  public String toString() {
    return "InMemoryRegistrationStore[" + registrations.size() + " registrations]";
  }
}
