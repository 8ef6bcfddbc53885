package org.mailsettings.examples.wizard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.DiscoveryListener;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;
import org.mailsettings.examples.cli.ConsolePassword;
import org.mailsettings.examples.cli.OAuthClientOptions;
import org.mailsettings.examples.cli.OAuthSignIn;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Options;
import org.mailsettings.probe.ProbeOptions;
import org.mailsettings.probe.ProbeResult;
import org.mailsettings.probe.Prober;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A mail client's account setup, in a terminal: asks for the address, finds the settings
 * (offline, else by discovery), shows them with the second-level domains of their hosts and asks
 * for confirmation where trust requires it, probes the servers without credentials, asks for the
 * password, verifies it by logging in, and prints the working settings and the Jakarta Mail
 * properties.
 *
 * <p>Where the provider's trusted data offers OAuth 2.0 (Google, Microsoft, ...) and the
 * application's client registration is given ({@code --oauth-client-id}), the wizard offers
 * "Sign in with Google / Microsoft" instead of the password: the browser (or, with {@code
 * --device}, a code to enter on any device), then the same logins with the token.
 *
 * <pre>
 * java -cp examples/target/mailsettings.jar org.mailsettings.examples.wizard.AccountSetupWizard
 * java -cp ... AccountSetupWizard --oauth-client-id 1234.apps.googleusercontent.com --oauth-client-secret-env GOOGLE_SECRET
 * </pre>
 */
@Command(name = "account-setup", mixinStandardHelpOptions = true, description = "Set up a mail account, step by step.")
public final class AccountSetupWizard implements Callable<Integer> {
  private static final int PASSWORD_ATTEMPTS = 3;

  @Option(names = "--providers", paramLabel = "DIR", description = "Provider files consulted before the bundled database.")
  private @Nullable Path providers;

  @Option(names = "--offline", description = "Never use the network to find settings.")
  private boolean offline;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "The deadline of discovery (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds = 10;

  @Mixin(name = OAuthClientOptions.MIXIN)
  private final OAuthClientOptions oauthClient = new OAuthClientOptions();

  private final BufferedReader in;
  private final PrintWriter out;
  private final Supplier<Optional<String>> passwordPrompt;
  private DiscoveryOptions discoveryOptions = DiscoveryOptions.defaults();
  private ProbeOptions probeOptions = ProbeOptions.defaults();
  private MailOptions mailOptions = MailOptions.defaults();
  private @Nullable MailSettingsResolver resolver;
  private OAuth2Options oauthOptions = OAuth2Options.defaults();
  private @Nullable Browser browser;

  /** A wizard on the terminal. */
  public AccountSetupWizard() {
    this(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        null);
  }

  /**
   * A wizard on the given streams; the password is read from {@code in} as well when {@code
   * passwordPrompt} is null and there is no console.
   */
  public AccountSetupWizard(BufferedReader in, PrintWriter out, @Nullable Supplier<Optional<String>> passwordPrompt) {
    this.in = in;
    this.out = out;
    this.passwordPrompt = passwordPrompt != null ? passwordPrompt : () -> ConsolePassword.ask("Password: ");
  }

  /** Uses these options instead of the defaults (private authorities, test servers). */
  public AccountSetupWizard with(MailSettingsResolver resolver, DiscoveryOptions discovery, ProbeOptions probe, MailOptions mail) {
    this.resolver = resolver;
    this.discoveryOptions = discovery;
    this.probeOptions = probe;
    this.mailOptions = mail;
    return this;
  }

  /**
   * Uses these OAuth 2.0 options (TLS trust, deadline) and sends browser sign-ins to {@code
   * signInBrowser} (a test playing the user) instead of the system browser.
   *
   * @param options the sign-in's options
   * @param signInBrowser where the user is sent to sign in
   * @return this wizard
   */
  public AccountSetupWizard withOAuth(OAuth2Options options, Browser signInBrowser) {
    this.oauthOptions = options;
    this.browser = signInBrowser;
    return this;
  }

  /**
   * Uses the application's OAuth 2.0 client registration, as {@code --oauth-client-id} does.
   *
   * @param clientId the client id
   * @param deviceGrant whether to sign in with the device grant
   * @return this wizard
   */
  public AccountSetupWizard withClient(String clientId, boolean deviceGrant) {
    oauthClient.use(clientId, deviceGrant);
    return this;
  }

