package org.mailsettings.oauth2;

import java.util.Optional;
import org.mailsettings.oauth2.internal.InMemoryTokenStore;

/**
 * Where an application keeps the tokens of its signed-in accounts, by account key (see {@link
 * OAuth2Account#key()}). The application decides where and how they are protected: the
 * platform's key store, an encrypted file, its database. {@link #inMemory()} keeps them for the
 * life of the process only.
 *
 * <p>Implementations must be safe for use by several threads, and must not log or show the
 * tokens.
 */
public interface TokenStore {

  /**
   * {@return the tokens saved under {@code accountKey}, if any}
   *
   * @param accountKey the account key
   */
  Optional<TokenSet> load(String accountKey);

  /**
   * Saves {@code tokens} under {@code accountKey}, replacing what was there.
   *
   * @param accountKey the account key
   * @param tokens the tokens
   */
  void save(String accountKey, TokenSet tokens);

  /**
   * Forgets the tokens under {@code accountKey} (sign-out, or a grant the provider revoked).
   *
   * @param accountKey the account key
   */
  void delete(String accountKey);

  /** {@return a new, empty store in memory: tokens are lost when the process ends} */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
