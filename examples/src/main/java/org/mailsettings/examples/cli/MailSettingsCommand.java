package org.mailsettings.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mailsettings.BulkOptions;
import org.mailsettings.BulkResult;
import org.mailsettings.Candidate;
import org.mailsettings.DiscoveryListener;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.Note;
import org.mailsettings.SourceReport;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Options;
import org.mailsettings.probe.ProbeResult;
import org.mailsettings.probe.Prober;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailsettings [options] ADDRESS...}: mail server settings for e-mail addresses. */
@Command(
    name = "mailsettings",
    mixinStandardHelpOptions = true,
    version = "mailsettings 0.1.0-SNAPSHOT",
    sortOptions = false,
    customSynopsis = {
      "mailsettings [OPTIONS] ADDRESS...",
      "   or: mailsettings check [OPTIONS] (--smtp|--imap|--pop3 HOST:PORT ...)... ADDRESS",
      "   or: mailsettings publish --pacc FILE --out DIR [--domain DOMAIN]... [--issuer URL]"
    },
    description = {
      "Prints IMAP, POP3 and SMTP settings for e-mail addresses, best first, with where each came from and how far it can be trusted.",
      "'mailsettings check' says what is wrong with settings a user typed (see 'mailsettings check --help').",
      "'mailsettings publish --pacc' writes a provider file as a PACC document and its DNS record, for hosters "
          + "(see 'mailsettings publish --help').",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      " 0:candidates were found for every address",
      " 2:bad input (an address or option); a one-line error on stderr",
      " 3:nothing could be resolved for an address",
      " 4:--verify found no working server for an address (or its OAuth 2.0 sign-in failed)",
      "With several addresses the highest status wins; every address still gets its output."
    })
public final class MailSettingsCommand implements Callable<Integer> {
  /** Exit status: every address resolved. */
  public static final int OK = 0;
  /** Exit status: bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit status: nothing could be resolved. */
  public static final int NOT_RESOLVED = 3;
  /** Exit status: verification found no working server. */
  public static final int NOT_VERIFIED = 4;

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  private CommandSpec spec;

  /** The OAuth 2.0 sign-in of this run, with --oauth-client-id. */
  private @Nullable OAuthSignIn oauth;

  // 0..*, checked in call(): picocli would otherwise ask for an address before "check" too.
  @Parameters(
      paramLabel = "ADDRESS",
      arity = "0..*",
      description = "E-mail addresses such as info@vizus.cz or 'Jan Novák <info@novak.cz>'; '-' reads a list from standard input, "
          + "one a line (or CSV records, see --csv), answered in parallel.")
  private List<String> addresses = new ArrayList<>();

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Read a list of addresses from a file, one a line (or CSV records, see --csv), answered in parallel.")
  private @Nullable Path inputFile;

