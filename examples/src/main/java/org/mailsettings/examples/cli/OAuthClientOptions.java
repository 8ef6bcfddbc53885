package org.mailsettings.examples.cli;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.ClientRegistration;
import org.mailsettings.oauth2.OAuth2Options;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The OAuth 2.0 options of the command line, the account-setup wizard and the ERP example, one
 * picocli mixin for all three: {@code --oauth-client-id ID} (the application's registration with
 * the provider), {@code --oauth-client-secret-env NAME} (its secret, from the environment only)
 * and {@code --device} (the device grant instead of the browser).
 *
 * <pre>
 * &#64;Mixin(name = OAuthClientOptions.MIXIN)
 * private final OAuthClientOptions oauthClient = new OAuthClientOptions();
 * </pre>
 */
public final class OAuthClientOptions {
  /** The name the commands give this mixin. */
  public static final String MIXIN = "oauth";

  @Option(
      names = "--oauth-client-id",
      paramLabel = "ID",
      description = "Sign in with OAuth 2.0 instead of a password (\"Sign in with Google / Microsoft\") where the provider's "
          + "data offers it, as the application registered with the provider under this client id. "
          + "The browser opens (or its address is printed); see --device.")
  private @Nullable String clientId;

  @Option(
      names = "--oauth-client-secret-env",
      paramLabel = "NAME",
      description = "With --oauth-client-id: read the client secret (Google's desktop clients have one) from this environment "
          + "variable; a secret is never taken as an option's value.")
  private @Nullable String clientSecretVariable;

  @Option(
      names = "--device",
      description = "With --oauth-client-id: sign in with the device grant (a code to enter on any device) instead of the "
          + "browser, where the provider offers it (Microsoft does, Google does not for mail).")
  private boolean device;

  /** The command these options are mixed into, once picocli has parsed its command line. */
  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec mixee;

  /** No client: the options as picocli finds them before it parses the command line. */
  public OAuthClientOptions() {}

  /**
   * Uses the application's registration as {@code --oauth-client-id ID} (and {@code --device})
   * would, for a command set up from code.
   *
   * @param id the client id
   * @param deviceGrant whether to sign in with the device grant
   */
  public void use(String id, boolean deviceGrant) {
    this.clientId = id;
    this.device = deviceGrant;
  }

  /** {@return whether a client id was given: the command signs in with OAuth 2.0 where the provider takes it} */
  public boolean given() {
    return clientId != null;
  }

  /** {@return whether the sign-in uses the device grant instead of the browser} */
  public boolean device() {
    return device;
  }

  /**
   * The options go together: {@code --oauth-client-secret-env} and {@code --device} only with a
   * client id. Each command checks this before it runs, so that a misplaced option is a bad
   * command line (which the command reports as it reports the others) in all three alike.
   *
   * @throws ParameterException when one is given without {@code --oauth-client-id}
   */
  public void check() {
    if (clientId == null && (clientSecretVariable != null || device)) {
      String message = (device ? "--device" : "--oauth-client-secret-env") + " goes with --oauth-client-id ID";
      CommandSpec command = mixee;
      if (command == null) { // not parsed from a command line; use(...) never gets here
        throw new IllegalStateException(message);
      }
      throw new ParameterException(command.commandLine(), message);
    }
  }

  /**
   * {@return the application's registration: the client id, with the secret read from {@code
   * environment} when {@code --oauth-client-secret-env} names a variable}
   *
   * @param environment the environment to read the secret from
   * @throws IllegalArgumentException when no client id was given, the id is blank, or the
   *     secret's variable is not set
   */
  public ClientRegistration registration(Map<String, String> environment) {
    String id = clientId;
    if (id == null) {
      throw new IllegalArgumentException("no --oauth-client-id ID");
    }
    return OAuthSignIn.registration(id, clientSecretVariable, environment);
  }

  /**
   * {@return a sign-in for the application's registration, through the browser or with the device
   * grant as the options say}
   *
   * @param environment the environment to read the client secret from
   * @param options timeouts, TLS trust and the sign-in deadline
   * @param browser where the browser sign-in sends the user; null for the system browser
   * @throws IllegalArgumentException as {@link #registration(Map)} does
   */
  public OAuthSignIn signIn(Map<String, String> environment, OAuth2Options options, @Nullable Browser browser) {
    return OAuthSignIn.create(registration(environment), options, device, browser);
  }
}
