package org.mailsettings.jakarta.internal;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.mailsettings.AuthMethod;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;

/**
 * Builds the Jakarta Mail (Angus) properties for one server.
 *
 * <p>One scheme for every protocol: the base protocol names {@code imap}, {@code pop3} and {@code
 * smtp}, with {@code mail.<protocol>.ssl.enable=true} for implicit TLS (never the separate {@code
 * imaps}/{@code pop3s}/{@code smtps} providers), so that every property of a session sits under
 * one prefix.
 */
public final class SessionProperties {
  /** Our own keys, which Angus ignores: the IMAP path prefix and the message size limit. */
  public static final String IMAP_PATH_PREFIX = "mailsettings.imap.pathprefix";

  /** The message size limit in bytes, when the rule gives one. */
  public static final String SMTP_MAX_MESSAGE_SIZE = "mailsettings.smtp.maxmessagesize";

  private SessionProperties() {}

  /**
   * The properties for {@code settings}.
   *
   * @param username the login name
   * @param tokenMechanisms the SASL mechanisms an OAuth 2.0 token goes with, in order ({@code
   *     XOAUTH2}, or {@code OAUTHBEARER} then {@code XOAUTH2}); empty for a password
   */
  public static Properties build(
      ServerSettings settings,
      EmailAddress address,
      String username,
      List<String> tokenMechanisms,
      Duration connectTimeout,
      Duration readTimeout,
      Duration writeTimeout,
      SSLContext sslContext,
      List<String> defaultTlsVersions,
      ConnectionGuard guard) {
    boolean oauth2 = !tokenMechanisms.isEmpty();
    String p = settings.protocol().autoconfigType();
    String prefix = "mail." + p + ".";
    Properties props = new Properties();
    if (settings.protocol().isIncoming()) {
      props.setProperty("mail.store.protocol", p);
    } else {
      props.setProperty("mail.transport.protocol", p);
    }
    props.setProperty(prefix + "host", settings.host());
    props.setProperty(prefix + "port", Integer.toString(settings.port()));
    props.setProperty(prefix + "user", username);
    props.setProperty(prefix + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
    props.setProperty(prefix + "timeout", Long.toString(readTimeout.toMillis()));
    props.setProperty(prefix + "writetimeout", Long.toString(writeTimeout.toMillis()));

    List<String> tlsVersions = settings.tlsVersions().isEmpty() ? defaultTlsVersions : settings.tlsVersions();
    // Every socket of the session comes from the guard's factories: its address is checked, what
    // the server sends is counted, and the guard can close it.
    props.put(prefix + "socketFactory", new GuardedSocketFactory(guard));
    // Without this, Jakarta Mail silently retries with a plain socket of its own when ours
    // fails: no address check, no cap, and for TLS another trust and no host-name check of ours.
    props.setProperty(prefix + "socketFactory.fallback", "false");
    if (settings.security() != Security.NONE) {
      props.put(prefix + "ssl.socketFactory", new VerifyingSslSocketFactory(sslContext.getSocketFactory(), tlsVersions, guard));
      props.setProperty(prefix + "ssl.socketFactory.fallback", "false");
      props.setProperty(prefix + "ssl.checkserveridentity", "true");
      props.setProperty(prefix + "ssl.protocols", String.join(" ", tlsVersions));
    }
    if (settings.security() == Security.IMPLICIT_TLS) {
      props.setProperty(prefix + "ssl.enable", "true");
    } else if (settings.security() == Security.STARTTLS) {
      props.setProperty(prefix + "starttls.enable", "true");
      props.setProperty(prefix + "starttls.required", "true");
    }

    List<AuthMethod> methods = settings.authMethods();
    boolean ntlmAllowed = methods.contains(AuthMethod.NTLM);
    // No SMTP login only where every method the settings name admits the client without one:
    // "none" (an open relay) and "client-IP-address" (a relay inside the provider's network;
    // the parser reads the older "smtp-after-pop" as "none").
    boolean loginNeeded = oauth2 || methods.isEmpty() || !methods.stream().allMatch(SessionProperties::withoutLogin);
    if (!ntlmAllowed) {
      props.setProperty(prefix + "auth.ntlm.disable", "true");
    }
    Set<String> mechanisms = mechanisms(settings.protocol(), methods, oauth2);
    props.setProperty(prefix + "auth.mechanisms", String.join(" ", mechanisms));
    List<String> sasl = saslMechanisms(methods, tokenMechanisms);
    if (!sasl.isEmpty() && settings.protocol() != Protocol.POP3) {
      props.setProperty(prefix + "sasl.enable", "true");
      props.setProperty(prefix + "sasl.mechanisms", String.join(" ", sasl));
      if (sasl.contains(OAuthBearerSasl.MECHANISM)) {
        // Where the mechanism keeps a refused login's error for the attempt's outcome.
        props.put(OAuthBearerSasl.CHALLENGES, guard);
      }
    }
    if (oauth2 && settings.protocol() == Protocol.POP3) {
      // RFC 5034 allows the initial response on the AUTH line or on the next; some POP3
      // servers (Microsoft's among them) only take the second form.
      props.setProperty("mail.pop3.auth.xoauth2.two.line.authentication.format", "true");
    }
    if (settings.protocol() == Protocol.SMTP) {
      props.setProperty("mail.smtp.auth", Boolean.toString(loginNeeded));
      props.setProperty("mail.smtp.from", address.asciiAddress());
      settings.maxMessageSize().ifPresent(size -> props.setProperty(SMTP_MAX_MESSAGE_SIZE, Long.toString(size)));
    }
    props.setProperty("mail.from", from(address));
    if (settings.protocol() == Protocol.IMAP) {
      settings.imapPathPrefix().ifPresent(prefixValue -> props.setProperty(IMAP_PATH_PREFIX, prefixValue));
    }
    return props;
  }

  private static boolean withoutLogin(AuthMethod method) {
    return method.equals(AuthMethod.NONE) || method.equals(AuthMethod.CLIENT_IP_ADDRESS);
  }

  /** The default TLS context of the JDK. */
  public static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no default TLS context", e);
    }
  }

  private static Set<String> mechanisms(Protocol protocol, List<AuthMethod> methods, boolean oauth2) {
    Set<String> mechanisms = new LinkedHashSet<>();
    if (oauth2) {
      mechanisms.add("XOAUTH2");
      return mechanisms;
    }
    for (AuthMethod method : methods) {
      switch (method.kind()) {
        case PASSWORD_CLEARTEXT -> {
          mechanisms.add("PLAIN");
          mechanisms.add("LOGIN");
        }
        case PASSWORD_ENCRYPTED -> {
          if (protocol != Protocol.IMAP) {
            mechanisms.add("DIGEST-MD5");
          }
        }
        case NTLM -> mechanisms.add("NTLM");
        default -> {
          // OAuth 2.0 needs an OAuth 2.0 token; the others log in without a password here.
        }
      }
    }
    if (mechanisms.isEmpty()) {
      mechanisms.add("PLAIN");
      mechanisms.add("LOGIN");
    }
    return mechanisms;
  }

  private static List<String> saslMechanisms(List<AuthMethod> methods, List<String> tokenMechanisms) {
    List<String> sasl = new ArrayList<>();
    if (!tokenMechanisms.isEmpty()) {
      // XOAUTH2 alone needs no SASL: Angus' own XOAUTH2 login does it (on POP3 too). OAUTHBEARER
      // goes through the JDK's SASL, on IMAP and SMTP (Angus' POP3 has none), XOAUTH2 after it for
      // servers that lack it: Angus tries only the mechanisms the server advertises, in this order.
      if (tokenMechanisms.contains(OAuthBearerSasl.MECHANISM)) {
        OAuthBearerSasl.register();
        sasl.addAll(tokenMechanisms);
      }
      return sasl;
    }
    for (AuthMethod method : methods) {
      if (method.kind() == AuthMethod.Kind.SASL) {
        sasl.add(method.saslMechanism());
      } else if (method.kind() == AuthMethod.Kind.PASSWORD_ENCRYPTED) {
        sasl.add("CRAM-MD5");
        sasl.add("DIGEST-MD5");
      }
    }
    return sasl;
  }

  /** {@code Jan Novák <info@novak.cz>} with the name encoded as MIME needs it. */
  public static String from(EmailAddress address) {
    try {
      return address.displayName().isPresent()
          ? new InternetAddress(address.asciiAddress(), address.displayName().get(), StandardCharsets.UTF_8.name()).toString()
          : address.asciiAddress();
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }
}
