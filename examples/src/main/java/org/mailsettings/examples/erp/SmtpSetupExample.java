package org.mailsettings.examples.erp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.check.CheckResult;
import org.mailsettings.check.Finding;
import org.mailsettings.check.TypedSettings;
import org.mailsettings.check.Wording;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.examples.cli.ConsolePassword;
import org.mailsettings.examples.cli.OAuthClientOptions;
import org.mailsettings.examples.cli.OAuthSignIn;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.LiveCheck;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Options;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The e-mail form of an ERP or accounting package (POHODA's, for one), done right: the user
 * types a sender, a server, a port and a security label as such forms show them; the example
 * checks them with the library's settings check (what contradicts itself or what the library
 * knows of the sender's domain, each finding beside its field, in the user's language, with the
 * corrected settings), tests the server and the login with the live check, and sends a test
 * message to the sender. Without {@code --server} it starts an embedded GreenMail on 127.0.0.1,
 * so it runs out of the box.
 *
 * <p>Where the sender's provider takes OAuth 2.0 (Gmail, Microsoft 365, Outlook.com: the
 * password no longer works there, which is why POHODA's help has its own "Gmail" and "Microsoft"
 * paths), the form offers "Sign in with Google / Microsoft" instead of the password, given the
 * ERP vendor's own client registration ({@code --oauth-client-id}, the secret from an environment
 * variable): the browser, or a code to enter on any device with {@code --device}.
 *
 * <pre>
 * java -cp examples/target/mailsettings.jar org.mailsettings.examples.erp.SmtpSetupExample
 * java -cp ... SmtpSetupExample --sender "Jan Novák &lt;info@novak.cz&gt;" --server smtp.novak.cz \
 *     --port 587 --security TLS --password-env SMTP_PASSWORD
 * java -cp ... SmtpSetupExample --sender jan@outlook.com --server smtp-mail.outlook.com --port 587 \
 *     --security STARTTLS --oauth-client-id 00000000-0000-0000-0000-000000000000 --device
 * </pre>
 */
@Command(name = "smtp-setup", mixinStandardHelpOptions = true, description = "An ERP-style SMTP setup form, checked and tested.")
public final class SmtpSetupExample implements Callable<Integer> {
  private static final String DEMO_PASSWORD = "demo";

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  private CommandSpec spec;

  @Option(names = "--sender", description = "The sender, with or without a name (default: ${DEFAULT-VALUE}).")
  private String sender = "Jan Novák <info@novak.cz>";

  @Option(names = "--server", description = "The SMTP server; without it an embedded GreenMail is started.")
  private @Nullable String server;

  @Option(names = "--port", description = "The port (default: ${DEFAULT-VALUE}).")
  private int port = 465;

  @Option(names = "--security", description = "The security label as the form shows it: None, SSL, TLS, ... (default: ${DEFAULT-VALUE}).")
  private String security = "SSL";

  @Option(names = "--no-auth", description = "The server needs no login.")
  private boolean noAuthentication;

  @Option(names = "--username", description = "The login name (default: the sender's address).")
  private @Nullable String username;

  @Option(names = "--password-env", description = "Read the password from this environment variable.")
  private @Nullable String passwordEnv;

  @Mixin(name = OAuthClientOptions.MIXIN)
  private final OAuthClientOptions oauthClient = new OAuthClientOptions();

  @Option(names = "--providers", paramLabel = "DIR", description = "Provider files consulted before the bundled database.")
  private @Nullable Path providers;

  @Option(
      names = "--truststore",
      paramLabel = "FILE",
      description = "A PKCS#12 trust store (password changeit) of private certificate authorities, for the server and the sign-in.")
  private @Nullable Path trustStore;

  @Option(names = "--lang", description = "The language of the findings: en, cs, sk, sl, de, pl, hu (default: the system's).")
  private @Nullable String language;

  private final @Nullable Browser browser;

  /** The example, signing in through the system browser where there is one. */
  public SmtpSetupExample() {
    this(null);
  }

