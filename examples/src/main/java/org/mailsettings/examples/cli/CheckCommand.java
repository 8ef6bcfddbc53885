package org.mailsettings.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.ServerSettings;
import org.mailsettings.check.CheckResult;
import org.mailsettings.check.Finding;
import org.mailsettings.check.SettingsField;
import org.mailsettings.check.TypedSettings;
import org.mailsettings.check.Wording;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.LiveCheck;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.probe.ProbeOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsettings check [options] (--smtp|--imap|--pop3 HOST:PORT [--security LABEL] [--user NAME] ...)... ADDRESS}:
 * what is wrong with mail settings as a user typed them, in the user's language.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    version = "mailsettings 0.1.0-SNAPSHOT",
    sortOptions = false,
    description = {
      "Checks mail settings as a user typed them into a form (server, port, security label, user name) against each other "
          + "and against what the library knows of the address's provider, and says what is wrong and how to fix it. "
          + "--security, --user, --no-login, --oauth2 and --imap-prefix belong to the server named with them; "
          + "name several servers to check them all.",
      "Example: mailsettings check --lang cs --smtp smtp.vizus.cz:587 --security SSL --user info info@vizus.cz",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      " 0:no error-level finding remains",
      " 1:an error-level finding remains: the settings cannot work as typed",
      " 2:bad input (an option); a one-line error on stderr"
    })
final class CheckCommand implements Callable<Integer> {
  /** Exit status: no error-level finding. */
  static final int OK = 0;
  /** Exit status: an error-level finding remains. */
  static final int ERRORS = 1;
  private static final String WORDS = "org.mailsettings.examples.cli.CheckWords";

  /** One server as typed: its endpoint and what belongs to it. */
  static final class Server {
    @ArgGroup(exclusive = true, multiplicity = "1")
    @SuppressWarnings("NullAway.Init") // set by picocli: the group's multiplicity is 1
    Endpoint endpoint;

    @Option(names = "--security", paramLabel = "LABEL", description = "The security as the form shows it: SSL/TLS, SSL, TLS, STARTTLS, None, \"Bez zabezpečení\", ...")
    @Nullable String security;

    @Option(names = "--user", paramLabel = "NAME", description = "The user name typed.")
    String user = "";

    @Option(names = "--no-login", description = "The form says the server needs no login.")
    boolean noLogin;

    @Option(names = "--oauth2", description = "The user signs in with OAuth 2.0 (the form's Google or Microsoft option), not a password.")
    boolean oauth2;

    @Option(names = "--imap-prefix", paramLabel = "PREFIX", description = "The IMAP path prefix (\"IMAP server directory\") typed.")
    @Nullable String imapPrefix;
  }

  /** Which protocol, and where. */
  static final class Endpoint {
    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "The outgoing (SMTP) server typed.")
    @Nullable String smtp;

    @Option(names = "--imap", paramLabel = "HOST:PORT", description = "The incoming IMAP server typed.")
    @Nullable String imap;