  /** Runs the wizard. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new AccountSetupWizard()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    oauthClient.check();
    MailSettingsResolver settingsResolver = resolver;
    if (settingsResolver == null) {
      MailSettingsResolver.Builder builder = MailSettingsResolver.builder();
      if (providers != null) {
        builder.addProviderDirectory(providers);
      }
      settingsResolver = builder.build();
      discoveryOptions = discoveryOptions.toBuilder().deadline(Duration.ofSeconds(timeoutSeconds)).build();
    }
    try {
      return run(settingsResolver);
    } finally {
      if (resolver == null) {
        settingsResolver.close(); // made here: its threads end with the wizard
      }
    }
  }

  private int run(MailSettingsResolver settingsResolver) throws IOException, InterruptedException {
    out.println("Set up a mail account.");
    EmailAddress address = askAddress();
    if (address == null) {
      return 2;
    }

    // 1. Find the settings.
    ResolutionRequest request = ResolutionRequest.of(address);
    Resolution resolution = settingsResolver.resolve(request);
    if (resolution.provider().isEmpty() && !offline) {
      out.print("Looking for the settings of " + address.domain() + " ");
      out.flush();
      resolution = settingsResolver.discoverAndWait(request, discoveryOptions.toBuilder().listener(progress()).build());
      out.println();
    }
    if (resolution.isEmpty()) {
      out.println("No settings were found for " + address.domain() + ". Ask your provider for them.");
      return 3;
    }
    Prober prober = settingsResolver.prober(probeOptions);
    List<Candidate> all = new ArrayList<>(resolution.incoming());
    all.addAll(resolution.outgoing());
    List<ProbeResult> findings = prober.probeAll(all);
    resolution = prober.refineGuesses(resolution, findings);
    show(resolution);

    // 2. Confirm what could be forged.
    java.util.Set<String> confirmed = new java.util.LinkedHashSet<>();
    if (resolution.requiresConfirmation()) {
      out.println();
      out.println("These settings come from sources an attacker could forge, or were guessed.");
      out.println("Your password would go to servers of: " + String.join(", ", resolution.hostDomains()));
      if (!askYes("Do you trust these servers? [y/N] ", false)) {
        out.println("Stopped: no password was sent anywhere.");
        return 5;
      }
      confirmed.addAll(resolution.hostDomains());
    }

    // 3. Probe without credentials.
    List<Candidate> incoming = new ArrayList<>(resolution.incoming());
    List<Candidate> outgoing = new ArrayList<>(resolution.outgoing());
    out.println();
    out.println("Checking the servers (no password is sent):");
    incoming = probed(prober, incoming, findings, confirmed);
    outgoing = probed(prober, outgoing, findings, confirmed);
    VerifyOptions verifyOptions = VerifyOptions.builder().confirmedDomains(confirmed).build();

    // 4. "Sign in with Google / Microsoft" where the provider takes it, else the password; verified by logging in.
    try (MailConnector connector = MailConnector.create(settingsResolver, mailOptions)) {
      if (OAuthSignIn.offered(resolution)) {
        String provider = resolution.provider().map(p -> p.name()).orElse("The provider");
        boolean required = OAuthSignIn.required(resolution);
        out.println();
        if (oauthClient.given()) {
          out.println(provider + (required ? " wants" : " offers") + " a sign-in with OAuth 2.0 instead of a password.");
          if (askYes(OAuthSignIn.label(resolution) + "? [Y/n] ", true)) {
            return signIn(connector, resolution, incoming, outgoing, verifyOptions);
          }
          if (required) {
            out.println("Stopped: " + provider + " takes no password.");
            return 5;
          }
        } else if (required) {
          out.println(provider + " wants a sign-in with OAuth 2.0 (\"" + OAuthSignIn.label(resolution) + "\"), which needs the"
              + " application's registration with the provider: --oauth-client-id ID. Trying a password (an app password may work).");
        }
      }
      return logIn(connector, address, incoming, outgoing, verifyOptions);
    }
  }

  /** The OAuth 2.0 sign-in, then the logins with its token (which refreshes itself on later connections). */
  private int signIn(
      MailConnector connector, Resolution resolution, List<Candidate> incoming, List<Candidate> outgoing, VerifyOptions verifyOptions)
      throws InterruptedException {
    OAuthSignIn started;
    try {
      started = oauthClient.signIn(System.getenv(), oauthOptions, browser);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      return 2;
    }
    try (OAuthSignIn signIn = started) {
      Credentials credentials = signIn.signIn(resolution, out);
      out.println("Logging in ...");
      VerificationReport in = connector.verify(incoming, resolution.address(), credentials, verifyOptions);
      VerificationReport outReport = connector.verify(outgoing, resolution.address(), credentials, verifyOptions);
      in.outcomes().forEach(o -> out.println("  " + o));
      outReport.outcomes().forEach(o -> out.println("  " + o));
      return finish(connector, resolution.address(), in.best(), outReport.best());
    } catch (OAuth2Exception e) {
      out.println("Not signed in: " + OAuthSignIn.describe(e));
      return 4;
    }
  }

  private int logIn(
      MailConnector connector, EmailAddress address, List<Candidate> incoming, List<Candidate> outgoing, VerifyOptions verifyOptions)
      throws IOException {
    for (int attempt = 1; attempt <= PASSWORD_ATTEMPTS; attempt++) {
      Optional<String> password = askPassword();
      if (password.isEmpty()) {
        out.println("No password given.");
        return 2;
      }
      Credentials credentials = Credentials.password(password.get());
      out.println("Logging in ...");
      VerificationReport in = connector.verify(incoming, address, credentials, verifyOptions);
      VerificationReport outReport = connector.verify(outgoing, address, credentials, verifyOptions);
      in.outcomes().forEach(o -> out.println("  " + o));
      outReport.outcomes().forEach(o -> out.println("  " + o));
      boolean passwordRefused = in.best().isEmpty() && outReport.best().isEmpty()
          && in.outcomes().stream().anyMatch(o -> o.status() == VerificationStatus.AUTH_FAILED);
      if (passwordRefused && attempt < PASSWORD_ATTEMPTS) {
        out.println("The server refused the password; try again.");
        continue;
      }
      return finish(connector, address, in.best(), outReport.best());
    }
    return 4;
  }

