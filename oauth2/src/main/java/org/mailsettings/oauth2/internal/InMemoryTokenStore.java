package org.mailsettings.oauth2.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mailsettings.oauth2.TokenSet;
import org.mailsettings.oauth2.TokenStore;

/** {@link TokenStore#inMemory()}: a concurrent map, for the life of the process. */
public final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentMap<String, TokenSet> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<TokenSet> load(String accountKey) {
    return Optional.ofNullable(tokens.get(Objects.requireNonNull(accountKey, "accountKey")));
  }

  @Override
  public void save(String accountKey, TokenSet tokenSet) {
    tokens.put(Objects.requireNonNull(accountKey, "accountKey"), Objects.requireNonNull(tokenSet, "tokens"));
  }

  @Override
  public void delete(String accountKey) {
    tokens.remove(Objects.requireNonNull(accountKey, "accountKey"));
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore[" + tokens.size() + " accounts]";
  }
}
