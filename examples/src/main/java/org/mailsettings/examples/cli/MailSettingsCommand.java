package org.mailsettings.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
import org.mailsettings.probe.ProbeResult;
import org.mailsettings.probe.Prober;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
      "   or: mailsettings check [OPTIONS] (--smtp|--imap|--pop3 HOST:PORT ...)... ADDRESS"
    },
    description = {
      "Prints IMAP, POP3 and SMTP settings for e-mail addresses, best first, with where each came from and how far it can be trusted.",
      "'mailsettings check' says what is wrong with settings a user typed (see 'mailsettings check --help').",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      " 0:candidates were found for every address",
      " 2:bad input (an address or option); a one-line error on stderr",
      " 3:nothing could be resolved for an address",
      " 4:--verify found no working server for an address",
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

  // 0..*, checked in call(): picocli would otherwise ask for an address before "check" too.
  @Parameters(
      paramLabel = "ADDRESS",
      arity = "0..*",
      description = "E-mail addresses such as info@vizus.cz or 'Jan Novák <info@novak.cz>'; '-' reads them from standard input, one a line.")
  private List<String> addresses = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object per address, one a line.")
  private boolean json;

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
          + "= a URL with %%EMAILDOMAIN%% and %%EMAILADDRESS%%.")
  private Map<String, String> urlTemplates = new java.util.LinkedHashMap<>();

  @Option(names = "--quiet", description = "No progress on standard error.")
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
      description = "Log in to the candidates to find the ones that work (asks for the password, or see --password-env).")
  private boolean verify;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "With --verify: read the password from this environment variable instead of asking.")
  private @Nullable String passwordEnv;

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

  private MailSettingsCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  /** A command line for this command, with case-insensitive enum values. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** A command line that reads {@code --password-env} variables from {@code environment}. */
  public static CommandLine commandLine(Map<String, String> environment) {
    Map<String, String> variables = Map.copyOf(environment);
    CommandLine commandLine = new CommandLine(new MailSettingsCommand(variables));
    // Added before the settings below, which picocli passes on to the subcommands it has.
    commandLine.addSubcommand("check", new CheckCommand(variables));
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
    if (addresses.isEmpty()) {
      // What picocli says for a missing required parameter, as before "check" existed.
      err.println("mailsettings: Missing required parameter: 'ADDRESS'");
      err.println("Try 'mailsettings --help'.");
      return BAD_INPUT;
    }
    ResolutionPolicy policy;
    DiscoveryOptions discoveryOptions;
    MailSettingsResolver resolver;
    try {
      policy =
          ResolutionPolicy.builder()
              .allowPlaintext(allowPlaintext)
              .preferredIncoming(prefer)
              .addAllExcludedProtocols(exclude)
              .build();
      discoveryOptions = discoveryOptions(err);
      resolver = resolver();
    } catch (ClientConfigException | IllegalArgumentException e) {
      err.println("mailsettings: " + Terminal.safe(String.valueOf(e.getMessage())));
      return BAD_INPUT;
    }
    try (resolver) {
      Verifying verifying = null;
      if (verify || properties) {
        try {
          verifying = Verifying.create(resolver, trustStore, trustStorePassword, allowPlaintext, verify ? password() : null);
        } catch (IllegalArgumentException e) {
          err.println("mailsettings: " + Terminal.safe(String.valueOf(e.getMessage())));
          return BAD_INPUT;
        }
      }
      try {
        int status = OK;
        for (String address : addresses) {
          if (address.equals("-")) {
            // One line at a time: a list of millions is answered as it streams.
            InputLines lines = new InputLines(System.in);
            while (lines.hasNext()) {
              InputLines.Line line = lines.next();
              if (line.error() != null) {
                status = Math.max(status, badLine(line, out, err));
              } else {
                status = Math.max(status, resolveOne(line.value().orElseThrow(), resolver, policy, discoveryOptions, verifying, out, err));
              }
              out.flush();
            }
          } else {
            status = Math.max(status, resolveOne(address, resolver, policy, discoveryOptions, verifying, out, err));
            out.flush();
          }
        }
        return status;
      } finally {
        if (verifying != null) {
          verifying.close();
        }
      }
    }
  }

  private int badLine(InputLines.Line line, PrintWriter out, PrintWriter err) {
    String error = String.valueOf(line.error());
    err.println("mailsettings: " + error);
    if (json) {
      out.println(ResolutionJson.error("line " + line.number(), error));
    }
    return BAD_INPUT;
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

  private DiscoveryOptions discoveryOptions(PrintWriter err) {
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
      if (source == Source.AUTOCONFIG) {
        options.autoconfigUrlTemplate(entry.getValue());
      } else if (source == Source.WELL_KNOWN) {
        options.wellKnownUrlTemplate(entry.getValue());
      } else if (source == Source.AUTOCONFIG_HTTP) {
        options.autoconfigHttpUrlTemplate(entry.getValue());
      } else if (source == Source.AUTODISCOVER) {
        options.autodiscoverUrlTemplates(List.of(entry.getValue()));
      } else {
        throw new IllegalArgumentException(
            "--url takes AUTOCONFIG, WELL_KNOWN, AUTOCONFIG_HTTP or AUTODISCOVER, not " + entry.getKey());
      }
    }
    if (!quiet) {
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

  private int resolveOne(
      String input,
      MailSettingsResolver resolver,
      ResolutionPolicy policy,
      DiscoveryOptions discoveryOptions,
      @Nullable Verifying verifying,
      PrintWriter out,
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
      if (json) {
        out.println(ResolutionJson.error(input, String.valueOf(e.getMessage())));
      }
      return BAD_INPUT;
    }
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
      verified = verifying.verify(resolution, confirmedDomains(resolution, err));
    }
    if (json) {
      out.println(ResolutionJson.of(resolution, verified, properties && verifying != null ? verifying.properties(resolution) : null, findings));
    } else {
      ResolutionTable.print(resolution, out);
      if (!findings.isEmpty()) {
        out.println("  Probed without credentials:");
        findings.forEach(f -> {
          out.println("    " + Terminal.safe(f.toString()));
          f.proposal().ifPresent(p -> out.println("      proposal: " + p.settings().address() + " (" + Terminal.safe(joined(p.reasons())) + ")"));
        });
        out.println();
      }
      if (properties && verifying != null) {
        verifying.printProperties(resolution, out);
      }
      if (verified != null) {
        verified.print(out);
      }
    }
    if (resolution.isEmpty()) {
      return NOT_RESOLVED;
    }
    return verified != null && !verified.anyWorks() ? NOT_VERIFIED : OK;
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
