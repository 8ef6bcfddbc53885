package org.mailsettings.oauth2;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.BearerChallenge;
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.oauth2.OAuth2Exception.Reason;
import org.mailsettings.oauth2.internal.BoundedSender;
import org.mailsettings.oauth2.internal.DynamicRegistration;
import org.mailsettings.oauth2.internal.Issuers;
import org.mailsettings.oauth2.internal.MetadataReader;
import org.mailsettings.oauth2.internal.TokenEndpoint;
import org.mailsettings.oauth2.internal.WwwAuthenticate;

/**
 * OAuth 2.0 sign-in at any provider that follows the OAuth profile for open public clients
 * (draft-ietf-mailmaint-oauth-public-06), where the application has registered nothing in advance
 * and the provider's endpoints are not in the bundled data:
 *
 * <ol>
 *   <li>the issuer comes from a trusted place: the provider's OAuth metadata in trusted provider
 *       data or a PACC document that passed its checks ({@link #issuerOf(Resolution)}), the
 *       RFC 9728 metadata a protected resource points to in its {@code WWW-Authenticate}
 *       challenge ({@link #protectedResource(URI, String)}), or the RFC 7628 error a trusted mail
 *       server answers a refused OAUTHBEARER login with ({@link #issuerFromChallenge});
 *   <li>the authorization server's RFC 8414 metadata is fetched over HTTPS, no redirect followed,
 *       within {@link OAuth2Options}' bounds, and used only when its {@code issuer} is exactly the
 *       one asked for ({@link #metadata(String)});
 *   <li>the application registers as a public client without a secret (RFC 7591), with its
 *       {@link ClientMetadata}; the registration is kept in the {@link RegistrationStore} and used
 *       again ({@link #registration});
 *   <li>the user signs in with the authorization code and PKCE (S256), the RFC 8707 resource
 *       indicators of {@link AccessRequest}, the profile's scopes ({@code
 *       urn:ietf:params:oauth:scope:mail} and {@code offline_access}, more only when asked); the
 *       redirect goes to the loopback listener or to the application's own {@link AppRedirect},
 *       and its {@code iss} must be the issuer exactly (RFC 9207; required when the metadata says
 *       {@code authorization_response_iss_parameter_supported});
 *   <li>the tokens refresh as every {@link OAuth2Account}'s do, and go to the mail servers with SASL
 *       OAUTHBEARER (XOAUTH2 where a server lacks it; see {@link OAuth2Account#credentials()}).
 * </ol>
 *
 * <pre>{@code
 * ClientMetadata app = ClientMetadata.of("6f1c2f6e-0a6b-4d47-9d3e-6a2c0b1e9f10", "Example Mail");
 * try (PublicOAuth2Client oauth = PublicOAuth2Client.builder(app).registrations(myRegistrationStore).build()) {
 *   String issuer = PublicOAuth2Client.issuerOf(resolution).orElseThrow();
 *   OAuth2Account account = oauth.account(issuer, resolution.address(), myTokenStore);
 *   account.signInWithBrowser(Browser.systemOr(url -> showToUser(url))).get();
 *   mail.verify(resolution.incoming(), resolution.address(), account.credentials());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} cancels the sign-ins still running and stops the client's threads.
 *
 * <p><b>Draft revision.</b> This follows draft-ietf-mailmaint-oauth-public-06 (16 Sep 2026;
 * sections 3.2 issuer form, 3.4 and 3.6 resource indicators and where tokens may go, 3.9 scopes)
 * as the project's notes on the draft and on its implementations (Fastmail, Stalwart, automx,
 * pimalaya) describe it; the text of -06 itself could not be read when this was written, so the
 * behaviour is to be checked against the newest revision before it is frozen. Not implemented:
 * DPoP (section 3.8; bearer tokens only, which OAUTHBEARER needs anyway), the device grant for
 * this profile, and RFC 7592 management of a registration.
 */
