package org.mailsettings.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.NoteCode;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.ClientRegistration;
import org.mailsettings.oauth2.DeviceCode;
import org.mailsettings.oauth2.OAuth2Account;
import org.mailsettings.oauth2.OAuth2Client;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Options;
import org.mailsettings.oauth2.TokenSet;
import org.mailsettings.oauth2.TokenStore;

/**
 * "Sign in with Google / Microsoft" for the command line, the account-setup wizard and the ERP
 * example: the application's own client registration (the client id from an option, a client
 * secret only from an environment variable, never from an option's value, which every user of
 * the machine could read in the process list), a sign-in through the browser (authorization code
 * with PKCE on a loopback redirect) or with the device grant, and the credentials it gives, whose
 * access token refreshes itself on later connections.
 *
 * <p>The provider's endpoints come only from trusted provider data ({@link
 * OAuth2Client#account(Resolution, TokenStore)} refuses the rest). Tokens are kept in memory for
 * the run ({@link TokenStore#inMemory()}) and never printed.
 */
public final class OAuthSignIn implements AutoCloseable {
  private final OAuth2Client client;
  private final TokenStore store = TokenStore.inMemory();
  private final boolean device;
  private final @Nullable Browser browser;

  private OAuthSignIn(OAuth2Client client, boolean device, @Nullable Browser browser) {
    this.client = client;
    this.device = device;
    this.browser = browser;
  }

  /**
   * {@return a sign-in for the application registered as {@code registration}}
   *
   * @param registration the application's client id (and secret, where the provider issues one)
   * @param options timeouts, TLS trust and the sign-in deadline
   * @param device whether to use the device grant instead of the browser
   * @param browser where the browser sign-in sends the user; null for the system browser, or the
   *     address printed where there is none
   */
  public static OAuthSignIn create(ClientRegistration registration, OAuth2Options options, boolean device, @Nullable Browser browser) {
    return new OAuthSignIn(OAuth2Client.create(registration, options), device, browser);
  }

