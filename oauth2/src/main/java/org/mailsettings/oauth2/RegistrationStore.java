package org.mailsettings.oauth2;

import java.util.Optional;
import org.mailsettings.oauth2.internal.InMemoryRegistrationStore;

/**
 * Where an application keeps its dynamic client registrations (one per authorization server and
 * redirect URI, under {@link RegisteredClient#keyOf}), so that it registers once per server and
 * not on every start: registering again would leave the server with one registration per run.
 * Like {@link TokenStore}, the application decides where; nothing in a registration is secret.
 * {@link #inMemory()} keeps them for the life of the process only.
 *
 * <p>Implementations must be safe for use by several threads.
 */
public interface RegistrationStore {

  /**
   * {@return the registration saved under {@code key}, if any}
   *
   * @param key the registration key
   */
  Optional<RegisteredClient> load(String key);

  /**
   * Saves {@code registration} under {@code key}, replacing what was there.
   *
   * @param key the registration key
   * @param registration the registration
   */
  void save(String key, RegisteredClient registration);

  /**
   * Forgets the registration under {@code key} (the server no longer knows the client id).
   *
   * @param key the registration key
   */
  void delete(String key);

  /** {@return a new, empty store in memory: registrations are lost when the process ends} */
  static RegistrationStore inMemory() {
    return new InMemoryRegistrationStore();
  }
}