public final class PublicOAuth2Client implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ClientMetadata application;
  private final RegistrationStore registrations;
  private final OAuth2Options options;
  private final @Nullable AppRedirect appRedirect;
  private final String loopbackPath;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final BoundedSender sender;
  /** One client per registration (its client id and redirect), sharing this client's threads. */
  private final Map<String, OAuth2Client> clients = new ConcurrentHashMap<>();
  private final Map<String, AuthorizationServerMetadata> metadata = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private PublicOAuth2Client(Builder builder) {
    this.application = builder.application;
    this.registrations = builder.registrations;
    this.options = builder.options;
    this.appRedirect = builder.appRedirect;
    this.loopbackPath = builder.loopbackPath;
    this.ownScheduler = options.scheduler().isEmpty();
    this.scheduler = options.scheduler().orElseGet(PublicOAuth2Client::newScheduler);
    this.sender = new BoundedSender(options.sslContext(), options.connectTimeout(), options.readTimeout(), options.maxResponseBytes());
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(2, runnable -> {
          Thread thread = new Thread(runnable, "mailsettings-oauth2-public-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /**
   * {@return a builder for an application that says {@code application} about itself}
   *
   * @param application the application's identity for dynamic registration
   */
  public static Builder builder(ClientMetadata application) {
    return new Builder(Objects.requireNonNull(application, "application"));
  }

  /** {@return the application's identity} */
  public ClientMetadata application() {
    return application;
  }

  /**
   * {@return the issuer of the resolution's provider, when it may decide where the user's browser goes:
   * the provider's OAuth metadata names an issuer URL (as a PACC document's {@code oauth-public}
   * issuer does) and the resolution's first incoming and outgoing candidates are {@link
   * Trust#TRUSTED}; empty when the provider data names no issuer URL}
   *
   * @param resolution the resolution
   * @throws OAuth2Exception with {@link Reason#UNTRUSTED} when there is an issuer but the
   *     resolution does not rest on trusted sources
   */
  public static Optional<String> issuerOf(Resolution resolution) {
    Objects.requireNonNull(resolution, "resolution");
    Optional<String> issuer =
        resolution.provider().flatMap(Provider::oauth2).map(OAuth2Settings::issuer).filter(i -> i.startsWith("https://"));
    if (issuer.isEmpty()) {
      return issuer;
    }
    List<Candidate> best = new ArrayList<>();
    resolution.bestIncoming().ifPresent(best::add);
    resolution.bestOutgoing().ifPresent(best::add);
    if (best.isEmpty() || best.stream().anyMatch(candidate -> candidate.trust() != Trust.TRUSTED)) {
      throw new OAuth2Exception(
          Reason.UNTRUSTED,
          "The settings for " + resolution.address().asciiAddress()
              + " come from a source that must be confirmed: the issuer " + issuer.get() + " is not used on its word");
    }
    return issuer;
  }

  /**
   * {@return the RFC 8414 metadata of {@code issuer}: fetched from its RFC 8414 address, or, where there
   * is none, its OpenID Connect Discovery address; never through a redirect; its {@code issuer}
   * exactly {@code issuer}} Kept for the life of this client.
   *
   * @param issuer the issuer identifier, from a trusted source (see the class)
   * @throws OAuth2Exception {@link Reason#UNTRUSTED} for an issuer the profile does not allow or
   *     metadata for another issuer, {@link Reason#NOT_OFFERED} when neither address has metadata,
   *     {@link Reason#NETWORK}, {@link Reason#PROTOCOL_ERROR}
   */
  public AuthorizationServerMetadata metadata(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    AuthorizationServerMetadata known = metadata.get(issuer);
    if (known != null) {
      return known;
    }
    URI checked = Issuers.check(issuer);
    List<String> tried = new ArrayList<>();
    for (URI location : Issuers.metadataLocations(checked)) {
      String where = "The authorization server metadata at " + location;
      HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
      request.setAccept("application/json");
      HTTPResponse http = send(request, where);
      if (http.getStatusCode() != 200) {
        tried.add(location + " (HTTP " + http.getStatusCode() + ")");
        continue;
      }
      AuthorizationServerMetadata found = toMetadata(MetadataReader.serverMetadata(http, issuer, where));
      metadata.put(issuer, found);
      return found;
    }
    throw new OAuth2Exception(Reason.NOT_OFFERED, "No authorization server metadata for " + issuer + ": " + String.join(", ", tried));
  }

  /**
   * {@return the issuer of the authorization server that a mail server names when it refuses an
   * access token sent with SASL {@code OAUTHBEARER}: the {@code openid-configuration} of its RFC 7628
   * error ({@link VerificationOutcome#bearerChallenge()}), where the metadata is fetched like {@link
   * #metadata(String)}'s (https only, no redirect, bounded) and used only when its {@code issuer} is
   * exactly the issuer whose metadata address that is; empty when the outcome has no such pointer}
   * The metadata is then kept as {@link #metadata(String)} keeps it.
   *
   * <p>The profile (draft-ietf-mailmaint-oauth-public-06, as the project's notes on it say: "on
   * IMAP, POP or SMTP, read the failed OAUTHBEARER response") takes the issuer from there when
   * neither PACC nor the provider data names one. A mail server says this only when it has been
   * sent a token, so an application asks when the token it has was refused, or tries with one it
   * knows to be invalid; not every server says it (Dovecot does when configured with {@code
   * openid_configuration_url}; Stalwart answers without it). The pointer is text from the network:
   * it is used only from a server of settings that rest on trusted sources, and only to find an
   * issuer whose own metadata confirms it.
   *
   * @param outcome the outcome of a login with {@link org.mailsettings.jakarta.Credentials#oauthBearer} (IMAP
   *     or SMTP: Angus Mail's POP3 has no OAUTHBEARER)
   * @throws OAuth2Exception {@link Reason#UNTRUSTED} when the candidate is not {@link Trust#TRUSTED},
   *     for a pointer that is not an https metadata address, or for metadata of another issuer;
   *     {@link Reason#NETWORK}, {@link Reason#PROTOCOL_ERROR} as for {@link #metadata(String)}
   */
  public Optional<String> issuerFromChallenge(VerificationOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    Optional<URI> pointer = outcome.bearerChallenge().flatMap(BearerChallenge::openidConfiguration);
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    Candidate candidate = outcome.candidate();
    String host = candidate.settings().host();
    if (candidate.trust() != Trust.TRUSTED) {
      throw new OAuth2Exception(
          Reason.UNTRUSTED,
          "The settings for " + host + " come from a source that must be confirmed: the authorization server its answer names"
              + " is not used on its word");
    }
    URI location = pointer.get();
    List<String> issuers = Issuers.atMetadataLocation(location);
    String where = "The authorization server metadata at " + location + " (named by " + host + ")";
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
    request.setAccept("application/json");
    MetadataReader.ServerMetadata read = MetadataReader.serverMetadata(send(request, where), issuers, where);
    Issuers.check(read.issuer());
    metadata.putIfAbsent(read.issuer(), toMetadata(read));
    return Optional.of(read.issuer());
  }

  private static AuthorizationServerMetadata toMetadata(MetadataReader.ServerMetadata read) {
    AuthorizationServerMetadata.Builder builder =
        AuthorizationServerMetadata.builder()
            .issuer(read.issuer())
            .authorizationEndpoint(read.authorizationEndpoint())
            .tokenEndpoint(read.tokenEndpoint())
            .scopesSupported(read.scopesSupported())
            .codeChallengeMethodsSupported(read.codeChallengeMethodsSupported())
            .responseTypesSupported(read.responseTypesSupported())
            .grantTypesSupported(read.grantTypesSupported())
            .protectedResources(read.protectedResources())
            .authorizationResponseIssParameterSupported(read.authorizationResponseIssParameterSupported());
    URI registration = read.registrationEndpoint();
    if (registration != null) {
      builder.registrationEndpoint(registration);
    }
    URI device = read.deviceAuthorizationEndpoint();
    if (device != null) {
      builder.deviceAuthorizationEndpoint(device);
    }
    return builder.build();
  }

  /**
   * {@return the RFC 9728 metadata of the protected resource at {@code requested}, which answered a
   * request with {@code wwwAuthenticate} (its {@code WWW-Authenticate} header, a {@code Bearer}
   * challenge with {@code resource_metadata})} The metadata is fetched like authorization server
   * metadata (https only, no redirect, bounded), and used only when its {@code resource} is
   * {@code requested} or a prefix of it on the same origin (RFC 9728 section 3.3 and 7.3: else
   * another resource could send the user to its own server).
   *
   * @param requested the URL the application requested (a JMAP session URL, say), over https
   * @param wwwAuthenticate the value of the answer's {@code WWW-Authenticate} header
   * @throws OAuth2Exception {@link Reason#NOT_OFFERED} without such a challenge, {@link
   *     Reason#UNTRUSTED} for a pointer that is not https or metadata for another resource, ...
   */
  public ProtectedResource protectedResource(URI requested, String wwwAuthenticate) {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
    String pointer =
        WwwAuthenticate.resourceMetadata(wwwAuthenticate)
            .orElseThrow(() -> new OAuth2Exception(
                Reason.NOT_OFFERED, requested.getHost() + " names no protected resource metadata (RFC 9728) in its challenge"));
    URI location;
    try {
      location = new URI(pointer);
    } catch (java.net.URISyntaxException e) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, requested.getHost() + ": its resource_metadata is not a URI");
    }
    if (!"https".equals(location.getScheme()) || location.getHost() == null) {
      throw new OAuth2Exception(Reason.UNTRUSTED, requested.getHost() + ": its resource_metadata is not an https URL");
    }
    String where = "The protected resource metadata at " + location;
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
    request.setAccept("application/json");
    MetadataReader.ResourceMetadata read = MetadataReader.resourceMetadata(send(request, where), where);
    if (!coversRequest(read.resource(), requested)) {
      throw new OAuth2Exception(
          Reason.UNTRUSTED, where + " is for another resource (" + read.resource() + ") than " + requested + ": not used");
    }
    return new ProtectedResource(read.resource(), read.authorizationServers());
  }

  static boolean coversRequest(URI resource, URI requested) {
    if (!"https".equalsIgnoreCase(resource.getScheme())
        || !"https".equalsIgnoreCase(requested.getScheme())
        || resource.getHost() == null
        || !resource.getHost().equalsIgnoreCase(requested.getHost())
        || effectivePort(resource) != effectivePort(requested)) {
      return false;
    }
    String path = resource.getRawPath() == null || resource.getRawPath().isEmpty() ? "/" : resource.getRawPath();
    String asked = requested.getRawPath() == null || requested.getRawPath().isEmpty() ? "/" : requested.getRawPath();
    return asked.equals(path) || asked.startsWith(path.endsWith("/") ? path : path + "/");
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : 443;
  }

  private HTTPResponse send(HTTPRequest request, String where) {
    return TokenEndpoint.send(sender, options.connectTimeout(), options.readTimeout(), request, where);
  }

  /** {@return the redirect URI this client registers and signs in with: the application's, or {@code http://127.0.0.1} and the loopback path} */
  public URI redirectUri() {
    AppRedirect app = appRedirect;
    return app != null ? app.redirectUri() : URI.create("http://127.0.0.1" + loopbackPath);
  }

  /**
   * {@return the application's registration at the server of {@code metadata}: the one in the {@link
   * RegistrationStore} for this issuer and {@link #redirectUri()} (and the application's {@code
   * software_id}), or else a new RFC 7591 registration as a public client, saved there}
   *
   * @param metadata the authorization server's metadata
   * @param scopes the scopes to register for
   * @throws OAuth2Exception {@link Reason#NOT_OFFERED} when a registration is needed and the
   *     server has no registration endpoint; {@link Reason#SERVER_ERROR} (with the server's {@link
   *     OAuth2Exception#errorCode()}, such as {@code invalid_redirect_uri}) when it refuses
   */
  public RegisteredClient registration(AuthorizationServerMetadata metadata, List<String> scopes) {
    Objects.requireNonNull(metadata, "metadata");
    URI redirect = redirectUri();
    String key = RegisteredClient.keyOf(metadata.issuer(), redirect);
    Optional<RegisteredClient> stored = registrations.load(key);
    if (stored.isPresent()
        && stored.get().issuer().equals(metadata.issuer())
        && stored.get().redirectUris().contains(redirect)
        && stored.get().softwareId().equals(application.softwareId())) {
      return stored.get();
    }
    URI endpoint =
        metadata.registrationEndpoint()
            .orElseThrow(() -> new OAuth2Exception(
                Reason.NOT_OFFERED,
                metadata.issuer() + " takes no dynamic client registration (RFC 7591): the application needs a client id"
                    + " registered with it in advance (ClientRegistration with OAuth2Client)"));
    String where = "Registering with " + metadata.issuer();
    HTTPRequest request = DynamicRegistration.request(endpoint, application(application), redirect, scopes);
    DynamicRegistration.Registered registered = DynamicRegistration.read(send(request, where), where);
    RegisteredClient.Builder client =
        RegisteredClient.builder()
            .issuer(metadata.issuer())
            .clientId(registered.clientId())
            .addRedirectUris(redirect)
            .softwareId(application.softwareId());
    if (registered.issuedAt() != null) {
      client.issuedAt(registered.issuedAt());
    }
    RegisteredClient made = client.build();
    registrations.save(key, made);
    return made;
  }

  private static DynamicRegistration.Application application(ClientMetadata app) {
    return new DynamicRegistration.Application(
        app.softwareId(), app.clientName(), app.softwareVersion(), app.clientUri(), app.logoUri(), app.tosUri(), app.policyUri());
  }

  /**
   * {@return the account of {@code address} at the authorization server of {@code issuer}, for mail and a
   * refresh token ({@link AccessRequest#mail()})}
   *
   * @param issuer the issuer identifier, from a trusted source (see the class)
   * @param address the e-mail address
   * @param tokens the token store
   * @throws OAuth2Exception see {@link #account(String, EmailAddress, TokenStore, AccessRequest)}
   */
  public OAuth2Account account(String issuer, EmailAddress address, TokenStore tokens) {
    return account(issuer, address, tokens, AccessRequest.mail());
  }

  /**
   * {@return the account of {@code address} at the authorization server of {@code issuer}: its metadata
   * fetched and checked ({@link #metadata}), the application registered there or its stored
   * registration used ({@link #registration}), and the scopes of {@code request} that the server
   * supports} Nothing is asked of the user yet: {@link OAuth2Account#signInWithBrowser} does that.
   *
   * @param issuer the issuer identifier, from a trusted source (see the class)
   * @param address the e-mail address (sent as {@code login_hint})
   * @param tokens the token store
   * @param request the scopes and resource indicators
   * @throws OAuth2Exception {@link Reason#NOT_OFFERED} when the server lacks what the profile needs
   *     (the code grant with S256, the mail scope, a registration endpoint when there is no stored
   *     registration), {@link Reason#UNTRUSTED} for a resource its tokens are not for, and the
   *     failures of {@link #metadata} and {@link #registration}
   */
  public OAuth2Account account(String issuer, EmailAddress address, TokenStore tokens, AccessRequest request) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(request, "request");
    if (closed) {
      throw new IllegalStateException("The PublicOAuth2Client is closed");
    }
    AuthorizationServerMetadata server = metadata(issuer);
    requireCodeFlow(server);
    List<String> scopes = scopes(server, request);
    for (URI resource : request.resources()) {
      if (!server.allowsResource(resource)) {
        throw new OAuth2Exception(
            Reason.UNTRUSTED,
            issuer + " does not say its tokens are for " + resource + " (protected_resources"
                + (server.protectedResources().isEmpty() ? " absent, and another registrable domain" : "") + "): not asked for");
      }
    }
    RegisteredClient registered = registration(server, scopes);
    OAuth2Settings.Builder settings =
        OAuth2Settings.builder()
            .issuer(server.issuer())
            .scopes(scopes)
            .authorizationEndpoint(server.authorizationEndpoint())
            .tokenEndpoint(server.tokenEndpoint());
    server.deviceAuthorizationEndpoint().ifPresent(settings::deviceAuthorizationEndpoint);
    String key = RegisteredClient.keyOf(server.issuer(), redirectUri());
    OAuth2Client client = clients.compute(key, (k, existing) ->
        existing != null && existing.registration().clientId().equals(registered.clientId())
            ? existing
            : OAuth2Client.create(
                ClientRegistration.builder().clientId(registered.clientId()).redirectPath(loopbackPath).build(),
                OAuth2Options.builder().from(options).scheduler(scheduler).build()));
    AppRedirect app = appRedirect;
    AccountProfile profile =
        new AccountProfile(
            request.resources(),
            app == null ? null : app.registry(),
            true,
            server.authorizationResponseIssParameterSupported(),
            () -> registrations.delete(key));
    return client.account(settings.build(), address, tokens, profile);
  }

  private static void requireCodeFlow(AuthorizationServerMetadata server) {
    if (!server.codeChallengeMethodsSupported().contains("S256")) {
      throw new OAuth2Exception(
          Reason.NOT_OFFERED, server.issuer() + " does not list PKCE S256 (code_challenge_methods_supported), which the profile needs");
    }
    if (!server.responseTypesSupported().isEmpty() && !server.responseTypesSupported().contains("code")) {
      throw new OAuth2Exception(Reason.NOT_OFFERED, server.issuer() + " does not offer the authorization code flow");
    }
    if (!server.grantTypesSupported().isEmpty() && !server.grantTypesSupported().contains("authorization_code")) {
      throw new OAuth2Exception(Reason.NOT_OFFERED, server.issuer() + " does not offer the authorization code grant");
    }
  }

  /** The scopes of {@code request} that the server supports (all of them when it does not say). */
  static List<String> scopes(AuthorizationServerMetadata server, AccessRequest request) {
    List<String> supported = server.scopesSupported();
    if (supported.isEmpty()) {
      return request.scopes();
    }
    if (!supported.contains(AccessRequest.MAIL)) {
      throw new OAuth2Exception(
          Reason.NOT_OFFERED, server.issuer() + " does not list the profile's mail scope (" + AccessRequest.MAIL + ") in scopes_supported");
    }
    return request.scopes().stream().filter(supported::contains).toList();
  }

  /**
   * Cancels the sign-ins still running and stops the client's own threads (not a scheduler given
   * in the options). Access token suppliers still refresh afterwards; new accounts are refused.
   */
  @Override
  public void close() {
    closed = true;
    for (OAuth2Client client : List.copyOf(clients.values())) {
      client.close();
    }
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "PublicOAuth2Client[" + application.clientName() + ", software id " + application.softwareId() + ", redirect " + redirectUri() + "]";
  }

  /** Builds a {@link PublicOAuth2Client}. */
  public static final class Builder {
    private final ClientMetadata application;
    private RegistrationStore registrations = RegistrationStore.inMemory();
    private OAuth2Options options = OAuth2Options.defaults();
    private @Nullable AppRedirect appRedirect;
    private String loopbackPath = "/";

    private Builder(ClientMetadata application) {
      this.application = application;
    }

    /**
     * Where registrations are kept; default {@link RegistrationStore#inMemory()} (registering
     * again in every process).
     *
     * @param store the registration store
     * @return this builder
     */
    public Builder registrations(RegistrationStore store) {
      this.registrations = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The time and size bounds, TLS context, clock and threads; default {@link
     * OAuth2Options#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(OAuth2Options options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Redirects to the application's own handler instead of the loopback listener (for servers that
     * take only private-use schemes, such as Fastmail).
     *
     * @param redirect the application's redirect handler
     * @return this builder
     */
    public Builder appRedirect(AppRedirect redirect) {
      this.appRedirect = Objects.requireNonNull(redirect, "redirect");
      return this;
    }

    /**
     * The path of the loopback redirect {@code http://127.0.0.1:PORT/PATH}; default {@code /}.
     * Registered as {@code http://127.0.0.1/PATH}: RFC 8252 section 7.3 has servers accept any port.
     *
     * @param path the path
     * @return this builder
     */
    public Builder loopbackPath(String path) {
      // ClientRegistration checks it the same way as for a pre-registered client.
      this.loopbackPath = ClientRegistration.builder().clientId("check").redirectPath(path).build().redirectPath();
      return this;
    }

    /** {@return the client} */
    public PublicOAuth2Client build() {
      return new PublicOAuth2Client(this);
    }
  }
}