  @Option(
      names = "--csv",
      paramLabel = "COLUMN",
      description = "The list is CSV with a header line; COLUMN (its name or number from 1) holds the address. "
          + "The other columns are kept in the output. Comma, semicolon or tab, as the header has it.")
  private @Nullable String csvColumn;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default), json (one object a line) or csv (one record an address: the best settings, "
          + "after the input's own columns).")
  private @Nullable OutputFormat format;

  @Option(names = "--json", description = "The same as --format json.")
  private boolean json;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "For a list: how many domains are discovered at once (default: ${DEFAULT-VALUE}).")
  private int concurrency = 64;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      description = "For a list: answers in input order (input, the default) or as they complete (completed); "
          + "each answer carries its input's index.")
  private Order order = Order.INPUT;

  /** The order of a list's answers. */
  enum Order {
    INPUT,
    COMPLETED
  }

  @Option(
      names = "--mx",
      paramLabel = "HOST",
      description = "An MX host of the address's domain, to recognise hosters (repeatable).")
  private List<String> mxHosts = new ArrayList<>();

  @Option(
      names = "--providers",
      paramLabel = "DIR",
      description = "A directory of provider files (autoconfig XML) consulted before the bundled database.")
  private @Nullable Path providers;

  @Option(names = "--offline", description = "Never use the network: the bundled database, --providers and guesses only.")
  private boolean offline;

  @Option(
      names = "--discover",
      description = "Discover over the network even when the bundled database knows the domain (by default only when it does not).")
  private boolean discover;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "The deadline of a discovery (default: ${DEFAULT-VALUE}).")
  private double timeoutSeconds = 10;

  @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "The DNS server to ask (default: the system's).")
  private @Nullable String dnsServer;

  @Option(names = "--ispdb", paramLabel = "URL", description = "The ISPDB base URL; the domain is appended (default: " + DiscoveryOptions.PUBLIC_ISPDB + ").")
  private @Nullable String ispdb;

  @Option(
      names = "--url",
      paramLabel = "SOURCE=TEMPLATE",
      description = "Replace a source's URL template (repeatable): AUTOCONFIG, WELL_KNOWN, AUTOCONFIG_HTTP or AUTODISCOVER "
          + "= a URL with %%EMAILDOMAIN%% and %%EMAILADDRESS%%; PACC = an https URL with %%EMAILDOMAIN%% only.")
  private Map<String, String> urlTemplates = new java.util.LinkedHashMap<>();

  @Option(names = "--quiet", description = "Nothing on standard error but errors: no progress, no summary.")
  private boolean quiet;

  @Option(
      names = "--probe",
      description = "Probe the candidates without credentials (reachability, TLS, certificate names, STARTTLS, "
          + "mechanisms) and show the findings; guesses that do not answer are dropped.")
  private boolean probe;

  @Option(names = "--allow-plaintext", description = "Also list unencrypted candidates.")
  private boolean allowPlaintext;

  @Option(
      names = "--prefer",
      paramLabel = "PROTOCOL",
      description = "The incoming protocol to list first: IMAP (default) or POP3.")
  private Protocol prefer = Protocol.IMAP;

  @Option(names = "--exclude", paramLabel = "PROTOCOL", description = "Leave out a protocol (repeatable).")
  private List<Protocol> exclude = new ArrayList<>();

  @Option(
      names = "--properties",
      description = "Also print the Jakarta Mail properties of the first incoming and outgoing candidate (never a password).")
  private boolean properties;

  @Option(
      names = "--verify",
      description = "Log in to the candidates to find the ones that work (asks for the password, or see --password-env and "
          + "--oauth-client-id).")
  private boolean verify;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "With --verify: read the password from this environment variable instead of asking.")
  private @Nullable String passwordEnv;

  @Mixin(name = OAuthClientOptions.MIXIN)
  private final OAuthClientOptions oauthClient = new OAuthClientOptions();

  @Option(
      names = "--save-refresh-token",
      paramLabel = "FILE",
      description = "With --oauth-client-id: after the sign-in, write the account's refresh token to FILE (readable by "
          + "you only), for an application that signs in with it, such as the Spring Boot starter's "
          + "mailsettings.oauth2.refresh-token. The token is never printed.")
  private @Nullable Path refreshTokenFile;

  @Option(
      names = "--truststore",
      paramLabel = "FILE",
      description = "A PKCS#12 trust store of private certificate authorities, for --verify.")
  private @Nullable Path trustStore;

  @Option(names = "--truststore-password", paramLabel = "PASSWORD", description = "The trust store's password (default: changeit).")
  private String trustStorePassword = "changeit";

  @Option(
      names = "--confirm",
      paramLabel = "DOMAIN",
      description = "With --verify: a server domain the user trusts (as listed under \"confirm\"), repeatable; "
          + "needed for settings that rest on plain HTTP or unsigned DNS when there is no terminal to ask on.")
  private List<String> confirmed = new ArrayList<>();

  @Option(names = "--yes", description = "With --verify: trust every server domain the settings name, without asking.")
  private boolean yes;

  private final Map<String, String> environment;
  private final Supplier<InputStream> standardInput;
  private final BooleanSupplier standardErrorIsTerminal;
  private final @Nullable Browser browser;

  private MailSettingsCommand(
      Map<String, String> environment, Supplier<InputStream> standardInput, BooleanSupplier standardErrorIsTerminal,
      @Nullable Browser browser) {
    this.environment = environment;
    this.standardInput = standardInput;
    this.standardErrorIsTerminal = standardErrorIsTerminal;
    this.browser = browser;
  }

  /** A command line for this command, with case-insensitive enum values. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** A command line that reads {@code --password-env} variables from {@code environment}. */
  public static CommandLine commandLine(Map<String, String> environment) {
    return commandLine(environment, () -> System.in, StandardError::isTerminal);
  }

  /** A command line with its own standard input, and told whether standard error is a terminal (for tests). */
  static CommandLine commandLine(Map<String, String> environment, Supplier<InputStream> standardInput, BooleanSupplier standardErrorIsTerminal) {
    return commandLine(environment, standardInput, standardErrorIsTerminal, null);
  }

  /** A command line whose OAuth 2.0 sign-ins go to {@code browser} (a test playing the user), null for the system's. */
  static CommandLine commandLine(
      Map<String, String> environment, Supplier<InputStream> standardInput, BooleanSupplier standardErrorIsTerminal,
      @Nullable Browser browser) {
    Map<String, String> variables = Map.copyOf(environment);
    CommandLine commandLine = new CommandLine(new MailSettingsCommand(variables, standardInput, standardErrorIsTerminal, browser));
    // Added before the settings below, which picocli passes on to the subcommands it has.
    commandLine.addSubcommand("check", new CheckCommand(variables));
    commandLine.addSubcommand("publish", new PublishCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          String name = exception.getCommandLine().getCommandSpec().qualifiedName();
          exception.getCommandLine().getErr().println(name + ": " + exception.getMessage());
          exception.getCommandLine().getErr().println("Try '" + name + " --help'.");
          return BAD_INPUT;
        });
    return commandLine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean list = addresses.contains("-") || inputFile != null;
    ResolutionPolicy policy;
    DiscoveryOptions discoveryOptions;
    OutputFormat chosen;
    MailSettingsResolver resolver;
    try {
      chosen = outputFormat();
      checkListOptions(list);
      checkOAuthOptions(list);
      policy =
          ResolutionPolicy.builder()
              .allowPlaintext(allowPlaintext)
              .preferredIncoming(prefer)
              .addAllExcludedProtocols(exclude)
              .build();
      discoveryOptions = discoveryOptions(err, list);
      resolver = resolver();
    } catch (ClientConfigException | IllegalArgumentException e) {
      err.println("mailsettings: " + Terminal.safe(String.valueOf(e.getMessage())));
      return BAD_INPUT;
    }
    try (resolver) {
      Verifying verifying = null;
      if (verify || properties) {
        try {
          if (oauthClient.given()) {
            oauth = oauthClient.signIn(environment, oauthOptions(), browser);
          }
          verifying = Verifying.create(
              resolver, trustStore, trustStorePassword, allowPlaintext, verify && !oauthClient.given() ? password() : null);
        } catch (IllegalArgumentException e) {
          if (oauth != null) {
            oauth.close();
          }
          err.println("mailsettings: " + Terminal.safe(String.valueOf(e.getMessage())));
          return BAD_INPUT;
        }
      }
      try {
        if (list) {
          return answerList(resolver, policy, discoveryOptions, chosen, verifying, out, err);
        }
        AnswerPrinter printer = new AnswerPrinter(chosen, out, false, List.of(), ',', verify);
        printer.begin();
        int status = OK;
        long index = 0;
        for (String address : addresses) {
          status = Math.max(status, answerOne(index++, address, resolver, policy, discoveryOptions, verifying, printer, err));
          out.flush();
        }
        return status;
      } finally {
        if (verifying != null) {
          verifying.close();
        }
        if (oauth != null) {
          oauth.close();
        }
      }
    }
  }

  private OutputFormat outputFormat() {
    if (json && format != null && format != OutputFormat.JSON) {
      throw new IllegalArgumentException("--json and --format " + format.name().toLowerCase(java.util.Locale.ROOT) + " contradict each other");
    }
    return json ? OutputFormat.JSON : format != null ? format : OutputFormat.TABLE;
  }

  /** The OAuth 2.0 options go together, with --verify, and for addresses given one by one. */
  private void checkOAuthOptions(boolean list) {
    oauthClient.check();
    if (!oauthClient.given()) {
      if (refreshTokenFile != null) {
        throw new IllegalArgumentException("--save-refresh-token goes with --oauth-client-id ID and --verify");
      }
      return;
    }
    if (!verify) {
      throw new IllegalArgumentException("--oauth-client-id signs in to verify the settings: add --verify");
    }
    if (passwordEnv != null) {
      throw new IllegalArgumentException("--oauth-client-id and --password-env contradict each other: a sign-in or a password");
    }
    if (list) {
      throw new IllegalArgumentException("--oauth-client-id signs in one account at a time: give the addresses, not a list");
    }
  }

  /** The sign-in's HTTPS trust: the trust store's authorities when one is given, else the JDK's. */
  private OAuth2Options oauthOptions() {
    OAuth2Options.Builder options = OAuth2Options.builder();
    if (trustStore != null) {
      options.sslContext(Verifying.sslContext(trustStore, trustStorePassword));
    }
    return options.build();
  }

  private void checkListOptions(boolean list) {
    if (addresses.isEmpty() && inputFile == null) {
      throw new IllegalArgumentException("no address: give one or more, '-' for standard input or --input FILE");
    }
    if (concurrency < 1 || concurrency > 10_000) {
      throw new IllegalArgumentException("--concurrency must be between 1 and 10000: " + concurrency);
    }
    if (csvColumn != null && !list) {
      throw new IllegalArgumentException("--csv is for a list: '-' or --input FILE");
    }
    if (list && !mxHosts.isEmpty()) {
      throw new IllegalArgumentException("--mx names the MX hosts of one domain: it cannot be used with a list");
    }
  }

  /**
   * A list ({@code -}, {@code --input}): every address through the bulk API, each domain
   * discovered once and up to {@code --concurrency} domains at once; answers printed as they are
   * handed out, so that memory stays flat; a progress bar when standard error is a terminal.
   */
  private int answerList(
      MailSettingsResolver resolver,
      ResolutionPolicy policy,
      DiscoveryOptions discoveryOptions,
      OutputFormat chosen,
      @Nullable Verifying verifying,
      PrintWriter out,
      PrintWriter err) {
    BulkInput input;
    try {
      input = BulkInput.of(addresses, standardInput, inputFile, csvColumn);
    } catch (IllegalArgumentException e) {
      err.println("mailsettings: " + Terminal.safe(String.valueOf(e.getMessage())));
      return BAD_INPUT;
    }
    BulkOptions bulk = BulkOptions.builder()
        .discovery(discoveryOptions)
        .policy(policy)
        .concurrency(concurrency)
        .ordered(order == Order.INPUT)
        .build();
    AnswerPrinter printer = new AnswerPrinter(chosen, out, true, input.header(), input.delimiter(), verify);
    BulkSummary summary = new BulkSummary();
    int status = OK;
    try (input;
        Progress progress = !quiet && standardErrorIsTerminal.getAsBoolean()
            ? Progress.bar(err, input.total().orElse(-1), StandardError.width(environment))
            : Progress.none(err);
        Stream<BulkResult> results = resolver.discoverAll(iterable(input.addresses()), bulk)) {
      printer.begin();
      out.flush();
      java.util.Iterator<BulkResult> answers = results.iterator();
      while (answers.hasNext()) {
        BulkResult result = answers.next();
        BulkInput.Entry entry = input.take(result.index());
        Resolution resolution = result.resolution().orElse(null);
        if (entry.error() != null || resolution == null) {
          String message = entry.error() != null
              ? String.valueOf(entry.error())
              : result.error().map(e -> String.valueOf(e.getMessage())).orElse("not an address");
          progress.println("mailsettings: " + Terminal.safe(message));
          printer.error(result.index(), result.input(), entry.columns(), message);
          summary.addInvalid();
          status = Math.max(status, BAD_INPUT);
        } else {
          Answer answer = complete(resolution, resolver, verifying, err);
          printer.answer(result.index(), entry.columns(), answer);
          summary.add(answer);
          status = Math.max(status, answer.status());
        }
        out.flush();
        progress.step();
      }
    }
    if (!quiet) {
      err.println(summary.line());
    }
    return status;
  }

  private static Iterable<String> iterable(java.util.Iterator<String> iterator) {
    return () -> iterator;
  }

  /** The one client of this run: provider files, TLS trust and DNS server. */
  private MailSettingsResolver resolver() {
    MailSettingsResolver.Builder builder = MailSettingsResolver.builder();
    if (providers != null) {
      builder.addProviderDirectory(providers);
    }
    if (trustStore != null) {
      builder.sslContext(Verifying.sslContext(trustStore, trustStorePassword));
    }
    if (dnsServer != null) {
      HostPort server = HostPort.parse(dnsServer, 53, "--dns");
      builder.dnsServer(server.host(), server.port());
    }
    return builder.build();
  }

  private DiscoveryOptions discoveryOptions(PrintWriter err, boolean list) {
    if (timeoutSeconds <= 0 || timeoutSeconds > 3600) {
      throw new IllegalArgumentException("--timeout must be between 0 and 3600 seconds: " + timeoutSeconds);
    }
    DiscoveryOptions.Builder options =
        DiscoveryOptions.builder().deadline(java.time.Duration.ofMillis((long) (timeoutSeconds * 1000)));
    if (ispdb != null) {
      options.ispdbBaseUrl(ispdb);
    }
    for (Map.Entry<String, String> entry : urlTemplates.entrySet()) {
      Source source;
      try {
        source = Source.valueOf(entry.getKey());
      } catch (IllegalArgumentException e) {
        source = Source.GUESS; // refused below
      }
      if (source == Source.PACC) {
        options.paccUrlTemplate(entry.getValue());
      } else if (source == Source.AUTOCONFIG) {
        options.autoconfigUrlTemplate(entry.getValue());
      } else if (source == Source.WELL_KNOWN) {
        options.wellKnownUrlTemplate(entry.getValue());
      } else if (source == Source.AUTOCONFIG_HTTP) {
        options.autoconfigHttpUrlTemplate(entry.getValue());
      } else if (source == Source.AUTODISCOVER) {
        options.autodiscoverUrlTemplates(List.of(entry.getValue()));
      } else {
        throw new IllegalArgumentException(
            "--url takes PACC, AUTOCONFIG, WELL_KNOWN, AUTOCONFIG_HTTP or AUTODISCOVER, not " + entry.getKey());
      }
    }
    if (offline) {
      // A list goes through discovery: offline, its sources are those that need no network.
      options.sources(java.util.Set.of(Source.LOCAL_FILE, Source.BUNDLED_DATABASE, Source.ISPDB_SNAPSHOT, Source.GUESS));
    } else if (discover) {
      // Asked to discover: the bundled layers would answer first and end the run, so they are left
      // out (the application's own files stay); the ISPDB is asked online instead of its snapshot.
      java.util.Set<Source> sources = new java.util.HashSet<>(Source.discoverySources());
      sources.remove(Source.BUNDLED_DATABASE);
      sources.remove(Source.ISPDB_SNAPSHOT);
      options.sources(sources);
    }
    if (!quiet && !list) {
      options.listener(new DiscoveryListener() {
        @Override
        public void finished(SourceReport report) {
          synchronized (err) {
            err.println("  " + report.source().description() + ": " + report.outcome() + " in "
                + report.elapsed().toMillis() + " ms  " + Terminal.safe(report.query())
                + (report.details().isEmpty() ? "" : "  (" + Terminal.safe(joined(report.details())) + ")"));
            err.flush();
          }
        }
      });
    }
    return options.build();
  }

  static String joined(List<Note> notes) {
    StringBuilder text = new StringBuilder();
    for (Note note : notes) {
      text.append(text.length() == 0 ? "" : "; ").append(note);
    }
    return text.toString();
  }

  private String password() {
    if (passwordEnv != null) {
      String value = environment.get(passwordEnv);
      if (value == null) {
        throw new IllegalArgumentException("the environment variable " + passwordEnv + " is not set");
      }
      return value;
    }
    return ConsolePassword.ask("Password: ")
        .orElseThrow(() -> new IllegalArgumentException("no password: there is no console to ask on; use --password-env NAME"));
  }

  private int answerOne(
      long index,
      String input,
      MailSettingsResolver resolver,
      ResolutionPolicy policy,
      DiscoveryOptions discoveryOptions,
      @Nullable Verifying verifying,
      AnswerPrinter printer,
      PrintWriter err) {
    Resolution resolution;
    try {
      ResolutionRequest request =
          ResolutionRequest.builder()
              .address(EmailAddress.parse(input))
              .mxHosts(mxHosts)
              .policy(policy)
              .build();
      resolution = resolver.resolve(request);
      if (!offline && (discover || resolution.provider().isEmpty())) {
        if (!quiet) {
          err.println("mailsettings: discovering settings for " + Terminal.safe(request.address().address()) + " ...");
        }
        resolution = resolver.discoverAndWait(request, discoveryOptions);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("mailsettings: interrupted");
      return NOT_RESOLVED;
    } catch (InvalidEmailAddressException | InvalidSettingsException e) {
      err.println("mailsettings: " + Terminal.safe(String.valueOf(e.getMessage())));
      printer.error(index, input, List.of(), String.valueOf(e.getMessage()));
      return BAD_INPUT;
    }
    Answer answer = complete(resolution, resolver, verifying, err);
    printer.answer(index, List.of(), answer);
    return answer.status();
  }

  /** The resolution with what was asked for besides: probe findings, verification, properties. */
  private Answer complete(Resolution found, MailSettingsResolver resolver, @Nullable Verifying verifying, PrintWriter err) {
    Resolution resolution = found;
    List<ProbeResult> findings = List.of();
    if (probe && !resolution.isEmpty()) {
      Prober prober = resolver.prober();
      List<Candidate> all = new ArrayList<>(resolution.incoming());
      all.addAll(resolution.outgoing());
      findings = prober.probeAll(all);
      resolution = prober.refineGuesses(resolution, findings);
    }
    Verifying.@Nullable Result verified = null;
    if (verifying != null && verify && !resolution.isEmpty()) {
      verified = verified(resolution, verifying, err);
    }
    Map<String, String> blocks = properties && verifying != null ? verifying.properties(resolution) : null;
    return new Answer(resolution, findings, verified, blocks);
  }

  /**
   * Logs in: with an OAuth 2.0 sign-in when {@code --oauth-client-id} is given (the provider's
   * trusted data must offer it), else with the password; a provider that wants OAuth 2.0 gets a
   * hint when it is given a password.
   */
  private Verifying.Result verified(Resolution resolution, Verifying verifying, PrintWriter err) {
    OAuthSignIn signIn = oauth;
    if (signIn == null) {
      if (OAuthSignIn.required(resolution)) {
        err.println("mailsettings: " + Terminal.safe(resolution.provider().map(p -> p.name()).orElse("the provider"))
            + " wants an OAuth 2.0 sign-in rather than a password: use --oauth-client-id ID (see the README)");
      }
      return verifying.verify(resolution, confirmedDomains(resolution, err));
    }
    Credentials credentials;
    try {
      credentials = signIn.signIn(resolution, err);
    } catch (OAuth2Exception e) {
      err.println("mailsettings: " + OAuthSignIn.describe(e));
      return Verifying.Result.signInFailed(OAuthSignIn.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verifying.Result.signInFailed("interrupted");
    }
    Path tokenFile = refreshTokenFile;
    if (tokenFile != null) {
      saveRefreshToken(signIn, resolution, tokenFile, err);
    }
    return verifying.verify(resolution, confirmedDomains(resolution, err), credentials);
  }

  /**
   * Writes the signed-in account's refresh token to {@code file}, created readable and writable by
   * the owner only where the file system has POSIX permissions (an existing file is replaced: a
   * new sign-in's token replaces the old one).
   */
  private static void saveRefreshToken(OAuthSignIn signIn, Resolution resolution, Path file, PrintWriter err) {
    Optional<String> token = signIn.refreshToken(resolution);
    if (token.isEmpty()) {
      err.println("mailsettings: the provider issued no refresh token (it did not grant offline access); nothing saved");
      return;
    }
    try {
      Files.deleteIfExists(file);
      byte[] bytes = (token.get() + "\n").getBytes(StandardCharsets.UTF_8);
      if (file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), bytes);
      } else {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
      }
      err.println("Saved the refresh token to " + Terminal.safe(file.toString()) + " (keep it as you would a password).");
    } catch (IOException e) {
      err.println("mailsettings: could not save the refresh token to " + Terminal.safe(file.toString()) + ": "
          + Terminal.safe(String.valueOf(e.getMessage())));
    }
  }

  /**
   * The server domains the user trusts for this resolution: every one with {@code --yes}, those
   * named with {@code --confirm}, else asked on the terminal when there is one. A password goes
   * only to candidates of these domains when they need confirmation.
   */
  @SuppressWarnings("SystemConsoleNull") // Java 17 has no Console.isTerminal(); null means "no terminal"
  private java.util.Set<String> confirmedDomains(Resolution resolution, PrintWriter err) {
    java.util.Set<String> domains = new java.util.LinkedHashSet<>(confirmed);
    if (yes) {
      domains.addAll(resolution.hostDomains());
      return domains;
    }
    java.util.List<String> asked = new ArrayList<>();
    for (java.util.List<Candidate> list : List.of(resolution.incoming(), resolution.outgoing())) {
      for (Candidate candidate : list) {
        if (needsConfirmation(candidate) && !domains.contains(candidate.hostDomain()) && !asked.contains(candidate.hostDomain())) {
          asked.add(candidate.hostDomain());
        }
      }
    }
    if (asked.isEmpty()) {
      return domains;
    }
    java.io.Console console = System.console();
    if (console == null) {
      err.println("mailsettings: not sending a password to " + String.join(", ", asked)
          + " without confirmation: use --confirm DOMAIN or --yes");
      return domains;
    }
    console.printf("These settings could have been forged (plain HTTP, unsigned DNS, a private address):%n");
    for (String domain : asked) {
      String answer = console.readLine("Send your password to servers of %s? [y/N] ", Terminal.safe(domain));
      if (answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
        domains.add(domain);
      }
    }
    return domains;
  }

  /**
   * Whether the candidate's settings need the user's confirmation before a password is sent (a
   * guess whose host turns out to be at a private address is refused by the verification itself,
   * as NOT_CONFIRMED).
   */
  private static boolean needsConfirmation(Candidate candidate) {
    return candidate.trust() == Trust.NEEDS_CONFIRMATION;
  }
}
