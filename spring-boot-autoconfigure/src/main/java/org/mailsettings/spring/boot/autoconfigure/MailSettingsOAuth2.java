package org.mailsettings.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Resolution;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.oauth2.ClientRegistration;
import org.mailsettings.oauth2.OAuth2Account;
import org.mailsettings.oauth2.OAuth2Client;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Options;
import org.mailsettings.oauth2.TokenSet;
import org.mailsettings.oauth2.TokenStore;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsUnavailableException.Reason;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The OAuth 2.0 sign-in of {@code mailsettings.address}: an {@link OAuth2Client} with the
 * application's registration ({@code mailsettings.oauth2.client-id}, {@code .client-secret}),
 * the trust and timeouts of the mail connections, and the account's {@link OAuth2Account}, whose
 * tokens come from the application's {@link TokenStore} bean or, without one, from {@code
 * mailsettings.oauth2.refresh-token} (kept in memory, refreshed tokens included).
 *
 * <p>The provider's endpoints and scopes come from the resolution, through {@link
 * OAuth2Client#account(Resolution, TokenStore)}, which refuses a provider without OAuth 2.0
 * settings and a resolution that does not rest on trusted data. Nothing is fetched before the
 * first connection (or the verification at start-up) asks for a token. Closed with the context.
 */
final class MailSettingsOAuth2 implements OAuth2SignIn, AutoCloseable {
  private static final Log LOG = LogFactory.getLog(MailSettingsOAuth2.class);

  private final SSLContext sslContext;
  private final MailSettingsProperties properties;
  private final ObjectProvider<TokenStore> applicationStore;
  private @Nullable OAuth2Client client; // guarded by this
  private @Nullable OAuth2Account account; // guarded by this
  private boolean closed; // guarded by this

  MailSettingsOAuth2(SSLContext sslContext, MailSettingsProperties properties, ObjectProvider<TokenStore> applicationStore) {
    this.sslContext = sslContext;
    this.properties = properties;
    this.applicationStore = applicationStore;
  }

  @Override
  public Credentials credentials(Resolution resolution) {
    return account(resolution).credentials();
  }

  /**
   * {@return the account's OAuth 2.0 account, made on the first call (later calls return it,
   * whatever their resolution)}
   *
   * @param resolution the account's resolution
   * @throws MailSettingsUnavailableException as {@link #credentials(Resolution)}
   */
  synchronized OAuth2Account account(Resolution resolution) {
    OAuth2Account existing = account;
    if (existing != null) {
      return existing;
    }
    if (closed) {
      throw new IllegalStateException("The context is closed");
    }
    MailSettingsProperties.OAuth2 oauth2 = properties.getOauth2();
    String refreshToken = oauth2.getRefreshToken();
    boolean refreshTokenSet = refreshToken != null && !refreshToken.isEmpty();
    TokenStore store = applicationStore.getIfAvailable();
    boolean seed = store == null;
    if (store == null) {
      if (!refreshTokenSet) {
        throw new MailSettingsUnavailableException(
            Reason.NO_CREDENTIALS,
            "mailsettings.oauth2.client-id is set for " + resolution.address().address()
                + " but neither mailsettings.oauth2.refresh-token nor a TokenStore bean gives the account's tokens");
      }
      store = TokenStore.inMemory();
    } else if (refreshTokenSet) {
      LOG.warn("mailsettings: the application's TokenStore holds the OAuth 2.0 tokens of " + resolution.address().address()
          + "; mailsettings.oauth2.refresh-token is not used");
    }
    OAuth2Account made;
    try {
      made = client().account(resolution, store);
    } catch (OAuth2Exception e) {
      throw switch (e.reason()) {
        case NOT_OFFERED -> new MailSettingsUnavailableException(
            Reason.OAUTH2_NOT_OFFERED, "mailsettings.oauth2.client-id is set, but: " + e.getMessage());
        case UNTRUSTED -> new MailSettingsUnavailableException(
            Reason.OAUTH2_UNTRUSTED, "mailsettings.oauth2.client-id is set, but: " + e.getMessage());
        default -> e;
      };
    }
    if (seed) {
      // Only the refresh token is known: an access token that expired long ago (never sent),
      // so that the first connection refreshes; no scopes, so that the provider data's are asked.
      store.save(made.key(), TokenSet.builder()
          .accessToken("expired")
          .refreshToken(Objects.requireNonNull(refreshToken))
          .expiresAt(Instant.EPOCH)
          .build());
    } else if (!made.isSignedIn()) {
      LOG.warn("mailsettings: the application's TokenStore has no tokens under \"" + made.key()
          + "\": mail cannot be sent until the account signs in (through the OAuth2Account bean)");
    }
    account = made;
    return made;
  }

  /** The client, made once: its registration, and the mail connections' trust and timeouts. */
  private OAuth2Client client() {
    OAuth2Client existing = client;
    if (existing != null) {
      return existing;
    }
    MailSettingsProperties.OAuth2 oauth2 = properties.getOauth2();
    String clientId = oauth2.getClientId();
    if (clientId == null || clientId.isBlank()) {
      throw new MailSettingsUnavailableException(Reason.NO_CREDENTIALS, "mailsettings.oauth2.client-id is empty");
    }
    String secret = oauth2.getClientSecret();
    ClientRegistration registration = secret == null || secret.isEmpty()
        ? ClientRegistration.of(clientId)
        : ClientRegistration.of(clientId, secret);
    OAuth2Client made = OAuth2Client.create(
        registration,
        OAuth2Options.builder()
            .sslContext(sslContext)
            .connectTimeout(properties.getConnectTimeout())
            .readTimeout(properties.getReadTimeout())
            .build());
    client = made;
    return made;
  }

  @Override
  public synchronized void close() {
    closed = true;
    OAuth2Client existing = client;
    if (existing != null) {
      existing.close();
    }
  }

  @Override
  public synchronized String toString() {
    return "MailSettingsOAuth2[" + (account == null ? properties.getOauth2() : account) + "]";
  }
}
