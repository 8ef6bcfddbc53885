package org.mailsettings.jakarta;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.internal.ConnectionGuard;
import org.mailsettings.jakarta.internal.SessionProperties;

/**
 * Builds Jakarta Mail {@link Properties}, {@link Session}s and connected {@link Store}s and
 * {@link Transport}s from {@link ServerSettings}, always with safe defaults:
 *
 * <ul>
 *   <li>connection, read and write timeouts (Jakarta Mail would wait forever);
 *   <li>TLS with the certificate's host names verified, on implicit TLS and STARTTLS alike, and
 *       the TLS versions the provider's rule names (else TLS 1.3 and 1.2);
 *   <li>STARTTLS required, not merely enabled: a server that does not offer it fails before any
 *       credential is sent;
 *   <li>authentication mechanisms from the rule (for an OAuth 2.0 token XOAUTH2 on IMAP, POP3 and
 *       SMTP, or OAUTHBEARER first on IMAP and SMTP for {@link Credentials#oauthBearer}; NTLM off
 *       unless the rule asks for it);
 *   <li>the envelope sender and {@code From} from the address, display name included.
 * </ul>
 *
 * <p>Implicit TLS uses the base protocol names with {@code mail.<protocol>.ssl.enable=true}, so
 * every property of a session sits under {@code mail.imap.}, {@code mail.pop3.} or {@code
 * mail.smtp.}. Build one per application and share it: it is thread-safe, and its threads (or
 * the client's, see {@link #create(MailSettingsResolver, MailOptions)}) end with {@link #close()}.
 *
 * <pre>{@code
 * MailConnector mail = MailConnector.create();
 * Resolution r = MailSettingsResolver.create().resolve("Jan Novák <info@vizus.cz>");
 * try (Transport transport = mail.connectTransport(r.outgoing().get(0).settings(), r.address(),
 *     Credentials.password(secret))) {
 *   transport.sendMessage(message, message.getAllRecipients());
 * }
 * }</pre>
 */
public final class MailConnector implements AutoCloseable {
  private static final AtomicInteger CONNECTORS = new AtomicInteger();

  private final MailOptions options;
  private final SSLContext sslContext;
  private final Executor executor;
  private final @Nullable ThreadPoolExecutor ownExecutor;
  private final ScheduledThreadPoolExecutor timer;

