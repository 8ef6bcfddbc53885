package org.mailsettings.examples.dialog;

import jakarta.mail.MessagingException;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JSeparator;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.DiscoveryListener;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.SourceReport;
import org.mailsettings.Trust;
import org.mailsettings.check.CheckResult;
import org.mailsettings.check.Finding;
import org.mailsettings.check.SettingsField;
import org.mailsettings.check.Severity;
import org.mailsettings.check.TypedSettings;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.oauth2.OAuth2Account;
import org.mailsettings.oauth2.OAuth2Client;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.TokenSet;

/**
 * An ERP's "E-mail account" dialog with mailsettings behind it (Swing).
 *
 * <p>The user types a name and an address. The dialog resolves the address offline (the bundled
 * database, the application's provider files) and fills in the outgoing server, its port and its
 * security, a drop-down of the labels users know from mail clients (None, SSL, TLS) that moves
 * the port with it. It shows where the settings came from (the candidate's reasons, in the
 * library's words) and whether they must be confirmed before a password is sent (the outgoing
 * candidate's {@link Trust}, with its {@link Candidate#hostDomain()} and a check box).
 * When the databases do not know the domain it discovers the settings over the network, on the
 * resolver's threads, with a progress indicator and a Cancel that cancels the discovery's future.
 * Every change of a field is checked with the library's settings check, and its findings are
 * shown under the fields they concern. "Test connection" logs in with {@link
 * org.mailsettings.jakarta.MailConnector#verify} (the confirmed domains in its {@link
 * VerifyOptions}) and tells wrong password, unreachable server and certificate problem apart;
 * "Send test message" sends one to the address once the test passed. Where the provider requires
 * OAuth 2.0 the dialog says so and offers "Sign in" through the oauth2 module.
 *
 * <p>Nothing blocks the event dispatch thread: offline resolution and the settings check are
 * fast and local, everything on the network runs on the resolver's, the connector's, the OAuth
 * client's or the dialog's one worker thread, and its result comes back with {@link
 * SwingUtilities#invokeLater}. When the window closes, whatever is still running is cancelled,
 * the worker ends, and the {@link AccountServices} are closed if the dialog owns them; {@link
 * #closed()} completes then.
 *
 * <pre>{@code
 * AccountServices services = AccountServices.fromSystemProperties();  // -Dmailsettings.oauth2.clientId=...
 * SwingUtilities.invokeLater(() ->
 *     EmailAccountDialog.open(erpMainWindow, services, true, account -> erp.saveMailAccount(account)));
 * }</pre>
 *
 * <p>Run it: {@code java -cp examples/target/mailsettings.jar
 * org.mailsettings.examples.dialog.EmailAccountDialog}.
 */
public final class EmailAccountDialog {
  private static final AtomicInteger WORKERS = new AtomicInteger();
  private static final int TEXT_COLUMNS = 46;
  private static final Color GOOD = new Color(0x1b, 0x7a, 0x2e);
  private static final Color WARNING = new Color(0x9a, 0x5b, 0x00);
  private static final Color BAD = new Color(0xb0, 0x1c, 0x1c);
  private static final List<Security> SECURITY_CHOICES = List.of(Security.NONE, Security.IMPLICIT_TLS, Security.STARTTLS);

  private final AccountServices services;
  private final boolean ownServices;
  private final Consumer<SavedAccount> onSave;
  private final Words words;
  private final ExecutorService worker;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Timer checkTimer;

  private final JDialog dialog;
  private final JTextField nameField = new JTextField(TEXT_COLUMNS);
  private final JTextField addressField = new JTextField(TEXT_COLUMNS);
  private final JButton findButton = new JButton();
  private final JTextField serverField = new JTextField(TEXT_COLUMNS);
  private final JTextField portField = new JTextField(6);
  private final JComboBox<Security> securityBox = new JComboBox<>(SECURITY_CHOICES.toArray(new Security[0]));
  private final JTextField usernameField = new JTextField(TEXT_COLUMNS);
  private final JPasswordField passwordField = new JPasswordField(TEXT_COLUMNS);
  private final Map<SettingsField, JTextArea> hints = new EnumMap<>(SettingsField.class);
  private final JButton fixButton = new JButton();
  private final JTextArea sourceText = textArea();
  private final JTextArea trustText = textArea();
  private final JCheckBox confirmBox = new JCheckBox();
  private final JTextArea oauthText = textArea();
  private final JButton signInButton = new JButton();
  private final JTextField signInAddress = new JTextField(TEXT_COLUMNS);
  private final JProgressBar progressBar = new JProgressBar();
  private final JLabel progressText = plainLabel();
  private final JButton cancelButton = new JButton();
  private final JLabel statusHeadline = plainLabel();
  private final JTextArea statusText = textArea();
  private final JButton testButton = new JButton();
  private final JButton sendButton = new JButton();
  private final JButton saveButton = new JButton();
  private final JButton closeButton = new JButton();

