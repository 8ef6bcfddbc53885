package org.mailsettings.jakarta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What proves the user's identity to a server: a password, or an OAuth 2.0 access token supplier
 * that is asked again on every connection, so that a refreshed token is always used.
 *
 * <p>An access token goes to the server with SASL {@code XOAUTH2} ({@link #oauth2(Supplier)}, what
 * Google, Microsoft and Yahoo document), or with the standard {@code OAUTHBEARER} of RFC 7628
 * ({@link #oauthBearer(Supplier)}, what the OAuth profile for open public clients names), {@code
 * XOAUTH2} then serving only servers that do not offer {@code OAUTHBEARER}.
 *
 * <p><b>POP3 always uses {@code XOAUTH2}.</b> Angus Mail 2.0.5's POP3 provider has no SASL (its
 * {@code POP3Store} has the SASL login commented out, "maybe someday"): it logs in only with the
 * four authenticators its package-private {@code Protocol} makes in its constructor ({@code LOGIN},
 * {@code PLAIN}, {@code NTLM}, {@code XOAUTH2}), private inner classes in a private map. Neither
 * {@code mail.pop3.auth.mechanisms} (which only picks among those four and skips a name it does
 * not know) nor a subclass ({@code POP3Store} creates its {@code Protocol} in a package-private
 * method) can add one; only reflection into those internals could, which this library does not do.
 * So an {@code OAUTHBEARER} token goes to a POP3 server with {@code XOAUTH2} (Dovecot, Gmail and
 * Microsoft take it), and a refused POP3 login has no {@link BearerChallenge}.
 *
 * <p>The username normally comes from the {@link org.mailsettings.ServerSettings}; give one here
 * only to override it. {@link #toString()} never shows the secret.
 */
public final class Credentials {

  /** The kind of secret. */
  public enum Kind {
    /** A password (or an app password). */
    PASSWORD,
    /** An OAuth 2.0 access token, sent with SASL XOAUTH2 or OAUTHBEARER (see {@link #tokenMechanisms()}). */
    OAUTH2
  }

  private static final List<String> XOAUTH2 = List.of("XOAUTH2");
  private static final List<String> BEARER_FIRST = List.of("OAUTHBEARER", "XOAUTH2");

  private final Kind kind;
  private final @Nullable String username;
  private final Supplier<String> secret;
  private final List<String> tokenMechanisms;

  private Credentials(Kind kind, @Nullable String username, Supplier<String> secret, List<String> tokenMechanisms) {
    this.kind = kind;
    this.username = username;
    this.secret = secret;
    this.tokenMechanisms = tokenMechanisms;
  }

  private Credentials(Kind kind, @Nullable String username, Supplier<String> secret) {
    this(kind, username, secret, kind == Kind.OAUTH2 ? XOAUTH2 : List.of());
  }

  /**
   * {@return a password, with the username from the settings}
   *
   * @param password the password
   */
  public static Credentials password(String password) {
    Objects.requireNonNull(password, "password");
    return new Credentials(Kind.PASSWORD, null, () -> password);
  }

  /**
   * {@return a password with an explicit username that overrides the settings' one}
   *
   * @param username the login name
   * @param password the password
   */
  public static Credentials password(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    return new Credentials(Kind.PASSWORD, username, () -> password);
  }

  /**
   * {@return an OAuth 2.0 access token supplier, asked on every connection (return a fresh token when the
   * old one has expired), with the username from the settings}
   *
   * @param accessToken asked for an access token on every connection
   */
  public static Credentials oauth2(Supplier<String> accessToken) {
    return new Credentials(Kind.OAUTH2, null, Objects.requireNonNull(accessToken, "accessToken"));
  }

  /**
   * {@return an OAuth 2.0 access token supplier with an explicit username}
   *
   * @param username the login name
   * @param accessToken asked for an access token on every connection
   */
  public static Credentials oauth2(String username, Supplier<String> accessToken) {
    Objects.requireNonNull(username, "username");
    return new Credentials(Kind.OAUTH2, username, Objects.requireNonNull(accessToken, "accessToken"));
  }

  /**
   * {@return an OAuth 2.0 access token supplier, asked on every connection, sent with SASL {@code
   * OAUTHBEARER} (RFC 7628) where the server offers it and with {@code XOAUTH2} otherwise, with the
   * username from the settings}
   *
   * @param accessToken asked for an access token on every connection
   */
  public static Credentials oauthBearer(Supplier<String> accessToken) {
    return new Credentials(Kind.OAUTH2, null, Objects.requireNonNull(accessToken, "accessToken"), BEARER_FIRST);
  }

  /**
   * {@return an OAuth 2.0 access token supplier sent with {@code OAUTHBEARER} first (see {@link
   * #oauthBearer(Supplier)}), with an explicit username}
   *
   * @param username the login name (the RFC 7628 authorization identity)
   * @param accessToken asked for an access token on every connection
   */
  public static Credentials oauthBearer(String username, Supplier<String> accessToken) {
    Objects.requireNonNull(username, "username");
    return new Credentials(Kind.OAUTH2, username, Objects.requireNonNull(accessToken, "accessToken"), BEARER_FIRST);
  }

  /**
   * {@return the SASL mechanisms an access token is offered with, in order: {@code [XOAUTH2]} for
   * {@link #oauth2(Supplier)}, {@code [OAUTHBEARER, XOAUTH2]} for {@link #oauthBearer(Supplier)};
   * empty for a password}
   */
  public List<String> tokenMechanisms() {
    return tokenMechanisms;
  }

  /** {@return the kind of secret} */
  public Kind kind() {
    return kind;
  }

  /** {@return the username that overrides the settings' one, if given} */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /**
   * {@return the same secret with another username}
   *
   * @param newUsername the login name
   */
  public Credentials withUsername(String newUsername) {
    return new Credentials(kind, Objects.requireNonNull(newUsername, "newUsername"), secret, tokenMechanisms);
  }

  /** {@return the current secret: the password, or a token from the supplier (asked now)} */
  public String secret() {
    String value = secret.get();
    if (value == null) {
      throw new IllegalStateException("The credentials supplier returned no secret");
    }
    return value;
  }

  @Override
  public String toString() {
    return "Credentials[" + kind + (tokenMechanisms.isEmpty() ? "" : " " + String.join("/", tokenMechanisms))
        + (username == null ? "" : ", username=" + username) + ", secret=***]";
  }
}
