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
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.UnknownSecurityLabelException;
import org.mailsettings.examples.cli.ConsolePassword;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerificationOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The e-mail form of an ERP or accounting package (POHODA's, for one), done right: the user
 * types a sender, a server, a port and a security label as such forms show them; the example
 * reads them with the library, warns where they disagree with each other or with what the
 * library knows about the sender's domain, verifies the login, and sends a test message to the
 * sender. Without {@code --server} it starts an embedded GreenMail on 127.0.0.1, so it runs out
 * of the box:
 *
 * <pre>
 * java -cp examples/target/mailsettings.jar org.mailsettings.examples.erp.SmtpSetupExample
 * java -cp ... SmtpSetupExample --sender "Jan Novák &lt;info@novak.cz&gt;" --server smtp.novak.cz \
 *     --port 587 --security TLS --password-env SMTP_PASSWORD
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

  /** Runs the example. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SmtpSetupExample()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    GreenMail embedded = null;
    MailOptions.Builder options =
        MailOptions.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(15));
    String host = server;
    int effectivePort = port;
    try {
      if (host == null) {
        embedded = startEmbedded();
        host = "localhost";
        effectivePort = embedded.getSmtps().getPort();
        options.trustStore(demoTrustStore());
        out.println("No --server given: started an embedded GreenMail SMTPS server on 127.0.0.1:" + effectivePort
            + " (demo certificate for localhost; password \"" + DEMO_PASSWORD + "\").");
      }
      SmtpForm form =
          new SmtpForm(sender, host, effectivePort, security, !noAuthentication, username == null ? "" : username);
      SmtpFormCheck.Result checked;
      try {
        checked = SmtpFormCheck.check(form, MailSettingsResolver.create());
      } catch (InvalidEmailAddressException | UnknownSecurityLabelException e) {
        spec.commandLine().getErr().println("smtp-setup: " + e.getMessage());
        return 2;
      }
      out.println("Sender:   " + checked.sender());
      out.println("Server:   " + host + ":" + effectivePort + ", \"" + security + "\" read as "
          + SmtpFormCheck.describe(checked.security()));
      checked.resolution().provider().ifPresent(p -> out.println("Provider: " + p.name() + " (" + p.id() + ")"));
      if (embedded != null && !checked.warnings().isEmpty()) {
        out.println("  What the library knows about the real " + checked.sender().domain()
            + " (the demo sends through the embedded server anyway):");
      }
      for (String warning : checked.warnings()) {
        out.println("  ! " + warning);
      }
      Security effectiveSecurity = checked.security();
      if (embedded != null && effectiveSecurity != Security.IMPLICIT_TLS) {
        out.println("  (the embedded server speaks implicit TLS only; the demo uses \"SSL\" instead of "
            + SmtpFormCheck.describe(effectiveSecurity) + ")");
        effectiveSecurity = Security.IMPLICIT_TLS;
      }
      String login = form.username().isEmpty() ? checked.sender().asciiAddress() : form.username();
      ServerSettings settings =
          ServerSettings.builder()
              .protocol(Protocol.SMTP)
              .host(host)
              .port(effectivePort)
              .security(effectiveSecurity)
              .addAuthMethods(form.authentication() ? AuthMethod.PASSWORD_CLEARTEXT : AuthMethod.NONE)
              .username(form.authentication() ? login : "")
              .build();
      if (embedded != null) {
        embedded.setUser(checked.sender().asciiAddress(), login, DEMO_PASSWORD);
      }
      Credentials credentials = Credentials.password(password(embedded != null));
      MailConnector connector = MailConnector.create(options.build());
      Candidate candidate = Candidate.of(settings, Source.USER_INPUT, Trust.TRUSTED, Note.of(NoteCode.FROM_USER_INPUT));
      VerificationOutcome outcome =
          connector.verify(List.of(candidate), checked.sender(), credentials).outcomes().get(0);
      out.println("Login:    " + outcome);
      if (!outcome.status().isSuccess()) {
        return 4;
      }
      String messageId = connector.sendTestMessage(settings, checked.sender(), credentials);
      out.println("Test message sent to " + checked.sender().address() + " (Message-ID " + messageId + ").");
      if (embedded != null) {
        embedded.waitForIncomingEmail(5000, 1);
        out.println("The embedded server received " + embedded.getReceivedMessages().length + " message(s).");
      }
      return 0;
    } finally {
      if (embedded != null) {
        embedded.stop();
      }
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