  // State, touched on the event dispatch thread only.
  private @Nullable EmailAddress lookedUp;
  private @Nullable Resolution resolution;
  private @Nullable Candidate filledFrom;
  private @Nullable CheckResult checked;
  private @Nullable CompletableFuture<Resolution> discovery;
  private @Nullable Future<?> task;
  private @Nullable CompletableFuture<TokenSet> signIn;
  private @Nullable OAuth2Account account;
  private @Nullable VerificationOutcome lastOutcome;
  private @Nullable ServerSettings verified;
  private int generation;
  private boolean filling;
  private boolean shutDown;

  private EmailAccountDialog(@Nullable Window owner, AccountServices services, boolean ownServices, Consumer<SavedAccount> onSave) {
    this.services = services;
    this.ownServices = ownServices;
    this.onSave = onSave;
    this.words = new Words(services.locale());
    this.worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mailsettings-dialog-worker-" + WORKERS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.dialog = new JDialog(owner, words.text("Dialog.title"));
    this.checkTimer = new Timer(250, e -> check());
    checkTimer.setRepeats(false);
    build();
    wire();
    showIdle();
    check();
  }

  /**
   * Opens the dialog; call on the event dispatch thread. The dialog is modeless; an application
   * that wants it modal sets {@link #window()}'s modality before it is shown.
   *
   * @param owner the application's window, or null
   * @param services the resolver, connector and OAuth 2.0 client the dialog works with
   * @param ownServices whether the dialog closes {@code services} when its window closes
   * @param onSave what to do with the account on "Save"
   * @return the dialog, shown
   */
  public static EmailAccountDialog open(
      @Nullable Window owner, AccountServices services, boolean ownServices, Consumer<SavedAccount> onSave) {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("Open the dialog on the event dispatch thread");
    }
    EmailAccountDialog accountDialog = new EmailAccountDialog(owner, services, ownServices, onSave);
    accountDialog.dialog.setLocationRelativeTo(owner);
    accountDialog.dialog.setVisible(true);
    return accountDialog;
  }

  /**
   * Runs the dialog as a program, with the library's defaults and the OAuth 2.0 client id from
   * {@code -Dmailsettings.oauth2.clientId} (and {@code -Dmailsettings.oauth2.clientSecret}); the
   * saved account is printed.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    if (System.getProperty("awt.useSystemAAFontSettings") == null) {
      System.setProperty("awt.useSystemAAFontSettings", "on"); // smooth text where the desktop says nothing
    }
    UIManager.put("swing.boldMetal", false); // Metal's labels in plain type, as other toolkits show them
    AccountServices services = AccountServices.fromSystemProperties();
    SwingUtilities.invokeLater(() -> open(null, services, true, saved -> System.out.println("Saved: " + saved)));
  }

  /** {@return the dialog's window} */
  public JDialog window() {
    return dialog;
  }

  /**
   * {@return a future that completes when the window has closed and everything the dialog started
   * has ended (and the services are closed, when the dialog owns them)}
   */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /** The resolution the form was filled from, if any (for tests). */
  @Nullable Resolution resolution() {
    return resolution;
  }

  /** The outcome of the last "Test connection", if any (for tests). */
  @Nullable VerificationOutcome lastOutcome() {
    return lastOutcome;
  }

  /** The last settings check of the form (for tests). */
  @Nullable CheckResult checked() {
    return checked;
  }

  /** Whether a discovery, a test, a test message or a sign-in is running (for tests). */
  boolean busy() {
    return discovery != null || task != null || signIn != null;
  }

  // ---------------------------------------------------------------------------------------------
  // The form

  private void build() {
    dialog.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    JPanel form = new JPanel(new GridBagLayout());
    form.setBorder(BorderFactory.createEmptyBorder(12, 14, 12, 14));
    name(nameField, "name");
    name(addressField, "address");
    name(findButton, "find");
    name(serverField, "server");
    name(portField, "port");
    name(securityBox, "security");
    name(usernameField, "username");
    name(passwordField, "password");
    name(fixButton, "fix");
    name(sourceText, "source");
    name(trustText, "trust");
    name(confirmBox, "confirm");
    name(oauthText, "oauth");
    name(signInButton, "signIn");
    name(signInAddress, "signInAddress");
    name(progressBar, "progress");
    name(progressText, "progressText");
    name(cancelButton, "cancel");
    name(statusHeadline, "statusHeadline");
    name(statusText, "status");
    name(testButton, "test");
    name(sendButton, "send");
    name(saveButton, "save");
    name(closeButton, "close");

    findButton.setText(words.text("Button.find"));
    testButton.setText(words.text("Button.test"));
    sendButton.setText(words.text("Button.send"));
    cancelButton.setText(words.text("Button.cancel"));
    saveButton.setText(words.text("Button.save"));
    closeButton.setText(words.text("Button.close"));
    fixButton.setText(words.text("Button.fix"));
    confirmBox.putClientProperty("html.disable", true);
    signInButton.putClientProperty("html.disable", true);
    signInAddress.setEditable(false);
    securityBox.setRenderer(new DefaultListCellRenderer() {
      @Override
      public java.awt.Component getListCellRendererComponent(
          JList<?> list, @Nullable Object value, int index, boolean isSelected, boolean cellHasFocus) {
        Object shown = value instanceof Security security ? words.wording().message(security, words.locale()) : value;
        return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
      }
    });
    for (SettingsField field : SettingsField.values()) {
      JTextArea hint = textArea(); // wraps: a finding is a sentence or two
      hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() - 1f));
      hint.setVisible(false);
      name(hint, "hint." + field.name());
      hints.put(field, hint);
    }
    Font bold = statusHeadline.getFont().deriveFont(Font.BOLD, statusHeadline.getFont().getSize2D() + 1f);
    statusHeadline.setFont(bold);

    Rows rows = new Rows(form);
    rows.field(words.text("Field.name"), nameField);
    rows.field(words.text("Field.address"), line(addressField, findButton));
    rows.hint(hints.get(SettingsField.ADDRESS));
    rows.section(words.text("Section.outgoing"));
    rows.field(words.text("Field.server"), serverField);
    rows.hint(hints.get(SettingsField.HOST));
    JLabel securityLabel = plainLabel();
    securityLabel.setText(words.text("Field.security"));
    rows.field(words.text("Field.port"), line(portField, Box.createHorizontalStrut(16), securityLabel, Box.createHorizontalStrut(6), securityBox,
        Box.createHorizontalGlue()));
    rows.hint(hints.get(SettingsField.PORT));
    rows.hint(hints.get(SettingsField.SECURITY));
    rows.field(words.text("Field.username"), usernameField);
    rows.hint(hints.get(SettingsField.USERNAME));
    rows.field(words.text("Field.password"), passwordField);
    rows.hint(hints.get(SettingsField.PASSWORD));
    rows.hint(hints.get(SettingsField.AUTHENTICATION));
    rows.wide(line(fixButton));
    rows.field(words.text("Field.source"), sourceText);
    rows.field(words.text("Field.trust"), trustText);
    rows.wide(confirmBox);
    rows.wide(oauthText);
    rows.wide(line(signInButton));
    rows.wide(signInAddress);
    rows.gap(8);
    rows.wide(line(progressBar, Box.createHorizontalStrut(8), progressText, Box.createHorizontalGlue(), cancelButton));
    rows.gap(4);
    rows.wide(statusHeadline);
    rows.wide(statusText);
    rows.gap(10);
    rows.wide(line(testButton, Box.createHorizontalStrut(6), sendButton, Box.createHorizontalGlue(), saveButton,
        Box.createHorizontalStrut(6), closeButton));
    progressBar.setIndeterminate(true);
    fixButton.setVisible(false);
    confirmBox.setVisible(false);
    signInButton.setVisible(false);
    signInAddress.setVisible(false);
    progressBar.setPreferredSize(new Dimension(120, progressBar.getPreferredSize().height));
    portField.setMaximumSize(portField.getPreferredSize()); // a port is five digits, not a line
    securityBox.setMaximumSize(securityBox.getPreferredSize());
    dialog.setContentPane(form);
    dialog.getRootPane().setDefaultButton(testButton);
    dialog.pack();
    dialog.setMinimumSize(dialog.getSize());
  }

  private void wire() {
    for (JTextComponent field : List.of(nameField, addressField, serverField, portField, usernameField, passwordField)) {
      field.getDocument().addDocumentListener(new Changes(() -> {
        if (!filling) {
          changed();
        }
      }));
    }
    addressField.addActionListener(e -> lookUp(false));
    addressField.addFocusListener(new FocusAdapter() {
      @Override
      public void focusLost(FocusEvent e) {
        if (!e.isTemporary()) {
          lookUp(false);
        }
      }
    });
    findButton.addActionListener(e -> lookUp(true));
    securityBox.addActionListener(e -> {
      if (!filling) {
        securityChosen();
      }
    });
    confirmBox.addActionListener(e -> changed());
    fixButton.addActionListener(e -> applyFix());
    testButton.addActionListener(e -> testConnection());
    sendButton.addActionListener(e -> sendTestMessage());
    signInButton.addActionListener(e -> signIn());
    cancelButton.addActionListener(e -> cancelRunning());
    saveButton.addActionListener(e -> save());
    closeButton.addActionListener(e -> dialog.dispose());
    dialog.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        shutDown();
      }
    });
  }

  /** A field changed by the user: what was tested no longer holds, and the form is checked again. */
  private void changed() {
    verified = null;
    sendButton.setEnabled(false);
    checkTimer.restart();
  }

  // ---------------------------------------------------------------------------------------------
  // Finding the settings

  /** Looks the address up offline, and discovers it when the databases do not know its domain. */
  private void lookUp(boolean again) {
    EmailAddress address;
    try {
      address = EmailAddress.parse(addressField.getText().strip());
    } catch (InvalidEmailAddressException e) {
      check();
      return;
    }
    if (!again && address.equals(lookedUp)) {
      return;
    }
    lookedUp = address;
    cancelDiscovery();
    ResolutionRequest request = ResolutionRequest.of(address);
    Resolution offline = services.resolver().resolve(request);
    if (offline.provider().isPresent()) {
      apply(offline);
      return;
    }
    discover(request);
  }

  private void discover(ResolutionRequest request) {
    int mine = ++generation;
    AtomicInteger started = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    String domain = request.address().domain();
    DiscoveryListener listener = new DiscoveryListener() {
      @Override
      public void started(Source source, String query) {
        started.incrementAndGet();
        counted(mine, domain, answered, started);
      }

      @Override
      public void finished(SourceReport report) {
        answered.incrementAndGet();
        counted(mine, domain, answered, started);
      }
    };
    progress(words.text("Progress.discovering", domain));
    CompletableFuture<Resolution> future =
        services.resolver().discover(request, services.discoveryOptions().toBuilder().listener(listener).build());
    discovery = future;
    var unused = future.whenComplete((found, failure) -> later(mine, () -> {
      discovery = null;
      showIdle();
      if (found != null) {
        apply(found);
      } else if (!(failure instanceof CancellationException)) {
        status(Outcome.FAILED, words.text("Outcome.FAILED"), failure == null ? "" : Words.untrusted(String.valueOf(failure)));
      }
    }));
  }

  /** Shows how many sources answered, while the discovery runs (sources stopped after it report later). */
  private void counted(int mine, String domain, AtomicInteger answered, AtomicInteger started) {
    later(mine, () -> {
      if (discovery != null) {
        progress(words.text("Progress.discoveringCount", domain, answered.get(), started.get()));
      }
    });
  }

  private void cancelDiscovery() {
    CompletableFuture<Resolution> running = discovery;
    if (running != null) {
      discovery = null;
      generation++;
      running.cancel(true); // stops every source; HTTP exchanges are aborted
      showIdle();
    }
  }

  /** Fills the form from a resolution: the best outgoing server, where it came from, its trust, OAuth 2.0. */
  private void apply(Resolution found) {
    resolution = found;
    account = null;
    lastOutcome = null;
    status(null, "", "");
    Optional<Candidate> best = found.bestOutgoing();
    filledFrom = best.orElse(null);
    filling = true;
    try {
      best.ifPresent(c -> {
        usernameField.setText(c.settings().username());
        serverField.setText(c.settings().host());
        portField.setText(Integer.toString(c.settings().port()));
        securityBox.setSelectedItem(c.settings().security());
      });
    } finally {
      filling = false;
    }
    confirmBox.setSelected(false);
    passwordField.setEnabled(true);
    oauthText.setText("");
    signInButton.setVisible(false);
    signInAddress.setVisible(false);
    if (found.hasNote(NoteCode.OAUTH2_REQUIRED)) {
      offerSignIn(found);
    }
    changed();
    check();
  }

  /** The user chose another security: the port follows (the provider's port for it, else the standard one). */
  private void securityChosen() {
    Security chosen = (Security) securityBox.getSelectedItem();
    if (chosen == null) {
      return;
    }
    String host = serverField.getText().strip();
    int port = Protocol.SMTP.defaultPort(chosen);
    Resolution found = resolution;
    if (found != null) {
      for (Candidate candidate : found.outgoing()) {
        if (candidate.settings().security() == chosen && candidate.settings().host().equalsIgnoreCase(host)) {
          port = candidate.settings().port();
          break;
        }
      }
    }
    portField.setText(Integer.toString(port)); // a change: checked again
    changed();
  }

  // ---------------------------------------------------------------------------------------------
  // Checking what the user typed

  private TypedSettings typed() {
    String name = nameField.getText().strip();
    String address = addressField.getText().strip();
    Security security = (Security) securityBox.getSelectedItem();
    TypedSettings.Builder typed = TypedSettings.builder()
        .address(name.isEmpty() || address.isEmpty() ? address : quoted(name) + " <" + address + ">")
        .protocol(Protocol.SMTP)
        .host(serverField.getText().strip())
        .port(port())
        .username(usernameField.getText().strip())
        .authMethod(account != null ? AuthMethod.OAUTH2 : AuthMethod.PASSWORD_CLEARTEXT);
    if (security != null) {
      typed.security(security);
    }
    return typed.build();
  }

  /** The name as a display name: quoted when it holds characters an address's phrase may not. */
  private static String quoted(String name) {
    boolean plain = name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c > 0x7f);
    return plain ? name : '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private int port() {
    String text = portField.getText().strip();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1; // not a number: the check says so beside the port
    }
  }

  /** Checks the form offline and shows the findings under their fields. */
  private void check() {
    checkTimer.stop();
    if (addressField.getText().isBlank()) {
      checked = null;
      hints.values().forEach(h -> {
        h.setText("");
        h.setVisible(false);
      });
      fixButton.setVisible(false);
      showProvenance();
      return;
    }
    CheckResult result = services.resolver().settingsCheck().check(typed());
    checked = result;
    boolean serverTyped = !serverField.getText().isBlank();
    for (Map.Entry<SettingsField, JTextArea> hint : hints.entrySet()) {
      boolean shown = serverTyped || hint.getKey() == SettingsField.ADDRESS; // no "server missing" while it is looked up
      Optional<Finding> first = result.findings(hint.getKey()).stream()
          .filter(f -> shown && f.severity() != Severity.NOTE)
          .findFirst();
      JTextArea label = hint.getValue();
      label.setText(first.map(f -> words.wording().message(f, words.locale())).orElse(""));
      label.setForeground(first.map(f -> f.severity().isError() ? BAD : WARNING).orElse(label.getForeground()));
      label.setVisible(first.isPresent());
    }
    fixButton.setVisible(result.corrected().map(fix -> changesTheForm(fix, result.settings())).orElse(false));
    showProvenance();
    testButton.setEnabled(!busy());
    grow();
  }

  /** Whether the check's correction would change what the form shows (not only, say, the login method). */
  private static boolean changesTheForm(ServerSettings fix, Optional<ServerSettings> typed) {
    return typed.map(t -> !t.host().equalsIgnoreCase(fix.host()) || t.port() != fix.port() || t.security() != fix.security()
        || !t.username().equals(fix.username())).orElse(true);
  }

  /** Fills in the check's corrected settings. */
  private void applyFix() {
    CheckResult result = checked;
    if (result == null || result.corrected().isEmpty()) {
      return;
    }
    ServerSettings fix = result.corrected().get();
    serverField.setText(fix.host());
    portField.setText(Integer.toString(fix.port()));
    filling = true;
    try {
      securityBox.setSelectedItem(fix.security());
    } finally {
      filling = false;
    }
    usernameField.setText(fix.username());
    check();
  }

  /** Where the form's server came from, and whether the user must confirm it. */
  private void showProvenance() {
    Resolution found = resolution;
    Candidate from = filledFrom;
    String host = serverField.getText().strip();
    confirmBox.setVisible(false);
    if (found != null && from == null) {
      sourceText.setText(words.text("Source.nothing", found.address().domain()));
      trustText.setText("");
    } else if (found == null || from == null) {
      sourceText.setText(host.isEmpty() ? words.text("Source.none") : words.text("Source.typed"));
      trustText.setText(host.isEmpty() ? "" : words.text("Trust.typed"));
    } else if (!from.settings().host().equalsIgnoreCase(host)) {
      sourceText.setText(words.text("Source.typed"));
      trustText.setText(words.text("Trust.typed"));
    } else {
      List<String> reasons = new ArrayList<>();
      for (Note reason : from.reasons()) {
        reasons.add(words.wording().message(reason, words.locale()));
      }
      sourceText.setText(String.join("; ", reasons));
      // The outgoing server's own trust: the resolution's requiresConfirmation() also covers the
      // incoming servers, which this dialog does not set up.
      String domains = from.hostDomain();
      if (from.trust() != Trust.TRUSTED) {
        trustText.setText(words.text(from.trust() == Trust.UNVERIFIED ? "Trust.guessed" : "Trust.confirm", domains));
        confirmBox.setText(words.text("Trust.confirmBox", domains));
        confirmBox.setVisible(true);
      } else {
        trustText.setText(words.text("Trust.trusted"));
      }
    }
  }

  /** The candidate to test: the resolution's, with the form's port, security and user name, while its host stays; else the user's own. */
  private Candidate candidate(ServerSettings settings) {
    Candidate from = filledFrom;
    if (from != null && from.settings().host().equalsIgnoreCase(settings.host())) {
      Candidate.Builder kept = Candidate.builder().from(from).settings(settings);
      if (!from.settings().username().equals(settings.username())) {
        kept.usernameAlternatives(List.of());
      }
      return kept.build(); // where the host came from, and its trust, stay with it
    }
    return Candidate.of(settings, Source.USER_INPUT, Trust.TRUSTED, Note.of(NoteCode.FROM_USER_INPUT));
  }

  private Set<String> confirmedDomains() {
    Candidate from = filledFrom;
    return from != null && confirmBox.isVisible() && confirmBox.isSelected() ? Set.of(from.hostDomain()) : Set.of();
  }

  private Credentials credentials() {
    OAuth2Account signedIn = account;
    return signedIn != null ? signedIn.credentials() : Credentials.password(new String(passwordField.getPassword()));
  }

  // ---------------------------------------------------------------------------------------------
  // Test connection, test message

  private void testConnection() {
    check();
    CheckResult result = checked;
    if (result == null || result.address().isEmpty() || result.settings().isEmpty()) {
      status(Outcome.FAILED, words.text("Outcome.FAILED"), words.text("Outcome.fixFirst"));
      return;
    }
    EmailAddress address = result.address().get();
    ServerSettings settings = result.settings().get();
    if (settings.security() == Security.NONE && !services.connector().options().plaintextAllowed()) {
      status(Outcome.SECURITY, words.text("Outcome.SECURITY"), words.text("Outcome.unencrypted"));
      return;
    }
    Candidate candidate = candidate(settings);
    Credentials credentials = credentials();
    VerifyOptions options = VerifyOptions.builder().confirmedDomains(confirmedDomains()).build();
    run(words.text("Progress.testing", settings.address()), "Outcome.server",
        () -> services.connector().verify(List.of(candidate), address, credentials, options),
        report -> showOutcome(report, settings));
  }

  private void showOutcome(VerificationReport report, ServerSettings settings) {
    Optional<VerificationOutcome> first = report.outcomes().stream().findFirst();
    if (first.isEmpty()) {
      status(Outcome.FAILED, words.text("Outcome.FAILED"), "");
      return;
    }
    VerificationOutcome outcome = first.get();
    lastOutcome = outcome;
    VerificationStatus status = outcome.status();
    Outcome kind = Outcome.of(status);
    List<String> lines = new ArrayList<>();
    lines.add(words.wording().message(status, words.locale()));
    if (status == VerificationStatus.TLS_FAILED && !outcome.certificateNames().isEmpty()) {
      lines.add(words.text("Outcome.certificateNames", Words.untrusted(String.join(", ", outcome.certificateNames()))));
    }
    if (!status.isSuccess() && !outcome.message().isBlank()) {
      lines.add(words.text("Outcome.server", Words.untrusted(outcome.message())));
    }
    status(kind, words.text("Outcome." + kind.name()), String.join("\n", lines));
    if (status.isSuccess()) {
      verified = outcome.username().map(settings::withUsername).orElse(settings);
      sendButton.setEnabled(true);
    }
  }

  private void sendTestMessage() {
    ServerSettings settings = verified;
    CheckResult result = checked;
    if (settings == null || result == null || result.address().isEmpty()) {
      status(Outcome.FAILED, words.text("Outcome.FAILED"), words.text("Send.testFirst"));
      return;
    }
    EmailAddress address = result.address().get();
    Credentials credentials = credentials();
    run(words.text("Progress.sending", address.address()), "Send.failed",
        () -> {
          try {
            return Optional.of(services.connector().sendTestMessage(settings, address, credentials));
          } catch (MessagingException e) {
            throw new CompletionException(e);
          }
        },
        sent -> status(Outcome.WORKS, words.text("Outcome.WORKS"), words.text("Send.sent", address.address())));
  }

  /** Runs {@code work} on the dialog's worker, with the progress row and its Cancel; {@code done} on the event thread. */
  private <T> void run(String progress, String failureKey, Supplier<T> work, Consumer<T> done) {
    if (busy()) {
      return;
    }
    int mine = ++generation;
    progress(progress);
    status(null, "", "");
    testButton.setEnabled(false);
    sendButton.setEnabled(false);
    task = worker.submit(() -> {
      try {
        T result = work.get();
        later(mine, () -> {
          task = null;
          showIdle();
          done.accept(result);
        });
      } catch (RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        later(mine, () -> {
          task = null;
          showIdle();
          status(Outcome.FAILED, words.text("Outcome.FAILED"),
              words.text(failureKey, Words.untrusted(String.valueOf(cause.getMessage()))));
        });
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // OAuth 2.0

  private void offerSignIn(Resolution found) {
    String provider = found.provider().map(p -> p.name()).orElse(found.address().domain());
    List<String> lines = new ArrayList<>();
    for (Note note : found.notes()) {
      if (note.code() == NoteCode.OAUTH2_REQUIRED) {
        lines.add(words.wording().message(note, words.locale()));
      }
    }
    Optional<OAuth2Client> client = services.oauth2();
    if (client.isEmpty()) {
      lines.add(words.text("OAuth.noClient"));
    }
    oauthText.setText(String.join(" ", lines));
    signInButton.setText(words.text("Button.signIn", provider));
    signInButton.setVisible(true);
    signInButton.setEnabled(client.isPresent());
  }

  private void signIn() {
    Resolution found = resolution;
    Optional<OAuth2Client> client = services.oauth2();
    if (found == null || client.isEmpty() || busy()) {
      return;
    }
    OAuth2Account signingIn;
    try {
      signingIn = client.get().account(found, services.tokens());
    } catch (OAuth2Exception e) {
      oauthText.setText(e.reason() == OAuth2Exception.Reason.UNTRUSTED
          ? words.text("OAuth.untrusted")
          : words.text("OAuth.failed", Words.untrusted(String.valueOf(e.getMessage()))));
      return;
    }
    int mine = ++generation;
    String provider = found.provider().map(p -> p.name()).orElse(found.address().domain());
    progress(words.text("Progress.signingIn", provider));
    CompletableFuture<TokenSet> future = signingIn.signInWithBrowser(services.browser(url -> SwingUtilities.invokeLater(() -> showSignInAddress(url))));
    signIn = future;
    var unused = future.whenComplete((tokens, failure) -> later(mine, () -> {
      signIn = null;
      showIdle();
      signInAddress.setVisible(false);
      if (tokens != null) {
        account = signingIn;
        oauthText.setText(words.text("OAuth.signedIn", provider, signingIn.address().address()));
        passwordField.setEnabled(false);
        changed();
      } else if (failure instanceof CancellationException) {
        oauthText.setText(words.text("OAuth.cancelled"));
      } else {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        oauthText.setText(words.text("OAuth.failed", Words.untrusted(String.valueOf(cause == null ? "" : cause.getMessage()))));
      }
    }));
  }

  private void showSignInAddress(URI url) {
    if (signIn == null) {
      return;
    }
    signInAddress.setText(url.toString());
    signInAddress.setToolTipText(words.text("Progress.signInAddress"));
    signInAddress.setVisible(true);
    grow();
  }

  // ---------------------------------------------------------------------------------------------
  // Progress, status, cancel, save, close

  private void progress(String text) {
    progressBar.setVisible(true);
    progressText.setText(text);
    cancelButton.setVisible(true);
    findButton.setEnabled(false);
    testButton.setEnabled(false);
    sendButton.setEnabled(false);
    signInButton.setEnabled(false);
  }

  private void showIdle() {
    progressBar.setVisible(false);
    progressText.setText(" ");
    cancelButton.setVisible(false);
    findButton.setEnabled(true);
    testButton.setEnabled(true);
    sendButton.setEnabled(verified != null);
    signInButton.setEnabled(services.oauth2().isPresent());
  }

  private void status(@Nullable Outcome kind, String headline, String text) {
    statusHeadline.setText(headline.isEmpty() ? " " : (kind == Outcome.WORKS ? "✔ " : kind == null ? "" : "✖ ") + headline);
    statusHeadline.setForeground(kind == null ? Color.DARK_GRAY : switch (kind.tone()) {
      case GOOD -> GOOD;
      case WARNING -> WARNING;
      case BAD -> BAD;
    });
    statusText.setText(text);
    grow();
  }

  /** Cancels what runs: the discovery's future, the sign-in's, or the worker's task (an interrupt ends a login). */
  private void cancelRunning() {
    if (discovery != null) {
      cancelDiscovery();
      status(null, words.text("Outcome.stopped"), words.text("Discovery.cancelled"));
    }
    CompletableFuture<TokenSet> signingIn = signIn;
    if (signingIn != null) {
      signingIn.cancel(true); // closes the loopback listener; its completion shows "cancelled"
    }
    Future<?> running = task;
    if (running != null) {
      task = null;
      generation++;
      running.cancel(true);
      showIdle();
      status(null, words.text("Outcome.stopped"), "");
    }
  }

  private void save() {
    check();
    CheckResult result = checked;
    if (result == null || result.address().isEmpty() || result.settings().isEmpty()) {
      status(Outcome.FAILED, words.text("Outcome.FAILED"), words.text("Outcome.fixFirst"));
      return;
    }
    ServerSettings settings = result.settings().get();
    ServerSettings tested = verified;
    onSave.accept(new SavedAccount(result.address().get(), tested != null ? tested : settings, credentials(), confirmedDomains(),
        tested != null));
    dialog.dispose();
  }

  /** The window closed: cancel everything, end the worker, close the services (off the event thread: closing may wait). */
  private void shutDown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    checkTimer.stop();
    generation++;
    CompletableFuture<Resolution> running = discovery;
    CompletableFuture<TokenSet> signingIn = signIn;
    Future<?> work = task;
    discovery = null;
    signIn = null;
    task = null;
    Thread closing = new Thread(() -> {
      try {
        if (running != null) {
          running.cancel(true);
        }
        if (signingIn != null) {
          signingIn.cancel(true);
        }
        if (work != null) {
          work.cancel(true);
        }
        worker.shutdownNow();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("The dialog's worker did not end");
        }
        if (ownServices) {
          services.close();
        }
        closed.complete(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed.completeExceptionally(e);
      } catch (RuntimeException e) {
        closed.completeExceptionally(e);
      }
    }, "mailsettings-dialog-closing");
    closing.start();
  }

  /** Runs {@code update} on the event thread unless something newer has started since {@code mine}. */
  private void later(int mine, Runnable update) {
    SwingUtilities.invokeLater(() -> {
      if (mine == generation && dialog.isDisplayable()) {
        update.run();
      }
    });
  }

  /**
   * Lets the window grow when a longer text needs more room: laid out first, so that wrapping
   * texts know their width and say their height.
   */
  private void grow() {
    if (!dialog.isDisplayable()) {
      return;
    }
    dialog.validate();
    Dimension preferred = dialog.getPreferredSize();
    Dimension size = dialog.getSize();
    if (dialog.isDisplayable() && (preferred.height > size.height || preferred.width > size.width)) {
      dialog.setSize(Math.max(preferred.width, size.width), Math.max(preferred.height, size.height));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Small Swing helpers

  private static void name(JComponent component, String name) {
    component.setName(name);
  }

  /** A label that never renders its text as HTML (it may show text from the network or the user). */
  private static JLabel plainLabel() {
    JLabel label = new JLabel(" ");
    label.putClientProperty("html.disable", true);
    return label;
  }

  /** Wrapping, read-only text in the label's font: for sentences, and text from servers (never HTML). */
  private static JTextArea textArea() {
    JTextArea area = new JTextArea(1, TEXT_COLUMNS);
    area.setEditable(false);
    area.setFocusable(false);
    area.setLineWrap(true);
    area.setWrapStyleWord(true);
    area.setOpaque(false);
    area.setBorder(null);
    area.setFont(UIManager.getFont("Label.font"));
    return area;
  }

  private static JPanel line(java.awt.Component... components) {
    JPanel line = new JPanel();
    line.setLayout(new BoxLayout(line, BoxLayout.X_AXIS));
    line.setOpaque(false);
    Arrays.stream(components).forEach(line::add);
    return line;
  }

  /** The form's rows: a label and its field, a hint under it, a section title, a wide row. */
  private static final class Rows {
    private final JPanel panel;
    private int row;

    Rows(JPanel panel) {
      this.panel = panel;
    }

    void field(String label, JComponent field) {
      JLabel text = plainLabel();
      text.setText(label);
      GridBagConstraints left = constraints(0, 1);
      left.anchor = GridBagConstraints.FIRST_LINE_START;
      left.insets = new Insets(4, 0, 0, 10);
      panel.add(text, left);
      if (field instanceof JTextComponent component && !(field instanceof JTextArea)) {
        text.setLabelFor(component);
      }
      GridBagConstraints right = constraints(1, 1);
      right.fill = GridBagConstraints.HORIZONTAL;
      right.weightx = 1;
      right.insets = new Insets(2, 0, 0, 0);
      panel.add(field, right);
      row++;
    }

    void hint(@Nullable JComponent hint) {
      if (hint == null) {
        return;
      }
      GridBagConstraints c = constraints(1, 1);
      c.fill = GridBagConstraints.HORIZONTAL;
      panel.add(hint, c);
      row++;
    }

    void section(String title) {
      JLabel text = plainLabel();
      text.setText(title);
      text.setFont(text.getFont().deriveFont(Font.BOLD));
      GridBagConstraints c = constraints(0, 2);
      c.fill = GridBagConstraints.HORIZONTAL;
      c.insets = new Insets(10, 0, 2, 0);
      JPanel titled = new JPanel(new java.awt.BorderLayout(8, 0));
      titled.setOpaque(false);
      titled.add(text, java.awt.BorderLayout.WEST);
      titled.add(new JSeparator(), java.awt.BorderLayout.CENTER);
      panel.add(titled, c);
      row++;
    }

    void wide(JComponent component) {
      GridBagConstraints c = constraints(0, 2);
      c.fill = GridBagConstraints.HORIZONTAL;
      c.insets = new Insets(3, 0, 0, 0);
      panel.add(component, c);
      row++;
    }

    void gap(int height) {
      GridBagConstraints c = constraints(0, 2);
      panel.add(Box.createVerticalStrut(height), c);
      row++;
    }

    private GridBagConstraints constraints(int column, int width) {
      GridBagConstraints c = new GridBagConstraints();
      c.gridx = column;
      c.gridy = row;
      c.gridwidth = width;
      c.anchor = GridBagConstraints.LINE_START;
      return c;
    }
  }

  /** Runs an action on every change of a document. */
  private record Changes(Runnable action) implements DocumentListener {
    @Override
    public void insertUpdate(DocumentEvent e) {
      action.run();
    }

    @Override
    public void removeUpdate(DocumentEvent e) {
      action.run();
    }

    @Override
    public void changedUpdate(DocumentEvent e) {
      action.run();
    }
  }
}
