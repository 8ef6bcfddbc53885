package org.mailsettings.jakarta;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
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
 *   <li>authentication mechanisms from the rule (XOAUTH2 for OAuth 2.0 on IMAP, POP3 and SMTP;
 *       NTLM off unless the rule asks for it);
 *   <li>the envelope sender and {@code From} from the address, display name included.
 * </ul>
 *
 * <p>Implicit TLS uses the base protocol names with {@code mail.<protocol>.ssl.enable=true}, so
 * every property of a session sits under {@code mail.imap.}, {@code mail.pop3.} or {@code
 * mail.smtp.}. Instances are immutable and thread-safe.
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
public final class MailConnector {
  private final MailOptions options;
  private final SSLContext sslContext;

  private MailConnector(MailOptions options) {
    this.options = options;
    this.sslContext = options.sslContext().orElseGet(SessionProperties::defaultContext);
  }

  /** A connector with {@link MailOptions#defaults()}. */
  public static MailConnector create() {
    return new MailConnector(MailOptions.defaults());
  }

  /** A connector with the given options. */
  public static MailConnector create(MailOptions options) {
    return new MailConnector(Objects.requireNonNull(options, "options"));
  }

  /** The options. */
  public MailOptions options() {
    return options;
  }

  /**
   * The properties for {@code settings}, assuming a password login unless the settings accept
   * only OAuth 2.0. They hold no secret.
   *
   * @throws InsecureSettingsException for unencrypted settings unless plaintext is allowed
   */
  public Properties properties(ServerSettings settings, EmailAddress address) {
    boolean oauthOnly =
        !settings.authMethods().isEmpty()
            && settings.authMethods().stream().allMatch(AuthMethod.OAUTH2::equals);
    return properties(settings, address, settings.username(), oauthOnly);
  }

  /**
   * The properties for {@code settings} and the kind of {@code credentials} (their secret is not
   * put in the properties).
   *
   * @throws InsecureSettingsException for unencrypted settings unless plaintext is allowed
   */
  public Properties properties(ServerSettings settings, EmailAddress address, Credentials credentials) {
    return properties(
        settings,
        address,
        credentials.username().orElse(settings.username()),
        credentials.kind() == Credentials.Kind.OAUTH2);
  }

  private Properties properties(ServerSettings settings, EmailAddress address, String username, boolean oauth2) {
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
        oauth2,
        options.connectTimeout(),
        options.readTimeout(),
        options.writeTimeout(),
        sslContext,
        options.defaultTlsVersions());
  }

  /**
   * A session for {@code settings}, whose authenticator asks {@code credentials} for the secret on
   * every connection (so refreshed OAuth 2.0 tokens are used).
   *
   * @throws InsecureSettingsException for unencrypted settings unless plaintext is allowed
   */
  public Session session(ServerSettings settings, EmailAddress address, Credentials credentials) {
    Properties props = properties(settings, address, credentials);
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
   * A connected store (IMAP or POP3). The caller closes it.
   *
   * @throws MessagingException when the connection or the login fails
   * @throws IllegalArgumentException for SMTP settings
   */
  public Store connectStore(ServerSettings settings, EmailAddress address, Credentials credentials)
      throws MessagingException {
    if (!settings.protocol().isIncoming()) {
      throw new IllegalArgumentException("A store needs IMAP or POP3 settings, not " + settings.protocol());
    }
    Store store = session(settings, address, credentials).getStore(settings.protocol().autoconfigType());
    store.connect();
    return store;
  }

  /**
   * A connected SMTP transport. The caller closes it.
   *
   * @throws MessagingException when the connection or the login fails
   * @throws IllegalArgumentException for IMAP or POP3 settings
   */
  public Transport connectTransport(ServerSettings settings, EmailAddress address, Credentials credentials)
      throws MessagingException {
    if (settings.protocol() != Protocol.SMTP) {
      throw new IllegalArgumentException("A transport needs SMTP settings, not " + settings.protocol());
    }
    Transport transport = session(settings, address, credentials).getTransport("smtp");
    transport.connect();
    return transport;
  }

  /**
   * Logs in to candidates to find out which really work, with {@link VerifyOptions#defaults()}.
   *
   * @see #verify(List, EmailAddress, Credentials, VerifyOptions)
   */
  public VerificationReport verify(List<Candidate> candidates, EmailAddress address, Credentials credentials) {
    return verify(candidates, address, credentials, VerifyOptions.defaults());
  }

  /**
   * Logs in to candidates to find out which really work: several at once, started in rank order
   * with a small stagger, under one overall deadline. Every candidate tried gets an outcome;
   * {@link VerificationReport#best()} is the best-ranked one that worked, not the first to
   * answer, and the call returns as soon as that is known. Unencrypted candidates are not tried
   * unless plaintext is allowed.
   *
   * <p>When the username form is not known (guesses, see {@link
   * Candidate#usernameAlternatives()}) and the credentials name no username, a refused login is
   * retried with each alternative; the outcome says which username worked.
   */
  public VerificationReport verify(
      List<Candidate> candidates, EmailAddress address, Credentials credentials, VerifyOptions verifyOptions) {
    return new Verification(options, candidates, address, credentials, verifyOptions).run();
  }

  /**
   * Sends a short message from {@code address} to itself over {@code smtp}: the check hosters
   * recommend after setting up an account.
   *
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
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
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
   * The full name of an IMAP folder with the provider's path prefix applied: {@code Sent} becomes
   * {@code INBOX.Sent} when the prefix is {@code INBOX}. Other protocols and empty prefixes leave
   * the name as it is.
   */
  public static String folderName(ServerSettings settings, String folder) {
    String prefix = settings.imapPathPrefix().orElse("");
    if (settings.protocol() != Protocol.IMAP || prefix.isEmpty() || folder.equalsIgnoreCase("INBOX")) {
      return folder;
    }
    return prefix + "." + folder;
  }

  /**
   * The properties as {@code key=value} lines, sorted, for people: objects such as the TLS socket
   * factory are shown by their class name. Properties built here never contain a secret.
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
}
