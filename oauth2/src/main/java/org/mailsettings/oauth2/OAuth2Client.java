package org.mailsettings.oauth2;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.Trust;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.oauth2.internal.AuthorizationCodeFlow;
import org.mailsettings.oauth2.internal.BoundedSender;
import org.mailsettings.oauth2.internal.DeviceFlow;
import org.mailsettings.oauth2.internal.IssuerCheck;
import org.mailsettings.oauth2.internal.TokenEndpoint;

/**
 * The application's OAuth 2.0 client: its {@link ClientRegistration} and {@link OAuth2Options},
 * one HTTP client and the threads that wait for the user. Create one per application and
 * registration, get an {@link OAuth2Account} per mail account, and {@link #close()} it at the
 * end.
 *
 * <p>Where the user's browser is sent and where tokens are asked for comes only from trusted
 * provider data: {@link #account(Resolution, TokenStore)} takes the provider's {@link
 * OAuth2Settings} from the resolution and refuses when they are missing or when the resolution
 * does not rest on trusted sources; {@link #account(OAuth2Settings, EmailAddress, TokenStore)} is
 * for the application's own, trusted settings.
 *
 * <pre>{@code
 * try (OAuth2Client oauth = OAuth2Client.create(ClientRegistration.of("my-client-id"))) {
 *   OAuth2Account account = oauth.account(resolution, TokenStore.inMemory());
 *   account.signInWithBrowser(Browser.systemOr(url -> showToUser(url))).get();
 *   mail.verify(resolution.incoming(), resolution.address(), account.credentials());
 * }
 * }</pre>
 */