  private int finish(
      MailConnector connector, EmailAddress address, Optional<VerificationOutcome> in, Optional<VerificationOutcome> outgoing) {
    out.println();
    if (in.isEmpty() && outgoing.isEmpty()) {
      out.println("No server accepted the login. Check the password, or ask your provider.");
      return 4;
    }
    out.println("Working settings for " + address.address() + ":");
    for (Optional<VerificationOutcome> best : List.of(in, outgoing)) {
      best.ifPresent(o -> {
        var settings = o.candidate().settings();
        out.println("  " + settings.protocol() + "  " + settings.host() + "  port " + settings.port() + "  " + settings.security()
            + "  login " + o.username().orElse(settings.username()));
      });
    }
    for (Optional<VerificationOutcome> best : List.of(in, outgoing)) {
      best.ifPresent(o -> {
        out.println();
        out.println("Jakarta Mail properties for " + o.candidate().settings().address() + ":");
        var settings = o.candidate().settings();
        if (o.username().isPresent() && !o.username().get().equals(settings.username())) {
          settings = org.mailsettings.ServerSettings.builder().from(settings).username(o.username().get()).build();
        }
        MailConnector.describe(connector.properties(settings, address)).lines().forEach(line -> out.println("  " + line));
      });
    }
    return in.isPresent() && outgoing.isPresent() ? 0 : 4;
  }

  /** The candidates worth a login, from the findings already in hand (probing what has none). */
  private List<Candidate> probed(Prober prober, List<Candidate> candidates, List<ProbeResult> findings, java.util.Set<String> confirmed)
      throws IOException {
    List<Candidate> kept = new ArrayList<>();
    List<ProbeResult> results = new ArrayList<>();
    for (Candidate candidate : candidates) {
      results.add(findings.stream()
          .filter(f -> f.candidate().settings().sameEndpoint(candidate.settings()))
          .findFirst()
          .orElseGet(() -> prober.probe(candidate)));
    }
    for (ProbeResult result : results) {
      out.println("  " + result);
      if (result.proposal().isPresent()) {
        Candidate proposal = result.proposal().get();
        out.println("  The certificate is for " + proposal.settings().host() + ", not " + result.candidate().settings().host() + ".");
        if (askYes("  Use " + proposal.settings().host() + " instead? [Y/n] ", true)) {
          kept.add(proposal);
          confirmed.add(proposal.hostDomain()); // the user just said yes to this server
          continue;
        }
      }
      if (result.usable()) {
        kept.add(result.candidate());
      }
    }
    if (kept.isEmpty()) {
      out.println("  None answered properly; trying them all anyway.");
      return candidates;
    }
    return kept;
  }

  private void show(Resolution resolution) {
    out.println();
    out.println(resolution.provider().map(p -> "Provider: " + p.name()).orElse("Provider: unknown"));
    resolution.provider().ifPresent(p -> p.notes().forEach(n -> out.println("  * " + n)));
    out.println("Incoming:");
    resolution.incoming().stream().limit(4).forEach(c -> out.println("  " + describe(c)));
    out.println("Outgoing:");
    resolution.outgoing().stream().limit(4).forEach(c -> out.println("  " + describe(c)));
    out.println("Servers belong to: " + String.join(", ", resolution.hostDomains()));
  }

  private static String describe(Candidate c) {
    var s = c.settings();
    return s.protocol() + " " + s.address() + " " + s.security() + ", " + c.source().description() + ", "
        + c.trust().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private DiscoveryListener progress() {
    return new DiscoveryListener() {
      @Override
      public void finished(SourceReport report) {
        synchronized (out) {
          out.print(report.source() == Source.GUESS ? "" : ".");
          out.flush();
        }
      }
    };
  }

  private @Nullable EmailAddress askAddress() throws IOException {
    while (true) {
      out.print("E-mail address: ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        return null;
      }
      try {
        return EmailAddress.parse(line);
      } catch (InvalidEmailAddressException e) {
        out.println("  " + e.getMessage());
      }
    }
  }

  private boolean askYes(String question, boolean byDefault) throws IOException {
    out.print(question);
    out.flush();
    String line = in.readLine();
    if (line == null || line.isBlank()) {
      return byDefault;
    }
    return line.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }

  private Optional<String> askPassword() throws IOException {
    Optional<String> fromConsole = passwordPrompt.get();
    if (fromConsole.isPresent()) {
      return fromConsole;
    }
    out.print("Password (shown as you type; no console): ");
    out.flush();
    String line = in.readLine();
    return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line);
  }
}