  /**
   * The example, sending OAuth 2.0 sign-ins to {@code browser} (a test playing the user).
   *
   * @param browser where the user is sent to sign in, or null for the system browser
   */
  public SmtpSetupExample(@Nullable Browser browser) {
    this.browser = browser;
  }

  /** Runs the example. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SmtpSetupExample()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    oauthClient.check();
    PrintWriter out = spec.commandLine().getOut();
    Locale locale = language == null ? Locale.getDefault() : Locale.forLanguageTag(language);
    Wording wording = Wording.library();
    GreenMail embedded = null;
    MailOptions.Builder options =
        MailOptions.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(15));
    MailSettingsResolver.Builder clientBuilder = MailSettingsResolver.builder();
    String host = server;
    int effectivePort = port;
    if (providers != null) {
      clientBuilder.addProviderDirectory(providers);
    }
    OAuth2Options.Builder oauthOptions = OAuth2Options.builder();
    if (trustStore != null) {
      KeyStore trust = load(trustStore);
      options.trustStore(trust);
      javax.net.ssl.SSLContext context = MailOptions.builder().trustStore(trust).build().sslContext().orElseThrow();
      clientBuilder.sslContext(context);
      oauthOptions.sslContext(context);
    }
    if (host == null && oauthClient.given()) {
      out.println("--oauth-client-id signs in to the sender's real provider: give its --server (the embedded demo server takes the demo password).");
      return 2;
    }
    OAuthSignIn signIn = null;
    try {
      if (host == null) {
        embedded = startEmbedded();
        host = "localhost";
        effectivePort = embedded.getSmtps().getPort();
        KeyStore demoTrust = demoTrustStore();
        options.trustStore(demoTrust);
        clientBuilder.sslContext(MailOptions.builder().trustStore(demoTrust).build().sslContext().orElseThrow());
        out.println("No --server given: started an embedded GreenMail SMTPS server on 127.0.0.1:" + effectivePort
            + " (demo certificate for localhost; password \"" + DEMO_PASSWORD + "\").");
      }
      SmtpForm form =
          new SmtpForm(sender, host, effectivePort, security, !noAuthentication, username == null ? "" : username);
      try (MailSettingsResolver client = clientBuilder.build();
          MailConnector connector = MailConnector.create(client, options.build())) {
        CheckResult checked = client.settingsCheck().check(form.typed());
        out.println("Sender:   " + checked.address().map(EmailAddress::toString).orElse(sender));
        out.println("Server:   " + host + ":" + effectivePort + ", \"" + security + "\""
            + checked.settings().map(s -> " read as " + wording.message(s.security(), locale)).orElse(""));
        checked.provider().ifPresent(p -> out.println("Provider: " + p.name() + " (" + p.id() + ")"));
        if (embedded != null && checked.provider().isPresent()) {
          out.println("  What the library knows about the real " + checked.address().map(EmailAddress::domain).orElse("")
              + " (the demo sends through the embedded server anyway):");
        }
        print(checked, locale, out);
        checked.corrected().filter(c -> !checked.settings().equals(Optional.of(c)))
            .ifPresent(c -> out.println("  Corrected: " + wording.describe(c, locale)));
        if (checked.address().isEmpty() || checked.settings().isEmpty()) {
          return 2; // nothing to log in with: the form's errors say what to fix
        }
        EmailAddress address = checked.address().get();
        TypedSettings toTest = form.typed();
        if (embedded != null && checked.settings().get().security() != Security.IMPLICIT_TLS) {
          out.println("  (the embedded server speaks implicit TLS only; the demo uses SSL/TLS instead of "
              + wording.message(checked.settings().get().security(), locale) + ")");
          toTest = TypedSettings.builder().from(toTest).securityLabel(Optional.empty()).security(Security.IMPLICIT_TLS).build();
        }
        String login = form.username().isEmpty() ? address.asciiAddress() : form.username();
        if (embedded != null) {
          embedded.setUser(address.asciiAddress(), login, DEMO_PASSWORD);
        }
        if (form.username().isEmpty() && form.authentication()) {
          toTest = TypedSettings.builder().from(toTest).username(login).build();
        }
        Resolution known = client.resolve(ResolutionRequest.of(address));
        Credentials credentials;
        if (embedded == null && oauthClient.given() && OAuthSignIn.offered(known)) {
          out.println(known.provider().map(p -> p.name()).orElse("The provider") + " takes a sign-in with OAuth 2.0: "
              + OAuthSignIn.label(known) + ".");
          try {
            signIn = oauthClient.signIn(System.getenv(), oauthOptions.build(), browser);
          } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
          }
          try {
            credentials = signIn.signIn(known, out);
          } catch (OAuth2Exception e) {
            out.println("Not signed in: " + OAuthSignIn.describe(e));
            return 4;
          }
        } else {
          if (embedded == null && OAuthSignIn.required(known)) {
            out.println("  " + known.provider().map(p -> p.name()).orElse("The provider") + " wants a sign-in with OAuth 2.0 (\""
                + OAuthSignIn.label(known) + "\"), not a password: run with --oauth-client-id ID, the ERP's registration.");
          }
          credentials = Credentials.password(password(embedded != null));
        }
        if (signIn != null) {
          toTest = TypedSettings.builder().from(toTest).authMethod(AuthMethod.OAUTH2).build(); // the token, not a password
        }
        CheckResult offline = client.settingsCheck().check(toTest);
        CheckResult tested = LiveCheck.create(client, connector).logIn(offline, credentials);
        for (Finding finding : tested.findings()) {
          if (!offline.findings().contains(finding)) { // what the server and the login showed
            out.println("Live:     " + wording.message(finding.severity(), locale) + ": " + finding.message(locale));
          }
        }
        if (tested.findings().stream().anyMatch(f -> f.severity().isError() && !offline.findings().contains(f))) {
          return 4; // the server or the login failed
        }
        ServerSettings settings = tested.settings().orElseThrow();
        String messageId = connector.sendTestMessage(settings, address, credentials);
        out.println("Test message sent to " + address.address() + " (Message-ID " + messageId + ").");
        if (embedded != null) {
          embedded.waitForIncomingEmail(5000, 1);
          out.println("The embedded server received " + embedded.getReceivedMessages().length + " message(s).");
        }
        return 0;
      }
    } finally {
      if (signIn != null) {
        signIn.close();
      }
      if (embedded != null) {
        embedded.stop();
      }
    }
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "changeit".toCharArray());
      return store;
    }
  }

  /** The findings beside the fields they concern, as a form would show them. */
  private static void print(CheckResult result, Locale locale, PrintWriter out) {
    Wording wording = Wording.library();
    for (Finding finding : result.findings()) {
      out.println("  ! " + wording.message(finding.field(), locale) + " (" + wording.message(finding.severity(), locale) + "): "
          + finding.message(locale));
    }
  }

  private String password(boolean demo) {
    if (demo) {
      return DEMO_PASSWORD;
    }
    if (passwordEnv != null && System.getenv(passwordEnv) != null) {
      return System.getenv(passwordEnv);
    }
    return ConsolePassword.ask("Password for " + sender + ": ")
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "No console for the password; use --password-env NAME"));
  }

  private static GreenMail startEmbedded() throws IOException {
    Path keyStore = Files.createTempFile("mailsettings-demo", ".p12");
    keyStore.toFile().deleteOnExit();
    try (InputStream in = resource("/demo-tls/localhost.p12")) {
      Files.copy(in, keyStore, StandardCopyOption.REPLACE_EXISTING);
    }
    System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
    greenMail.start();
    return greenMail;
  }

  private static KeyStore demoTrustStore() throws IOException, GeneralSecurityException {
    try (InputStream in = resource("/demo-tls/truststore.p12")) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "changeit".toCharArray());
      return store;
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SmtpSetupExample.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("Missing demo resource " + name);
    }
    return in;
  }
}
