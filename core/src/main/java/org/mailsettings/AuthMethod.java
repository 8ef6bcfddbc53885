package org.mailsettings;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.text.SaslNames;

/**
 * How a client proves who it is to a mail server: one of the autoconfig draft's methods, or a
 * named SASL mechanism.
 *
 * <p>Instances are values: compare them with {@link #equals(Object)}. The constants cover the
 * draft's methods; {@link #sasl(String)} names any other SASL mechanism (RFC 4422).
 */
public final class AuthMethod {

  /** The kind of authentication. */
  public enum Kind {
    /** A password sent as is, protected only by the connection's TLS (SASL PLAIN, LOGIN, USER/PASS). */
    PASSWORD_CLEARTEXT("password-cleartext"),
    /** A password proven by a challenge (CRAM-MD5, DIGEST-MD5 and the like), not sent as is. */
    PASSWORD_ENCRYPTED("password-encrypted"),
    /** An OAuth 2.0 access token (SASL XOAUTH2 or OAUTHBEARER). */
    OAUTH2("OAuth2"),
    /** Windows NTLM (also called SPA); deprecated. */
    NTLM("NTLM"),
    /** Kerberos or Windows GSSAPI. */
    GSSAPI("GSSAPI"),
    /** A TLS client certificate. */
    TLS_CLIENT_CERT("TLS-client-cert"),
    /** The server trusts the client's IP address; no login. */
    CLIENT_IP_ADDRESS("client-IP-address"),
    /** No authentication at all. */
    NONE("none"),
    /** A SASL mechanism named by {@link AuthMethod#saslMechanism()}. */
    SASL("sasl");

    private final String autoconfigName;

    Kind(String autoconfigName) {
      this.autoconfigName = autoconfigName;
    }
  }

  /** A password over an encrypted connection: the common case. */
  public static final AuthMethod PASSWORD_CLEARTEXT = new AuthMethod(Kind.PASSWORD_CLEARTEXT, "");
  /** A challenge-response password mechanism. */
  public static final AuthMethod PASSWORD_ENCRYPTED = new AuthMethod(Kind.PASSWORD_ENCRYPTED, "");
  /** OAuth 2.0. */
  public static final AuthMethod OAUTH2 = new AuthMethod(Kind.OAUTH2, "");
  /** NTLM (SPA). */
  public static final AuthMethod NTLM = new AuthMethod(Kind.NTLM, "");
  /** GSSAPI (Kerberos). */
  public static final AuthMethod GSSAPI = new AuthMethod(Kind.GSSAPI, "");
  /** A TLS client certificate. */
  public static final AuthMethod TLS_CLIENT_CERT = new AuthMethod(Kind.TLS_CLIENT_CERT, "");
  /** Authentication by the client's IP address. */
  public static final AuthMethod CLIENT_IP_ADDRESS = new AuthMethod(Kind.CLIENT_IP_ADDRESS, "");
  /** No authentication. */
  public static final AuthMethod NONE = new AuthMethod(Kind.NONE, "");

  private final Kind kind;
  private final String saslMechanism;

  private AuthMethod(Kind kind, String saslMechanism) {
    this.kind = kind;
    this.saslMechanism = saslMechanism;
  }

  /**
   * {@return a named SASL mechanism, such as {@code SCRAM-SHA-256}} The name is upper-cased.
   *
   * @param mechanism the SASL mechanism name
   * @throws IllegalArgumentException if the name is not a valid SASL mechanism name (RFC 4422:
   *     1 to 20 characters of A-Z, 0-9, hyphen and underscore)
   */
  public static AuthMethod sasl(String mechanism) {
    String name = mechanism.trim().toUpperCase(Locale.ROOT);
    if (!SaslNames.isMechanismName(name)) {
      throw new IllegalArgumentException(
          "Not a SASL mechanism name: \"" + mechanism + "\" (1 to 20 of A-Z, 0-9, '-', '_')");
    }
    return new AuthMethod(Kind.SASL, name);
  }