    @Option(names = "--pop3", paramLabel = "HOST:PORT", description = "The incoming POP3 server typed.")
    @Nullable String pop3;
  }

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  private CommandSpec spec;

  @ArgGroup(exclusive = false, multiplicity = "1..*", heading = "Servers as typed:%n")
  private List<Server> servers = new ArrayList<>();

  @Parameters(paramLabel = "ADDRESS", arity = "1", description = "The e-mail address typed, with or without a name: 'Jan Novák <info@novak.cz>'.")
  private String address = "";

  @Option(names = "--mx", paramLabel = "HOST", description = "An MX host of the address's domain, to recognise hosters (repeatable).")
  private List<String> mxHosts = new ArrayList<>();

  @Option(names = "--providers", paramLabel = "DIR", description = "A directory of provider files (autoconfig XML) consulted before the bundled database.")
  private @Nullable Path providers;

  @Option(names = "--live", description = "Also probe the servers (no credentials); with --password-env, log in too.")
  private boolean live;

  @Option(names = "--password-env", paramLabel = "NAME", description = "With --live: log in with the password in this environment variable.")
  private @Nullable String passwordEnv;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "With --live: the bound of each read (default: ${DEFAULT-VALUE}).")
  private double timeoutSeconds = 5;

  @Option(names = "--truststore", paramLabel = "FILE", description = "With --live: a PKCS#12 trust store of private certificate authorities.")
  private @Nullable Path trustStore;

  @Option(names = "--truststore-password", paramLabel = "PASSWORD", description = "The trust store's password (default: changeit).")
  private String trustStorePassword = "changeit";

  @Option(names = "--json", description = "Print one JSON object per server, one a line.")
  private boolean json;

  @Option(names = "--lang", paramLabel = "LANGUAGE", description = "The language of the findings: en, cs, sk, sl, de, pl, hu (default: the system's).")
  private @Nullable String language;

  private final Map<String, String> environment;

  CheckCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale locale = language == null ? Locale.getDefault() : Locale.forLanguageTag(language);
    List<TypedSettings> forms = new ArrayList<>();
    MailSettingsResolver client;
    String password = null;
    try {
      for (Server server : servers) {
        forms.add(form(server));
      }
      if (live && passwordEnv != null) {
        password = environment.get(passwordEnv);
        if (password == null) {
          throw new IllegalArgumentException("the environment variable " + passwordEnv + " is not set");
        }
      }
      if (timeoutSeconds <= 0 || timeoutSeconds > 600) {
        throw new IllegalArgumentException("--timeout must be between 0 and 600 seconds: " + timeoutSeconds);
      }
      client = client();
    } catch (ClientConfigException | IllegalArgumentException e) {
      err.println("mailsettings check: " + Terminal.safe(String.valueOf(e.getMessage())));
      return MailSettingsCommand.BAD_INPUT;
    }
    ResourceBundle words = ResourceBundle.getBundle(WORDS, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    @Nullable MailConnector connector = null;
    try (client) {
      connector = live ? connector(client) : null;
      @Nullable LiveCheck liveCheck = connector == null ? null : LiveCheck.create(client, connector, probeOptions());
      int status = OK;
      for (TypedSettings form : forms) {
        CheckResult result = client.settingsCheck().check(form);
        if (liveCheck != null) {
          result = password != null ? liveCheck.logIn(result, Credentials.password(password)) : liveCheck.probe(result);
        }
        if (json) {
          out.println(json(result, locale));
        } else {
          print(result, locale, words, out);
        }
        out.flush();
        status = Math.max(status, result.hasErrors() ? ERRORS : OK);
      }
      return status;
    } finally {
      if (connector != null) {
        connector.close();
      }
    }
  }

  private TypedSettings form(Server server) {
    Endpoint endpoint = server.endpoint;
    Protocol protocol;
    String value;
    String option;
    if (endpoint.smtp != null) {
      protocol = Protocol.SMTP;
      value = endpoint.smtp;
      option = "--smtp";
    } else if (endpoint.imap != null) {
      protocol = Protocol.IMAP;
      value = endpoint.imap;
      option = "--imap";
    } else {
      protocol = Protocol.POP3;
      value = String.valueOf(endpoint.pop3);
      option = "--pop3";
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0 || (value.startsWith("[") && !value.substring(0, colon).endsWith("]"))) {
      throw new IllegalArgumentException(option + " wants HOST:PORT, not " + value);
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String portText = value.substring(colon + 1).strip();
    if (portText.isEmpty() || portText.length() > 9 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(option + " wants a port number after the colon, not " + value);
    }
    // Any number: a port out of range is the check's finding, not an error of the command line.
    TypedSettings.Builder form = TypedSettings.builder()
        .address(address)
        .protocol(protocol)
        .host(host)
        .port(Integer.parseInt(portText))
        .loginRequired(!server.noLogin)
        .authMethod(server.oauth2 ? AuthMethod.OAUTH2 : AuthMethod.PASSWORD_CLEARTEXT)
        .username(server.user)
        .mxHosts(mxHosts);
    if (server.security != null) {
      form.securityLabel(server.security);
    }
    if (server.imapPrefix != null) {
      form.imapPathPrefix(server.imapPrefix);
    }
    return form.build();
  }

  private MailSettingsResolver client() {
    MailSettingsResolver.Builder builder = MailSettingsResolver.builder();
    if (providers != null) {
      builder.addProviderDirectory(providers);
    }
    if (trustStore != null) {
      builder.sslContext(Verifying.sslContext(trustStore, trustStorePassword));
    }
    return builder.build();
  }

  private MailConnector connector(MailSettingsResolver client) {
    Duration read = Duration.ofMillis((long) (timeoutSeconds * 1000));
    MailOptions.Builder options = MailOptions.builder().readTimeout(read).connectTimeout(read);
    if (trustStore != null) {
      options.sslContext(client.sslContext());
    }
    return MailConnector.create(client, options.build());
  }

  private ProbeOptions probeOptions() {
    Duration read = Duration.ofMillis((long) (timeoutSeconds * 1000));
    return ProbeOptions.builder().readTimeout(read).connectTimeout(read).build();
  }

  // ---- Output ----

  private static void print(CheckResult result, Locale locale, ResourceBundle words, PrintWriter out) {
    Wording wording = Wording.library();
    TypedSettings typed = result.input();
    out.println(Terminal.safe(typed.address().strip()
        + result.provider().map(p -> "  (" + p.name() + ")").orElse("")));
    out.println("  " + words.getString("typed") + ": " + Terminal.safe(typedLine(typed, locale)));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {words.getString("column.severity"), words.getString("column.field"), words.getString("column.finding")});
    for (Finding finding : result.findings()) {
      rows.add(new String[] {
        wording.message(finding.severity(), locale),
        wording.message(finding.field(), locale),
        Terminal.safe(finding.message(locale))
      });
    }
    int[] widths = new int[2];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      out.println("  " + pad(row[0], widths[0]) + "  " + pad(row[1], widths[1]) + "  " + row[2]);
    }
    if (result.corrected().isEmpty()) {
      out.println("  " + words.getString("nothing"));
    } else if (result.corrected().equals(result.settings())) {
      out.println("  " + words.getString("unchanged"));
    } else {
      out.println("  " + words.getString("corrected") + ": " + Terminal.safe(wording.describe(result.corrected().get(), locale)));
    }
    out.println();
  }

  private static String typedLine(TypedSettings typed, Locale locale) {
    Wording wording = Wording.library();
    StringBuilder line = new StringBuilder()
        .append(typed.protocol()).append(' ').append(typed.host()).append(':').append(typed.port())
        .append(", ").append(wording.message(SettingsField.SECURITY, locale)).append(": ")
        .append(typed.securityLabel().map(l -> "\"" + l + "\"").orElseGet(() -> typed.security().map(s -> wording.message(s, locale)).orElse("-")));
    if (typed.loginRequired()) {
      line.append(", ").append(wording.message(SettingsField.USERNAME, locale)).append(": \"").append(typed.username()).append('"');
    } else {
      line.append(", ").append(wording.message(SettingsField.AUTHENTICATION, locale)).append(": -");
    }
    typed.imapPathPrefix().ifPresent(p ->
        line.append(", ").append(wording.message(SettingsField.IMAP_PATH_PREFIX, locale)).append(": \"").append(p).append('"'));
    return line.toString();
  }

  private static String pad(String text, int width) {
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < width) {
      padded.append(' ');
    }
    return padded.toString();
  }

  static String json(CheckResult result, Locale locale) {
    TypedSettings typed = result.input();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("address", typed.address());
    root.put("protocol", typed.protocol().name());
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("host", typed.host());
    form.put("port", typed.port());
    form.put("security", typed.securityLabel().orElseGet(() -> typed.security().map(Enum::name).orElse(null)));
    form.put("loginRequired", typed.loginRequired());
    form.put("username", typed.username());
    form.put("imapPathPrefix", typed.imapPathPrefix().orElse(null));
    root.put("typed", form);
    root.put("provider", result.provider().map(p -> {
      Map<String, Object> provider = new LinkedHashMap<>();
      provider.put("id", p.id());
      provider.put("name", p.name());
      return provider;
    }).orElse(null));
    root.put("findings", result.findings().stream().map(f -> {
      Map<String, Object> finding = new LinkedHashMap<>();
      finding.put("code", f.code().name());
      finding.put("severity", f.severity().name());
      finding.put("field", f.field().name());
      finding.put("message", f.message(locale));
      finding.put("arguments", f.arguments());
      finding.put("fix", f.fix().map(CheckCommand::settings).orElse(null));
      finding.put("fixNeedsConfirmation", f.fixNeedsConfirmation());
      return (Object) finding;
    }).collect(Collectors.toList()));
    root.put("settings", result.settings().map(CheckCommand::settings).orElse(null));
    root.put("corrected", result.corrected().map(CheckCommand::settings).orElse(null));
    root.put("errors", result.findings().stream().filter(f -> f.severity().isError()).count());
    return Json.write(root);
  }

  private static Map<String, Object> settings(ServerSettings settings) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("protocol", settings.protocol().name());
    map.put("host", settings.host());
    map.put("port", settings.port());
    map.put("security", settings.security().name());
    map.put("username", settings.username());
    map.put("auth", settings.authMethods().stream().map(AuthMethod::autoconfigName).collect(Collectors.toList()));
    settings.imapPathPrefix().ifPresent(p -> map.put("imapPathPrefix", p));
    return map;
  }
}