  /**
   * {@return the registration of a client id, with the secret read from the environment variable
   * {@code secretVariable} when one is named}
   *
   * @param clientId the client id the provider gave the application
   * @param secretVariable the name of the environment variable that holds the client secret, or null
   * @param environment the environment to read it from
   * @throws IllegalArgumentException when the variable is not set or empty, or the id is blank
   */
  public static ClientRegistration registration(String clientId, @Nullable String secretVariable, Map<String, String> environment) {
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("--oauth-client-id must not be empty");
    }
    if (secretVariable == null) {
      return ClientRegistration.of(clientId);
    }
    String secret = environment.get(secretVariable);
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the environment variable " + secretVariable + " (the OAuth 2.0 client secret) is not set");
    }
    return ClientRegistration.of(clientId, secret);
  }

  /**
   * {@return whether the resolution's provider offers an OAuth 2.0 sign-in: its data has OAuth 2.0
   * settings and its best servers take an OAuth 2.0 token}
   *
   * @param resolution the resolution
   */
  public static boolean offered(Resolution resolution) {
    return resolution.provider().flatMap(Provider::oauth2).isPresent()
        && best(resolution).anyMatch(c -> c.settings().authMethods().contains(AuthMethod.OAUTH2));
  }

  /**
   * {@return whether the provider wants an OAuth 2.0 sign-in rather than a password (its data says
   * so, or its best servers take nothing else)}
   *
   * @param resolution the resolution
   */
  public static boolean required(Resolution resolution) {
    return offered(resolution)
        && (resolution.notes().stream().anyMatch(n -> n.code() == NoteCode.OAUTH2_REQUIRED)
            || best(resolution).allMatch(c -> c.settings().authMethods().stream().allMatch(AuthMethod.OAUTH2::equals)));
  }

  /**
   * {@return "Sign in with Google", "Sign in with Microsoft", or with the provider's name}
   *
   * @param resolution the resolution
   */
  public static String label(Resolution resolution) {
    Optional<OAuth2Settings> settings = resolution.provider().flatMap(Provider::oauth2);
    String host = settings.map(s -> s.authorizationEndpoint().getHost().toLowerCase(Locale.ROOT)).orElse("");
    String name;
    if (host.endsWith(".google.com")) {
      name = "Google";
    } else if (host.endsWith(".microsoftonline.com") || host.endsWith(".live.com")) {
      name = "Microsoft";
    } else {
      name = resolution.provider().map(Provider::name).orElse("your provider");
    }
    return "Sign in with " + Terminal.safe(name);
  }

  private static Stream<Candidate> best(Resolution resolution) {
    return Stream.concat(resolution.bestIncoming().stream(), resolution.bestOutgoing().stream());
  }

  /**
   * Signs the resolution's account in (unless it is signed in already in this run), telling the
   * user on {@code out} what to do, and returns credentials whose access token is refreshed as
   * needed.
   *
   * @param resolution the account's resolution, whose provider data must be trusted
   * @param out where the user is told what to do
   * @return XOAUTH2 credentials for the account
   * @throws OAuth2Exception when the sign-in fails (declined, expired, untrusted data, ...)
   * @throws InterruptedException when interrupted while waiting for the user
   */
  public Credentials signIn(Resolution resolution, PrintWriter out) throws InterruptedException {
    OAuth2Account account = client.account(resolution, store);
    if (account.isSignedIn()) {
      return account.credentials();
    }
    out.println(label(resolution) + " as " + Terminal.safe(account.address().address())
        + (device ? " (device sign-in):" : " in the browser:"));
    out.flush();
    CompletableFuture<TokenSet> signIn = device
        ? account.signInWithDevice(code -> showDeviceCode(code, out))
        : account.signInWithBrowser(browser != null ? browser : Browser.systemOr(url -> showAddress(url.toString(), out)));
    Duration deadline = client.options().signInTimeout().plusSeconds(30); // the library's own deadline ends it first
    try {
      signIn.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OAuth2Exception failure) {
        throw failure;
      }
      throw new OAuth2Exception(OAuth2Exception.Reason.PROTOCOL_ERROR, "The sign-in failed: " + e.getCause(), null, e.getCause());
    } catch (TimeoutException | CancellationException e) {
      signIn.cancel(true);
      throw new OAuth2Exception(OAuth2Exception.Reason.TIMEOUT, "The sign-in was not completed in time", null, e);
    } catch (InterruptedException e) {
      signIn.cancel(true);
      throw e;
    }
    out.println("Signed in.");
    out.flush();
    return account.credentials();
  }

  /**
   * {@return the refresh token this run's sign-in obtained for the resolution's account; empty
   * before a sign-in or when the provider issued none}
   *
   * @param resolution the account's resolution
   */
  public Optional<String> refreshToken(Resolution resolution) {
    OAuth2Account account = client.account(resolution, store);
    Optional<TokenSet> tokens = store.load(account.key());
    return tokens.isPresent() ? tokens.get().refreshToken() : Optional.empty();
  }

  private static void showAddress(String url, PrintWriter out) {
    synchronized (out) {
      out.println("  Open this address in a browser and sign in:");
      out.println("  " + Terminal.safe(url));
      out.flush();
    }
  }

  private static void showDeviceCode(DeviceCode code, PrintWriter out) {
    synchronized (out) {
      out.println("  On any device, open " + Terminal.safe(code.verificationUri().toString())
          + " and enter the code " + Terminal.safe(code.userCode()));
      out.flush();
    }
  }

  /**
   * {@return the sign-in failure as one line for the user}
   *
   * @param e the failure
   */
  public static String describe(OAuth2Exception e) {
    return "the OAuth 2.0 sign-in failed (" + e.reason() + "): " + Terminal.safe(String.valueOf(e.getMessage()));
  }

  /** Stops running sign-ins and the client's threads; the credentials it gave refresh no more. */
  @Override
  public void close() {
    client.close();
  }
}