  /**
   * Reads an autoconfig {@code authentication} element: its text and its {@code system}
   * attribute ({@code "sasl"} names a SASL mechanism; empty or absent means the draft's own
   * values). Besides the draft's names it reads Thunderbird's older {@code plain} and {@code
   * secure} and the draft's alternative spelling {@code OAuth}. Returns empty for a value the
   * draft says to ignore.
   *
   * @param value the mechanism's name in that naming system
   * @param system the naming system
   * @return the method; empty for a value the draft says to ignore
   */
  public static Optional<AuthMethod> fromAutoconfig(String value, String system) {
    String text = value.trim();
    if (system.trim().equalsIgnoreCase("sasl")) {
      return SaslNames.isMechanismName(text.toUpperCase(Locale.ROOT))
          ? Optional.of(sasl(text))
          : Optional.empty();
    }
    if (!system.isBlank()) {
      return Optional.empty(); // "http" methods and unknown systems are not for mail protocols
    }
    for (Kind kind : Kind.values()) {
      if (kind != Kind.SASL && kind.autoconfigName.equalsIgnoreCase(text)) {
        return Optional.of(of(kind));
      }
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      // Legacy Thunderbird values seen in the wild.
      case "plain" -> Optional.of(PASSWORD_CLEARTEXT);
      case "secure" -> Optional.of(PASSWORD_ENCRYPTED);
      // The draft's list of mail methods spells OAuth 2.0 "OAuth"; its examples write "OAuth2".
      case "oauth" -> Optional.of(OAUTH2);
      default -> Optional.empty();
    };
  }

  /**
   * {@return the method of a kind other than {@link Kind#SASL} (which needs a mechanism name: {@link
   * #sasl(String)})}
   *
   * @param kind the kind of method
   * @throws IllegalArgumentException for {@link Kind#SASL}
   */
  public static AuthMethod of(Kind kind) {
    return switch (kind) {
      case PASSWORD_CLEARTEXT -> PASSWORD_CLEARTEXT;
      case PASSWORD_ENCRYPTED -> PASSWORD_ENCRYPTED;
      case OAUTH2 -> OAUTH2;
      case NTLM -> NTLM;
      case GSSAPI -> GSSAPI;
      case TLS_CLIENT_CERT -> TLS_CLIENT_CERT;
      case CLIENT_IP_ADDRESS -> CLIENT_IP_ADDRESS;
      case NONE -> NONE;
      case SASL -> throw new IllegalArgumentException("a SASL method needs a mechanism name");
    };
  }

  /** {@return the kind of authentication} */
  public Kind kind() {
    return kind;
  }

  /** {@return the SASL mechanism name for {@link Kind#SASL}, or an empty string for every other kind} */
  public String saslMechanism() {
    return saslMechanism;
  }

  /** {@return whether this method sends or proves a password (and therefore needs one)} */
  public boolean usesPassword() {
    return kind == Kind.PASSWORD_CLEARTEXT
        || kind == Kind.PASSWORD_ENCRYPTED
        || kind == Kind.NTLM
        || (kind == Kind.SASL && !saslMechanism.equals("XOAUTH2") && !saslMechanism.equals("OAUTHBEARER")
            && !saslMechanism.equals("EXTERNAL") && !saslMechanism.equals("GSSAPI"));
  }

  /**
   * {@return the value as the autoconfig format writes it: {@code password-cleartext}, {@code OAuth2}, or the SASL name}
   */
  public String autoconfigName() {
    return kind == Kind.SASL ? saslMechanism : kind.autoconfigName;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AuthMethod that
        && that.kind == kind
        && that.saslMechanism.equals(saslMechanism);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, saslMechanism);
  }

  /** The autoconfig name, for example {@code password-cleartext} or {@code SCRAM-SHA-256}. */
  @Override
  public String toString() {
    return autoconfigName();
  }
}
