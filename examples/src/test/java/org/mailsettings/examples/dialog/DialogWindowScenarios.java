package org.mailsettings.examples.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailsettings.examples.dialog.DialogDriver.await;
import static org.mailsettings.examples.dialog.DialogDriver.onEdt;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.NoteCode;
import org.mailsettings.ProviderDatabase;
import org.mailsettings.Security;
import org.mailsettings.check.Finding;
import org.mailsettings.check.FindingCode;
import org.mailsettings.check.SettingsField;
import org.mailsettings.check.Wording;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.testing.TestTls;

/**
 * The settings dialog in a real window, driven with the mouse and the keyboard. Not a test class
 * of its own (surefire does not pick it up): {@link EmailAccountDialogWindowTest} runs it in a JVM
 * whose {@code DISPLAY} is the Xvfb that test started.
 */
class DialogWindowScenarios {
  /** Where the screenshots go (the window test sets it to {@code examples/target/dialog-window}). */
  static final String SCREENSHOTS_PROPERTY = "mailsettings.dialog.screenshots";

  private static GreenMail greenMail;
  private static ServerSocket silent;
  private static final List<Socket> silentConnections = new CopyOnWriteArrayList<>();
  private static Path providers;
  private static int closedPort;
  private static SSLServerSocket otherHost;
  private static MailSettingsResolver resolver;

  private @Nullable EmailAccountDialog dialog;

