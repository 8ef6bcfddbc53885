package org.mailsettings.oauth2.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What {@link InMemoryTokenStore} and {@link InMemoryRegistrationStore} are: a concurrent map
 * from key to value for the life of the process, whose {@link #toString()} counts the entries and
 * never shows them (tokens are secret).
 *
 * @param <V> what is stored
 */
abstract class InMemoryStore<V> {
  private final ConcurrentMap<String, V> values = new ConcurrentHashMap<>();
  private final String what;

  /** A store whose {@link #toString()} counts its entries as {@code what} ("accounts"). */
  InMemoryStore(String what) {
    this.what = what;
  }

  /**
   * {@return the value saved under {@code key}, if any}
   *
   * @param key the key
   */
  public Optional<V> load(String key) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
  }

  /**
   * Saves {@code value} under {@code key}, replacing what was there.
   *
   * @param key the key
   * @param value the value
   */
  public void save(String key, V value) {
    values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }

  /**
   * Forgets what is saved under {@code key}.
   *
   * @param key the key
   */
  public void delete(String key) {
    values.remove(Objects.requireNonNull(key, "key"));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + values.size() + " " + what + "]";
  }
}