  private MailConnector(MailOptions options, SSLContext sslContext, @Nullable Executor executor) {
    this.options = options;
    this.sslContext = sslContext;
    String name = "mailsettings-mail-" + CONNECTORS.incrementAndGet();
    if (executor != null) {
      this.executor = executor;
      this.ownExecutor = null;
    } else {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons(name + "-worker-"));
      pool.allowCoreThreadTimeOut(true);
      this.executor = pool;
      this.ownExecutor = pool;
    }
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemons(name + "-timer-"));
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setKeepAliveTime(10, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    this.timer = scheduler;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * {@return a connector with {@link MailOptions#defaults()} and threads of its own (daemons that end when
   * idle; {@link #close()} ends them at once)}
   */
  public static MailConnector create() {
    return create(MailOptions.defaults());
  }

  /**
   * {@return a connector with the given options and threads of its own}
   *
   * @param options the options
   */
  public static MailConnector create(MailOptions options) {
    Objects.requireNonNull(options, "options");
    return new MailConnector(options, options.sslContext().orElseGet(SessionProperties::defaultContext), null);
  }

  /**
   * {@return a connector that runs on the client's threads and trusts what the client trusts (unless the
   * options name a TLS context of their own): one runtime for discovery, probing and logins}
   *
   * @param client the HTTP client
   * @param options the options
   */
  public static MailConnector create(MailSettingsResolver client, MailOptions options) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(options, "options");
    return new MailConnector(options, options.sslContext().orElseGet(client::sslContext), client.executor());
  }

  /** {@return the options} */
  public MailOptions options() {
    return options;
  }

  /**
   * {@return the properties for {@code settings}, assuming a password login unless the settings accept
   * only OAuth 2.0} They hold no secret.
   *
   * @param settings the server settings
   * @param address the e-mail address
   * @throws InsecureSettingsException for unencrypted settings unless plaintext is allowed
   */
  public Properties properties(ServerSettings settings, EmailAddress address) {
    boolean oauthOnly =
        !settings.authMethods().isEmpty()
            && settings.authMethods().stream().allMatch(AuthMethod.OAUTH2::equals);
    return properties(settings, address, settings.username(), oauthOnly ? List.of("XOAUTH2") : List.of(), ConnectionGuard.unrestricted());
  }

  /**
   * {@return the properties for {@code settings} and the kind of {@code credentials} (their secret is not
   * put in the properties)}
   *
   * @param settings the server settings
   * @param address the e-mail address
   * @param credentials the credentials
   * @throws InsecureSettingsException for unencrypted settings unless plaintext is allowed
   */
  public Properties properties(ServerSettings settings, EmailAddress address, Credentials credentials) {
    return properties(settings, address, credentials, ConnectionGuard.unrestricted());
  }

  private Properties properties(ServerSettings settings, EmailAddress address, Credentials credentials, ConnectionGuard guard) {
    return properties(
        settings,
        address,
        credentials.username().orElse(settings.username()),
        credentials.tokenMechanisms(),
        guard);
  }

  private Properties properties(
      ServerSettings settings, EmailAddress address, String username, List<String> tokenMechanisms, ConnectionGuard guard) {
    if (settings.security() == Security.NONE && !options.plaintextAllowed()) {
      throw new InsecureSettingsException(
          settings.protocol()
              + " "
              + settings.address()
              + " is unencrypted; allow plaintext in MailOptions to use it anyway");
    }
    return SessionProperties.build(
        settings,
        address,
        username,
        tokenMechanisms,
        options.connectTimeout(),
        options.readTimeout(),
        options.writeTimeout(),
        sslContext,
        options.defaultTlsVersions(),
        guard);
  }

  /**
   * {@return a session for {@code settings}, whose authenticator asks {@code credentials} for the secret on
   * every connection (so refreshed OAuth 2.0 tokens are used)} The application drives its
   * connections; their reads are bounded by the read timeout.
   *
   * @param settings the server settings
   * @param address the e-mail address
   * @param credentials the credentials
   * @throws InsecureSettingsException for unencrypted settings unless plaintext is allowed
   */
  public Session session(ServerSettings settings, EmailAddress address, Credentials credentials) {
    return session(settings, address, credentials, ConnectionGuard.unrestricted());
  }

  private Session session(ServerSettings settings, EmailAddress address, Credentials credentials, ConnectionGuard guard) {
    Properties props = properties(settings, address, credentials, guard);
    String username = credentials.username().orElse(settings.username());
    return Session.getInstance(
        props,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(username, credentials.secret());
          }
        });
  }

  /**
   * {@return a connected store (IMAP or POP3), within {@link MailOptions#connectDeadline()} for the whole
   * connection and login, and with at most {@link MailOptions#maxBytesBeforeLogin()} read before
   * the login is over} The caller closes it.
   *
   * @param settings the server settings
   * @param address the e-mail address
   * @param credentials the credentials
   * @throws MessagingException when the connection or the login fails, or the deadline passes
   * @throws IllegalArgumentException for SMTP settings
   */
  public Store connectStore(ServerSettings settings, EmailAddress address, Credentials credentials)
      throws MessagingException {
    if (!settings.protocol().isIncoming()) {
      throw new IllegalArgumentException("A store needs IMAP or POP3 settings, not " + settings.protocol());
    }
    return (Store) connect(settings, address, credentials, guard(true), Long.MAX_VALUE);
  }

  /**
   * {@return a connected SMTP transport, bounded like {@link #connectStore}} The caller closes it.
   *
   * @param settings the server settings
   * @param address the e-mail address
   * @param credentials the credentials
   * @throws MessagingException when the connection or the login fails, or the deadline passes
   * @throws IllegalArgumentException for IMAP or POP3 settings
   */
  public Transport connectTransport(ServerSettings settings, EmailAddress address, Credentials credentials)
      throws MessagingException {
    if (settings.protocol() != Protocol.SMTP) {
      throw new IllegalArgumentException("A transport needs SMTP settings, not " + settings.protocol());
    }
    return (Transport) connect(settings, address, credentials, guard(true), Long.MAX_VALUE);
  }

  /** A guard for one connection attempt with this connector's cap before login. */
  ConnectionGuard guard(boolean privateAddressesAllowed) {
    return new ConnectionGuard(privateAddressesAllowed, options.maxBytesBeforeLogin());
  }

  /**
   * Connects and logs in under {@code guard}, which is stopped at the connect deadline (or at
   * {@code deadlineNanos}, whichever comes first); once logged in, the cap before login is lifted.
   */
  Service connect(ServerSettings settings, EmailAddress address, Credentials credentials, ConnectionGuard guard, long deadlineNanos)
      throws MessagingException {
    long now = System.nanoTime();
    long bound = Math.min(deadlineNanos - now, options.connectDeadline().toNanos());
    Session session = session(settings, address, credentials, guard);
    Service service = settings.protocol().isIncoming()
        ? session.getStore(settings.protocol().autoconfigType())
        : session.getTransport("smtp");
    ScheduledFuture<?> stop = schedule(guard::deadline, Duration.ofNanos(Math.max(0, bound)));
    try {
      service.connect();
      guard.loginDone();
      return service;
    } catch (MessagingException | RuntimeException e) {
      if (guard.deadlinePassed()) {
        throw new MessagingException("No complete login within " + Duration.ofNanos(Math.max(0, bound)).toMillis() + " ms", e);
      }
      throw e;
    } finally {
      stop.cancel(false);
    }
  }

  /** Runs {@code task} after {@code delay} on the connector's timer. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} on the connector's (or the client's) threads. */
  void execute(Runnable task) {
    executor.execute(task);
  }

  /**
   * Logs in to candidates to find out which really work, with {@link VerifyOptions#defaults()}.
   *
   * @param candidates the candidates, best first
   * @param address the e-mail address
   * @param credentials the credentials
   * @return an outcome for every candidate tried, and the best that worked
   * @see #verify(List, EmailAddress, Credentials, VerifyOptions)
   */
  public VerificationReport verify(List<Candidate> candidates, EmailAddress address, Credentials credentials) {
    return verify(candidates, address, credentials, VerifyOptions.defaults());
  }

  /**
   * Logs in to candidates to find out which really work: several at once, started in rank order
   * with a small stagger, under one overall deadline. Every candidate tried gets an outcome;
   * {@link VerificationReport#best()} is the best-ranked one that worked, not the first to
   * answer, and the call returns as soon as that is known. When it returns, every connection it
   * opened is closed.
   *
   * <p>No credential goes where the user has not agreed: unencrypted candidates are not tried
   * unless plaintext is allowed; a candidate whose trust is {@link
   * org.mailsettings.Trust#NEEDS_CONFIRMATION} is tried only when its {@linkplain
   * Candidate#hostDomain() host's domain} is among {@link VerifyOptions#confirmedDomains()}; and
   * a connection to a loopback or private address is made only for the application's own
   * provider files or a confirmed domain. Otherwise the outcome is {@link
   * VerificationStatus#NOT_CONFIRMED} and no connection is made.
   *
   * <p>When the username form is not known (guesses, see {@link
   * Candidate#usernameAlternatives()}) and the credentials name no username, a refused login is
   * retried with each alternative; the outcome says which username worked.
   *
   * @param candidates the candidates, best first
   * @param address the e-mail address
   * @param credentials the credentials
   * @param verifyOptions how to verify
   * @return an outcome for every candidate tried, and the best that worked
   */
  public VerificationReport verify(
      List<Candidate> candidates, EmailAddress address, Credentials credentials, VerifyOptions verifyOptions) {
    return new Verification(this, candidates, address, credentials, verifyOptions).run();
  }

  /**
   * Sends a short message from {@code address} to itself over {@code smtp}: the check hosters
   * recommend after setting up an account.
   *
   * @param smtp the SMTP settings
   * @param address the e-mail address
   * @param credentials the credentials
   * @return the message's {@code Message-ID}
   * @throws MessagingException when connecting, logging in or sending fails
   */
  public String sendTestMessage(ServerSettings smtp, EmailAddress address, Credentials credentials)
      throws MessagingException {
    Session session = session(smtp, address, credentials);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(session.getProperty("mail.from")));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(address.asciiAddress()));
    message.setSubject("mailsettings test message", StandardCharsets.UTF_8.name());
    message.setText(
        "This message was sent by mailsettings to check the outgoing server "
            + smtp.address()
            + " ("
            + smtp.security()
            + ") at "
            + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME)
            + ".\nIf it arrived, sending works.\n",
        StandardCharsets.UTF_8.name());
    message.saveChanges();
    checkSize(smtp, message);
    try (Transport transport = connectTransport(smtp, address, credentials)) {
      transport.sendMessage(message, message.getAllRecipients());
    }
    return String.valueOf(message.getMessageID());
  }

  private static void checkSize(ServerSettings smtp, MimeMessage message) throws MessagingException {
    if (smtp.maxMessageSize().isEmpty()) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      message.writeTo(bytes);
    } catch (IOException e) {
      throw new MessagingException("Cannot measure the message", e);
    }
    if (bytes.size() > smtp.maxMessageSize().getAsLong()) {
      throw new MessagingException(
          "The message has " + bytes.size() + " bytes; " + smtp.host() + " accepts at most " + smtp.maxMessageSize().getAsLong());
    }
  }

  /**
   * {@return the full name of an IMAP folder with the provider's path prefix applied: {@code Sent} becomes
   * {@code INBOX.Sent} when the prefix is {@code INBOX}} Other protocols and empty prefixes leave
   * the name as it is.
   *
   * @param settings the server settings
   * @param folder the folder's name
   */
  public static String folderName(ServerSettings settings, String folder) {
    String prefix = settings.imapPathPrefix().orElse("");
    if (settings.protocol() != Protocol.IMAP || prefix.isEmpty() || folder.equalsIgnoreCase("INBOX")) {
      return folder;
    }
    return prefix + "." + folder;
  }

  /**
   * {@return the properties as {@code key=value} lines, sorted, for people: objects such as the TLS socket
   * factory are shown by their class name} Properties built here never contain a secret.
   *
   * @param properties the properties
   */
  public static String describe(Properties properties) {
    Map<String, String> sorted = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      sorted.put(key, properties.getProperty(key));
    }
    for (Map.Entry<Object, Object> entry : properties.entrySet()) {
      if (!(entry.getValue() instanceof String)) {
        sorted.put(String.valueOf(entry.getKey()), "<" + entry.getValue().getClass().getSimpleName() + ">");
      }
    }
    StringBuilder out = new StringBuilder();
    sorted.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
    return out.toString();
  }

  /**
   * Ends the connector's own threads (none when it runs on a client's threads); calls still
   * running are stopped. Idempotent.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    ThreadPoolExecutor pool = ownExecutor;
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
