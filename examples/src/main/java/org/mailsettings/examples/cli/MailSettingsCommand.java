package org.mailsettings.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
import org.mailsettings.SourceReport;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.probe.ProbeOptions;
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
    description = {
      "Prints IMAP, POP3 and SMTP settings for e-mail addresses, best first, with where each came from and how far it can be trusted.",
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

  @Parameters(
      paramLabel = "ADDRESS",
      arity = "1..*",
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
  private Map<Source, String> urlTemplates = new java.util.EnumMap<>(Source.class);

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
    CommandLine commandLine = new CommandLine(new MailSettingsCommand(Map.copyOf(environment)));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          exception.getCommandLine().getErr().println("mailsettings: " + exception.getMessage());
          exception.getCommandLine().getErr().println("Try 'mailsettings --help'.");
          return BAD_INPUT;
        });
    return commandLine;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MailSettingsResolver resolver;
    ResolutionPolicy policy;
    try {
      MailSettingsResolver.Builder builder = MailSettingsResolver.builder();
      if (providers != null) {
        builder.addProviderDirectory(providers);
      }
      resolver = builder.build();
      policy =
          ResolutionPolicy.builder()
              .allowPlaintext(allowPlaintext)
              .preferredIncoming(prefer)
              .addAllExcludedProtocols(exclude)
              .build();
    } catch (ClientConfigException | InvalidSettingsException e) {
      err.println("mailsettings: " + e.getMessage());
      return BAD_INPUT;
    }
    DiscoveryOptions discoveryOptions;
    try {
      discoveryOptions = discoveryOptions(err);
    } catch (IllegalArgumentException e) {
      err.println("mailsettings: " + e.getMessage());
      return BAD_INPUT;
    }
    Verifying verifying = null;
    if (verify || properties) {
      try {
        verifying = Verifying.create(trustStore, trustStorePassword, allowPlaintext, verify ? password() : null);
      } catch (IllegalArgumentException e) {
        err.println("mailsettings: " + e.getMessage());
        return BAD_INPUT;
      }
    }
    int status = OK;
    for (String input : inputs()) {
      status = Math.max(status, resolveOne(input, resolver, policy, discoveryOptions, verifying, out, err));
      out.flush();
    }
    return status;
  }

  private DiscoveryOptions discoveryOptions(PrintWriter err) {
    if (timeoutSeconds <= 0 || timeoutSeconds > 3600) {
      throw new IllegalArgumentException("--timeout must be between 0 and 3600 seconds: " + timeoutSeconds);
    }
    DiscoveryOptions.Builder options =
        DiscoveryOptions.builder().deadline(java.time.Duration.ofMillis((long) (timeoutSeconds * 1000)));
    if (dnsServer != null) {
      String host = dnsServer;
      int port = 53;
      int colon = dnsServer.lastIndexOf(':');
      if (colon > 0 && dnsServer.indexOf(':') == colon) {
        host = dnsServer.substring(0, colon);
        try {
          port = Integer.parseInt(dnsServer.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--dns wants HOST[:PORT], not " + dnsServer);
        }
      }
      options.dnsServer(host, port);
    }
    if (ispdb != null) {
      options.ispdbBaseUrl(ispdb);
    }
    for (Map.Entry<Source, String> entry : urlTemplates.entrySet()) {
      switch (entry.getKey()) {
        case AUTOCONFIG -> options.autoconfigUrlTemplate(entry.getValue());
        case WELL_KNOWN -> options.wellKnownUrlTemplate(entry.getValue());
        case AUTOCONFIG_HTTP -> options.autoconfigHttpUrlTemplate(entry.getValue());
        case AUTODISCOVER -> options.autodiscoverUrlTemplates(List.of(entry.getValue()));
        default -> throw new IllegalArgumentException(
            "--url takes AUTOCONFIG, WELL_KNOWN, AUTOCONFIG_HTTP or AUTODISCOVER, not " + entry.getKey());
      }
    }
    if (trustStore != null) {
      options.sslContext(Verifying.sslContext(trustStore, trustStorePassword));
    }
    if (!quiet) {
      options.listener(new DiscoveryListener() {
        @Override
        public void finished(SourceReport report) {
          synchronized (err) {
            err.println("  " + report.source().description() + ": " + report.outcome() + " in "
                + report.elapsed().toMillis() + " ms  " + report.query()
                + (report.detail().isEmpty() ? "" : "  (" + report.detail() + ")"));
            err.flush();
          }
        }
      });
    }
    return options.build();
  }

  private Prober prober() {
    ProbeOptions.Builder options = ProbeOptions.builder();
    if (trustStore != null) {
      options.sslContext(Verifying.sslContext(trustStore, trustStorePassword));
    }
    return Prober.create(options.build());
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
          err.println("mailsettings: discovering settings for " + request.address().address() + " ...");
        }
        resolution = resolver.discoverAndWait(request, discoveryOptions);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("mailsettings: interrupted");
      return NOT_RESOLVED;
    } catch (InvalidEmailAddressException | InvalidSettingsException e) {
      err.println("mailsettings: " + e.getMessage());
      if (json) {
        out.println(ResolutionJson.error(input, String.valueOf(e.getMessage())));
      }
      return BAD_INPUT;
    }
    List<ProbeResult> findings = List.of();
    if (probe && !resolution.isEmpty()) {
      Prober prober = prober();
      List<Candidate> all = new ArrayList<>(resolution.incoming());
      all.addAll(resolution.outgoing());
      findings = prober.probeAll(all);
      resolution = prober.refineGuesses(resolution, findings);
    }
    Verifying.@Nullable Result verified = null;
    if (verifying != null && verify && !resolution.isEmpty()) {
      verified = verifying.verify(resolution);
    }
    if (json) {
      out.println(ResolutionJson.of(resolution, verified, properties && verifying != null ? verifying.properties(resolution) : null, findings));
    } else {
      ResolutionTable.print(resolution, out);
      if (!findings.isEmpty()) {
        out.println("  Probed without credentials:");
        findings.forEach(f -> {
          out.println("    " + f);
          f.proposal().ifPresent(p -> out.println("      proposal: " + p.settings().address() + " (" + p.reason() + ")"));
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

  private List<String> inputs() throws IOException {
    List<String> inputs = new ArrayList<>();
    for (String address : addresses) {
      if (address.equals("-")) {
        inputs.addAll(readLines(System.in));
      } else {
        inputs.add(address);
      }
    }
    return inputs;
  }

  private static List<String> readLines(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
        lines.add(line.strip());
      }
    }
    return lines;
  }
}
