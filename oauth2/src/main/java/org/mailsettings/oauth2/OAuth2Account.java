package org.mailsettings.oauth2;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.EmailAddress;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.jakarta.Credentials;

/**
 * One mail account at one OAuth 2.0 provider: signs the user in, keeps the tokens in the {@link
 * TokenStore} under {@link #key()}, and hands out fresh access tokens. Get it from {@link
 * OAuth2Client#account(org.mailsettings.Resolution, TokenStore)}.
 *
 * <p>Use one {@code OAuth2Account} per account in the application: its {@link #accessTokens()}
 * refreshes once for all the connections that ask at the same time. Thread-safe.
 */
public final class OAuth2Account {
  private final OAuth2Client client;
  private final OAuth2Settings settings;
  private final EmailAddress address;
  private final String key;
  private final TokenStore store;
  private final AccessTokenSupplier accessTokens;
  private final AccountProfile profile;

  OAuth2Account(OAuth2Client client, OAuth2Settings settings, EmailAddress address, TokenStore store, AccountProfile profile) {
    this.client = client;
    this.settings = settings;
    this.address = address;
    this.key = keyOf(settings, address);
    this.store = store;
    this.profile = profile;
    this.accessTokens =
        new AccessTokenSupplier(
            key, store, client.options().clock(), client.options().refreshSkew(), tokens -> refresh(tokens));
  }

  private TokenSet refresh(TokenSet tokens) {
    try {
      return client.refresh(settings, tokens, profile.resources());
    } catch (OAuth2Exception e) {
      forgetUnknownClient(e);
      throw e;
    }
  }

  /** A server that no longer knows the client id ({@code invalid_client}): its registration is forgotten. */
  private void forgetUnknownClient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OAuth2Exception e && e.errorCode().filter("invalid_client"::equals).isPresent()) {
        profile.clientUnknown().run();
        return;
      }
    }
  }

  /**
   * {@return the key of an account's tokens in a {@link TokenStore}: the issuer and the address, {@code "accounts.google.com jan@gmail.com"}}
   *
   * @param settings the server settings
   * @param address the e-mail address
   */
  public static String keyOf(OAuth2Settings settings, EmailAddress address) {
    return settings.issuer() + " " + address.asciiAddress();
  }

  /** {@return the provider's OAuth 2.0 settings} */
  public OAuth2Settings settings() {
    return settings;
  }

  /** {@return the account's address (sent to the provider as {@code login_hint})} */
  public EmailAddress address() {
    return address;
  }

  /** {@return the key of this account's tokens in the store ({@link #keyOf})} */
  public String key() {
    return key;
  }

  /**
   * Signs in through the browser: the authorization code grant with PKCE (RFC 7636, S256) on a
   * loopback redirect (RFC 8252), {@code http://127.0.0.1:PORT} plus {@link
   * ClientRegistration#redirectPath()} on an ephemeral port. {@code browser} is given the
   * provider's sign-in address; the listener accepts the one redirect that comes back and
   * closes. On success the tokens are saved in the store.
   *
   * <p>The future fails with {@link OAuth2Exception} ({@link OAuth2Exception.Reason#ACCESS_DENIED
   * ACCESS_DENIED}, {@link OAuth2Exception.Reason#STATE_MISMATCH STATE_MISMATCH}, {@link
   * OAuth2Exception.Reason#ISSUER_MISMATCH ISSUER_MISMATCH} (RFC 9207), {@link
   * OAuth2Exception.Reason#INVALID_GRANT INVALID_GRANT}, {@link OAuth2Exception.Reason#TIMEOUT
   * TIMEOUT} after {@link OAuth2Options#signInTimeout()}, ...). Cancelling it closes the listener.
   *
   * @param browser opens the provider's sign-in address for the user
   * @return the tokens, once the user has signed in and they are saved
   */
  public CompletableFuture<TokenSet> signInWithBrowser(Browser browser) {
    Objects.requireNonNull(browser, "browser");
    return saved(client.authorizationCode(settings, Optional.of(address.asciiAddress()), browser, profile));
  }

  /**
   * Signs in with the device grant (RFC 8628), for terminals and machines without a browser:
   * {@code handler} shows the user a code and where to enter it, on any device, and the library
   * polls until the user approves. On success the tokens are saved in the store.
   *
   * <p>The future fails with {@link OAuth2Exception}: {@link OAuth2Exception.Reason#NOT_OFFERED
   * NOT_OFFERED} at once when the provider has no device endpoint in its data, {@link
   * OAuth2Exception.Reason#ACCESS_DENIED ACCESS_DENIED}, {@link OAuth2Exception.Reason#EXPIRED
   * EXPIRED}, {@link OAuth2Exception.Reason#TIMEOUT TIMEOUT}, ... Cancelling it stops the polling.
   *
   * @param handler shows the user the code and where to enter it
   * @return the tokens, once the user has approved and they are saved
   */
  public CompletableFuture<TokenSet> signInWithDevice(DeviceCodeHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return saved(client.deviceAuthorization(settings, handler));
  }

  private CompletableFuture<TokenSet> saved(CompletableFuture<TokenSet> signIn) {
    CompletableFuture<TokenSet> result = signIn.thenApply(tokens -> {
      store.save(key, tokens);
      accessTokens.signedIn(tokens);
      return tokens;
    });
    var unusedForget = signIn.whenComplete((tokens, failure) -> {
      if (failure != null) {
        forgetUnknownClient(failure);
      }
    });
    // Cancelling what the caller holds cancels the sign-in itself (closing its listener or
    // polls), and a sign-in cancelled underneath (the client closed) shows as cancelled too.
    var unused = result.whenComplete((tokens, failure) -> {
      if (result.isCancelled()) {
        signIn.cancel(true);
      }
    });
    var unusedToo = signIn.whenComplete((tokens, failure) -> {
      if (signIn.isCancelled()) {
        result.cancel(true);
      }
    });
    return result;
  }

  /** {@return whether the store has tokens for this account (they may still have been revoked)} */
  public boolean isSignedIn() {
    return store.load(key).isPresent();
  }

  /** {@return the account's access tokens, refreshed as needed: one supplier per account} */
  public AccessTokenSupplier accessTokens() {
    return accessTokens;
  }

  /**
   * {@return credentials for the {@link org.mailsettings.jakarta.MailConnector}, with {@link
   * #accessTokens()}, asked on every connection, and the settings' username: SASL XOAUTH2 for an
   * account from provider data (what Google, Microsoft and Yahoo document), OAUTHBEARER (RFC 7628)
   * first for an account of {@link PublicOAuth2Client} (see {@link Credentials#oauthBearer})}
   */
  public Credentials credentials() {
    return profile.bearer() ? Credentials.oauthBearer(accessTokens) : Credentials.oauth2(accessTokens);
  }

  /**
   * {@return the RFC 8707 resource indicators sent with this account's authorization and token
   * requests (none for an account from provider data)}
   */
  public java.util.List<java.net.URI> resources() {
    return profile.resources();
  }

  /** Deletes the tokens from the store (the provider's grant itself stays until the user revokes it there). */
  public void signOut() {
    store.delete(key);
    accessTokens.signedOut();
  }

  @Override
  public String toString() {
    return "OAuth2Account[" + key + "]";
  }
}