  @BeforeAll
  static void start() throws Exception {
    assertThat(GraphicsEnvironment.isHeadless()).as("run with DISPLAY set, not headless").isFalse();
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
    smtps.setServerStartupTimeout(30_000); // the key store's first load on a busy machine
    greenMail = new GreenMail(new ServerSetup[] {smtps});
    greenMail.start();
    greenMail.setUser("jan@stavby-novak.cz", "jan@stavby-novak.cz", "secret");
    // A server that accepts and then says nothing: a login to it runs until it is cancelled.
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          silentConnections.add(silent.accept());
        } catch (java.io.IOException e) {
          return; // closed
        }
      }
    }, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
    // A TLS server whose certificate names mail.other-host.example: the host-name check fails.
    otherHost = (SSLServerSocket) TestTls.server("other-host").getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread handshakes = new Thread(() -> {
      while (!otherHost.isClosed()) {
        try (SSLSocket socket = (SSLSocket) otherHost.accept()) {
          socket.setSoTimeout(10_000);
          socket.startHandshake();
          socket.getInputStream().read(); // until the client gives up on the certificate
        } catch (java.io.IOException e) {
          // the client refused the certificate, or the server was closed
        }
      }
    }, "other-host-server");
    handshakes.setDaemon(true);
    handshakes.start();
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = closed.getLocalPort(); // nothing listens there once it is closed
    }
    providers = Files.createTempDirectory("dialog-providers");
    Files.writeString(providers.resolve("stavby-novak.cz.xml"), config("stavby-novak.cz", "Firma", greenMail.getSmtps().getPort()));
    Files.writeString(providers.resolve("ticho-novak.cz.xml"), config("ticho-novak.cz", "Silent", silent.getLocalPort()));
    Files.writeString(providers.resolve("zavreno-novak.cz.xml"), config("zavreno-novak.cz", "Closed", closedPort));
    resolver = MailSettingsResolver.builder()
        .addProviders(ProviderDatabase.fromDirectory(providers))
        .sslContext(TestTls.client())
        .build();
    SwingUtilities.invokeAndWait(() -> UIManager.put("swing.boldMetal", false));
  }

  @AfterAll
  static void stop() throws Exception {
    if (resolver != null) {
      resolver.close();
    }
    if (greenMail != null) {
      greenMail.stop();
    }
    if (silent != null) {
      silent.close();
    }
    if (otherHost != null) {
      otherHost.close();
    }
    if (providers != null) {
      try (var files = Files.list(providers)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(providers);
    }
    for (Socket socket : silentConnections) {
      socket.close();
    }
  }

  private static String config(String domain, String name, int port) {
    return "<clientConfig><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain><displayName>" + name + "</displayName>"
        + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>" + port
        + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider></clientConfig>";
  }

  /**
   * Opens the dialog on the services (the resolver kept open for the next scenario) and enters the
   * account as a user does: the name (when given) and the address, then Enter. Returns once the
   * address's settings are in the form.
   */
  private DialogDriver open(Locale locale, MailOptions mailOptions, @Nullable String name, String address) throws Exception {
    AccountServices services = AccountServices.builder().resolver(resolver).mailOptions(mailOptions).locale(locale).build();
    EmailAccountDialog opened = onEdt(() -> EmailAccountDialog.open(null, services, true, saved -> {}));
    dialog = opened;
    DialogDriver d = new DialogDriver(opened.window());
    await("the dialog shown", () -> opened.window().isShowing());
    if (name != null) {
      d.typeInto(d.find("name", JTextField.class), name);
    }
    d.typeInto(d.find("address", JTextField.class), address);
    d.press(KeyEvent.VK_ENTER);
    // The dialog sets the resolution and fills the fields from it in one event on the event thread.
    await("the settings of " + address + " in the form", () -> {
      var found = opened.resolution();
      return found != null && found.address().address().equals(address);
    });
    return d;
  }

  private EmailAccountDialog dialog() {
    EmailAccountDialog d = dialog;
    assertThat(d).isNotNull();
    return d;
  }

  @AfterEach
  void close() throws Exception {
    EmailAccountDialog d = dialog;
    if (d != null) {
      onEdt(() -> {
        d.window().dispose();
        return null;
      });
      d.closed().get(30, TimeUnit.SECONDS); // the worker ended, the connector closed
    }
  }

  private static Path screenshots() {
    return Path.of(System.getProperty(SCREENSHOTS_PROPERTY, "target/dialog-window"));
  }

  @Test
  void typedAddressFillsTheServerAndTestConnectionLogsIn() throws Exception {
    DialogDriver d = open(Locale.ENGLISH, MailOptions.builder().readTimeout(Duration.ofSeconds(10)).build(), "Jan Novak", "jan@stavby-novak.cz");
    Words words = new Words(Locale.ENGLISH);
    JTextField server = d.find("server", JTextField.class);
    JTextField port = d.find("port", JTextField.class);
    JTextField username = d.find("username", JTextField.class);
    @SuppressWarnings("unchecked") // the dialog's drop-down of Security
    JComboBox<Security> security = d.find("security", JComboBox.class);
    JTextArea source = d.find("source", JTextArea.class);

    assertThat(DialogDriver.<String>onEdt(server::getText)).isEqualTo("localhost");
    int smtps = greenMail.getSmtps().getPort();
    assertThat(DialogDriver.<String>onEdt(port::getText)).isEqualTo(Integer.toString(smtps));
    assertThat(onEdt(security::getSelectedItem)).isEqualTo(Security.IMPLICIT_TLS);
    assertThat(DialogDriver.<String>onEdt(username::getText)).isEqualTo("jan@stavby-novak.cz");
    // Where the settings came from: the candidate's reasons in the library's words.
    var resolution = onEdt(() -> dialog().resolution());
    assertThat(resolution).isNotNull();
    var best = resolution.bestOutgoing().orElseThrow();
    String reasons = String.join("; ", best.reasons().stream().map(n -> words.wording().message(n, Locale.ENGLISH)).toList());
    assertThat(DialogDriver.<String>onEdt(source::getText)).isEqualTo(reasons).isNotBlank();
    // The drop-down shows the labels users know.
    assertThat(onEdt(() -> security.getRenderer()
            .getListCellRendererComponent(new javax.swing.JList<>(), Security.IMPLICIT_TLS, 0, false, false)))
        .isInstanceOfSatisfying(JLabel.class, l -> assertThat(l.getText()).isEqualTo(words.text("Security.IMPLICIT_TLS")));

    d.typeInto(d.find("password", JPasswordField.class), "wrong");
    JButton test = d.find("test", JButton.class);
    d.click(test);
    await("the test's outcome", () -> !dialog().busy() && dialog().lastOutcome() != null);
    assertThat(onEdt(() -> dialog().lastOutcome().status())).isEqualTo(VerificationStatus.AUTH_FAILED);
    assertThat(DialogDriver.<String>onEdt(d.find("statusHeadline", JLabel.class)::getText)).endsWith(words.text("Outcome.WRONG_PASSWORD"));

    d.typeInto(d.find("password", JPasswordField.class), "secret");
    d.click(test);
    await("the second test's outcome", () -> !dialog().busy() && dialog().lastOutcome() != null
        && dialog().lastOutcome().status() != VerificationStatus.AUTH_FAILED);
    assertThat(onEdt(() -> dialog().lastOutcome().status())).isEqualTo(VerificationStatus.OK);
    assertThat(DialogDriver.<String>onEdt(d.find("statusHeadline", JLabel.class)::getText)).endsWith(words.text("Outcome.WORKS"));
    assertThat(DialogDriver.<String>onEdt(d.find("status", JTextArea.class)::getText))
        .contains(words.wording().message(VerificationStatus.OK, Locale.ENGLISH));
    d.screenshot(screenshots().resolve("email-account-dialog.png"));

    int received = greenMail.getReceivedMessages().length;
    d.click(d.find("send", JButton.class));
    await("the test message sent", () -> !dialog().busy()
        && d.find("status", JTextArea.class).getText().equals(words.text("Send.sent", "jan@stavby-novak.cz")));
    assertThat(greenMail.waitForIncomingEmail(10_000, received + 1)).isTrue();
    assertThat(greenMail.getReceivedMessages()[received].getAllRecipients()[0].toString()).isEqualTo("jan@stavby-novak.cz");
  }

  @Test
  void findingsOfTheSettingsCheckStandBesideTheirFieldsAndTheFixIsOffered() throws Exception {
    Locale czech = Locale.forLanguageTag("cs");
    DialogDriver d = open(czech, MailOptions.defaults(), null, "jan@stavby-novak.cz");
    Words words = new Words(czech);
    Wording wording = words.wording();
    // The dialog's own words are Czech too, from its bundle.
    assertThat(DialogDriver.<String>onEdt(d.find("test", JButton.class)::getText))
        .isEqualTo(words.text("Button.test"))
        .isNotEqualTo(new Words(Locale.ENGLISH).text("Button.test"));
    JTextField port = d.find("port", JTextField.class);
    JTextArea portHint = d.find("hint." + SettingsField.PORT.name(), JTextArea.class);
    String filled = onEdt(port::getText);
    assertThat(filled).isNotBlank();
    d.typeInto(port, "143"); // IMAP's port in the outgoing server's field
    await("the port's finding shown", () -> portHint.isShowing() && !portHint.getText().isBlank());
    Finding finding = onEdt(() -> dialog().checked().findings(SettingsField.PORT).stream()
        .filter(f -> f.severity().isError()).findFirst().orElseThrow());
    assertThat(finding.code()).isEqualTo(FindingCode.PORT_OF_OTHER_PROTOCOL);
    assertThat(DialogDriver.<String>onEdt(portHint::getText)).isEqualTo(wording.message(finding, czech));
    assertThat(wording.message(finding, czech)).isNotEqualTo(Wording.library().message(finding, Locale.ENGLISH));

    JButton fix = d.find("fix", JButton.class);
    d.click(fix);
    await("the suggested port filled in", () -> port.getText().equals(filled));
    await("the port's finding gone", () -> !portHint.isShowing() && portHint.getText().isBlank());
  }

  @Test
  void testConnectionRunsOffTheEventThreadAndCancelStopsIt() throws Exception {
    DialogDriver d = open(Locale.ENGLISH, MailOptions.builder().readTimeout(Duration.ofMinutes(2)).build(), null, "jan@ticho-novak.cz");
    Words words = new Words(Locale.ENGLISH);
    JButton test = d.find("test", JButton.class);
    JProgressBar progress = d.find("progress", JProgressBar.class);
    d.typeInto(d.find("password", JPasswordField.class), "secret");
    int before = silentConnections.size();
    d.click(test);
    await("the silent server connected to", () -> silentConnections.size() > before);
    // The login hangs; the event thread does not: the window answers, the progress row is shown.
    CompletableFuture<Boolean> answered = new CompletableFuture<>();
    SwingUtilities.invokeLater(() -> answered.complete(dialog().busy()));
    assertThat(answered.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(onEdt(progress::isShowing)).isTrue();
    assertThat(onEdt(test::isEnabled)).isFalse();
    // The login runs on the dialog's worker, never on the event dispatch thread.
    List<String> verifying = Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().equals(MailConnector.class.getName())
            && f.getMethodName().equals("verify")))
        .map(e -> e.getKey().getName())
        .toList();
    assertThat(verifying).isNotEmpty().allMatch(name -> name.startsWith("mailsettings-dialog-worker-"));

    d.click(d.find("cancel", JButton.class));
    await("the dialog idle again", () -> !dialog().busy() && test.isEnabled());
    assertThat(DialogDriver.<String>onEdt(d.find("statusHeadline", JLabel.class)::getText)).contains(words.text("Outcome.stopped"));
    assertThat(onEdt(progress::isShowing)).isFalse();
    // Pressing "Test connection" again starts a new test at once: the worker is not held by the cancelled one.
    int connected = silentConnections.size();
    d.click(test);
    await("a new test connected", () -> silentConnections.size() > connected && dialog().busy());
    d.click(d.find("cancel", JButton.class));
    await("the dialog idle again", () -> !dialog().busy() && test.isEnabled());
  }

  @Test
  void anUnreachableServerAndACertificateProblemAreToldApart() throws Exception {
    DialogDriver d = open(Locale.ENGLISH, MailOptions.builder().readTimeout(Duration.ofSeconds(10)).build(), null, "jan@zavreno-novak.cz");
    Words words = new Words(Locale.ENGLISH);
    JButton test = d.find("test", JButton.class);
    JLabel headline = d.find("statusHeadline", JLabel.class);
    d.typeInto(d.find("password", JPasswordField.class), "secret");
    d.click(test);
    await("the test's outcome", () -> !dialog().busy() && dialog().lastOutcome() != null);
    assertThat(onEdt(() -> Outcome.of(dialog().lastOutcome().status()))).isEqualTo(Outcome.UNREACHABLE);
    assertThat(DialogDriver.<String>onEdt(headline::getText)).endsWith(words.text("Outcome.UNREACHABLE"));

    // The user types another port: the server there presents a certificate for another host.
    d.typeInto(d.find("port", JTextField.class), Integer.toString(otherHost.getLocalPort()));
    d.click(test);
    await("the second test's outcome", () -> !dialog().busy() && dialog().lastOutcome() != null
        && Outcome.of(dialog().lastOutcome().status()) != Outcome.UNREACHABLE);
    assertThat(onEdt(() -> dialog().lastOutcome().status())).isEqualTo(VerificationStatus.TLS_FAILED);
    assertThat(DialogDriver.<String>onEdt(headline::getText)).endsWith(words.text("Outcome.CERTIFICATE"));
    assertThat(DialogDriver.<String>onEdt(d.find("status", JTextArea.class)::getText))
        .contains(words.text("Outcome.certificateNames", "mail.other-host.example"));
  }

  @Test
  void aProviderThatRequiresSignInSaysSo() throws Exception {
    DialogDriver d = open(Locale.ENGLISH, MailOptions.defaults(), "Jan Novak", "jan.novak@gmail.com");
    Words words = new Words(Locale.ENGLISH);
    JTextArea oauth = d.find("oauth", JTextArea.class);
    await("the OAuth note shown", () -> !oauth.getText().isBlank());
    var resolution = onEdt(() -> dialog().resolution());
    assertThat(resolution).isNotNull();
    assertThat(resolution.hasNote(NoteCode.OAUTH2_REQUIRED)).isTrue();
    String note = resolution.notes().stream()
        .filter(n -> n.code() == NoteCode.OAUTH2_REQUIRED)
        .map(n -> words.wording().message(n, Locale.ENGLISH))
        .findFirst().orElseThrow();
    assertThat(DialogDriver.<String>onEdt(oauth::getText)).contains(note).contains(words.text("OAuth.noClient"));
    JButton signIn = d.find("signIn", JButton.class);
    assertThat(onEdt(signIn::isShowing)).isTrue();
    assertThat(onEdt(signIn::isEnabled)).as("no OAuth 2.0 client id: no sign-in").isFalse();
    assertThat(DialogDriver.<String>onEdt(d.find("server", JTextField.class)::getText)).isEqualTo(resolution.bestOutgoing().orElseThrow().settings().host());
    d.screenshot(screenshots().resolve("email-account-dialog-oauth.png"));
  }
}