public final class OAuth2Client implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ClientRegistration registration;
  private final OAuth2Options options;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final TokenEndpoint tokens;
  private final AuthorizationCodeFlow codeFlow;
  private final DeviceFlow deviceFlow;
  /** The sign-ins running, each under a key of its own (futures have no equality to rely on). */
  private final Map<Object, CompletableFuture<TokenSet>> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private OAuth2Client(ClientRegistration registration, OAuth2Options options) {
    this.registration = registration;
    this.options = options;
    this.ownScheduler = options.scheduler().isEmpty();
    this.scheduler = options.scheduler().orElseGet(OAuth2Client::newScheduler);
    BoundedSender sender =
        new BoundedSender(options.sslContext(), options.connectTimeout(), options.readTimeout(), options.maxResponseBytes());
    this.tokens = new TokenEndpoint(registration, sender, options.clock(), options.connectTimeout(), options.readTimeout());
    this.codeFlow = new AuthorizationCodeFlow(tokens, scheduler, registration.redirectPath(), options.signInTimeout());
    this.deviceFlow = new DeviceFlow(tokens, registration, scheduler, options.clock(), options.signInTimeout());
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(2, runnable -> {
          Thread thread = new Thread(runnable, "mailsettings-oauth2-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /**
   * {@return a client with {@link OAuth2Options#defaults()}}
   *
   * @param registration the client registration
   */
  public static OAuth2Client create(ClientRegistration registration) {
    return create(registration, OAuth2Options.defaults());
  }

  /**
   * {@return a client with the given options}
   *
   * @param registration the client registration
   * @param options the options
   */
  public static OAuth2Client create(ClientRegistration registration, OAuth2Options options) {
    return new OAuth2Client(Objects.requireNonNull(registration, "registration"), Objects.requireNonNull(options, "options"));
  }

  /** {@return the application's registration} */
  public ClientRegistration registration() {
    return registration;
  }

  /** {@return the options} */
  public OAuth2Options options() {
    return options;
  }

  /**
   * {@return the provider's OAuth 2.0 settings from a resolution, when they may decide where the user's
   * browser goes: the provider was recognised, its data has OAuth 2.0 settings, and the
   * resolution's first incoming and outgoing candidates are {@link Trust#TRUSTED} (bundled
   * data, the application's own files), not a discovered but unconfirmed source}
   *
   * @param resolution the resolution
   * @throws OAuth2Exception with {@link Reason#NOT_OFFERED} when there are no such settings, or
   *     {@link Reason#UNTRUSTED} when the resolution does not rest on trusted sources
   */
  public static OAuth2Settings trustedSettings(Resolution resolution) {
    Objects.requireNonNull(resolution, "resolution");
    String address = resolution.address().asciiAddress();
    Provider provider =
        resolution.provider()
            .orElseThrow(() -> new OAuth2Exception(Reason.NOT_OFFERED, "No known provider for " + address + ": no OAuth 2.0 settings"));
    OAuth2Settings settings =
        provider.oauth2()
            .orElseThrow(() -> new OAuth2Exception(
                Reason.NOT_OFFERED, provider.name() + " (" + address + ") has no OAuth 2.0 settings in the provider data"));
    List<Candidate> best = new ArrayList<>();
    resolution.bestIncoming().ifPresent(best::add);
    resolution.bestOutgoing().ifPresent(best::add);
    if (best.isEmpty()) {
      throw new OAuth2Exception(Reason.UNTRUSTED, "No server settings for " + address + " vouch for the provider's OAuth 2.0 settings");
    }
    for (Candidate candidate : best) {
      if (candidate.trust() != Trust.TRUSTED) {
        throw new OAuth2Exception(
            Reason.UNTRUSTED,
            "The settings for "
                + address
                + " come from a source that must be confirmed ("
                + candidate.trust()
                + ", "
                + candidate.source()
                + "): the browser is not sent to "
                + settings.authorizationEndpoint().getHost()
                + " on its word");
      }
    }
    return settings;
  }

  /**
   * {@return the account of the resolution's address at its provider, with the provider's OAuth 2.0
   * settings when they come from trusted data (see {@link #trustedSettings(Resolution)})}
   *
   * @param resolution the resolution
   * @param store the token store
   * @throws OAuth2Exception with {@link Reason#NOT_OFFERED} or {@link Reason#UNTRUSTED}
   */
  public OAuth2Account account(Resolution resolution, TokenStore store) {
    return account(trustedSettings(resolution), resolution.address(), store);
  }

  /**
   * {@return the account of {@code address} at the provider of {@code settings}: for settings the
   * application itself trusts (its own configuration)} The browser is sent to their
   * authorization endpoint as they are.
   *
   * @param settings the server settings
   * @param address the e-mail address
   * @param store the token store
   */
  public OAuth2Account account(OAuth2Settings settings, EmailAddress address, TokenStore store) {
    return new OAuth2Account(
        this,
        Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(address, "address"),
        Objects.requireNonNull(store, "store"),
        AccountProfile.PROVIDER_DATA);
  }

  /** An account of the any-provider flow ({@link PublicOAuth2Client}). */
  OAuth2Account account(OAuth2Settings settings, EmailAddress address, TokenStore store, AccountProfile profile) {
    return new OAuth2Account(this, settings, address, store, profile);
  }

  CompletableFuture<TokenSet> authorizationCode(
      OAuth2Settings settings, Optional<String> loginHint, Browser browser, AccountProfile profile) {
    IssuerCheck issuer = IssuerCheck.of(settings.issuer(), profile.issuerInResponse());
    return tracked(() -> codeFlow.start(settings, loginHint, browser, profile.resources(), profile.appRedirect(), issuer));
  }

  CompletableFuture<TokenSet> deviceAuthorization(OAuth2Settings settings, DeviceCodeHandler handler) {
    return tracked(() -> deviceFlow.start(settings, handler));
  }

  /** A sign-in that {@link #close()} cancels if it is still running then. */
  private CompletableFuture<TokenSet> tracked(Supplier<CompletableFuture<TokenSet>> start) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("The OAuth2Client is closed"));
    }
    CompletableFuture<TokenSet> signIn = start.get();
    Object key = new Object();
    running.put(key, signIn);
    var unused = signIn.whenComplete((tokens, failure) -> running.remove(key));
    if (closed) {
      signIn.cancel(true);
    }
    return signIn;
  }

  /**
   * A refresh (RFC 6749 section 6) of {@code current}, which must have a refresh token; the scopes
   * granted before are asked again, for the same resources.
   */
  TokenSet refresh(OAuth2Settings settings, TokenSet current, List<URI> resources) {
    String refreshToken =
        current.refreshToken().orElseThrow(() -> new IllegalArgumentException("No refresh token to refresh with"));
    List<String> scopes = current.scopes().isEmpty() ? settings.scopes() : current.scopes();
    return tokens.exchange(
        tokens.tokenRequest(
            settings.tokenEndpoint(), new RefreshTokenGrant(new RefreshToken(refreshToken)), TokenEndpoint.scopeOf(scopes), resources),
        "Refreshing the access token",
        scopes,
        refreshToken);
  }

  /**
   * Cancels the sign-ins still running (closing their listeners, stopping their polls) and stops
   * the client's own threads (not a scheduler given in the options). Access token suppliers
   * still refresh afterwards; new sign-ins fail.
   */
  @Override
  public void close() {
    closed = true;
    for (CompletableFuture<TokenSet> signIn : List.copyOf(running.values())) {
      signIn.cancel(true);
    }
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "OAuth2Client[" + registration + "]";
  }
}
