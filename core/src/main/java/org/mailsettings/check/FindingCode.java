package org.mailsettings.check;

/**
 * What a {@link Finding} says, as a code. Each constant has a fixed {@linkplain #severity()
 * severity}, concerns one {@linkplain #field() field} and names the arguments its finding carries,
 * in order; the words for people come from the library's resource bundles, in the user's language
 * ({@link Finding#message(java.util.Locale)}). Arguments that are a security are given as the
 * {@link org.mailsettings.Security} constant's name and rendered in words ("SSL/TLS").
 *
 * <p>The first group is the offline check ({@link SettingsCheck}); the second is what a probe and
 * a login show (the Jakarta Mail adapter's {@code LiveCheck}). New codes may be added in later
 * versions: do not switch over them exhaustively.
 */
public enum FindingCode {
  // What was typed cannot be read
  /** The address cannot be read. Argument: the address as typed. */
  ADDRESS_INVALID(Severity.ERROR, SettingsField.ADDRESS, 1),
  /** No server name was given. No arguments. */
  HOST_MISSING(Severity.ERROR, SettingsField.HOST, 0),
  /** The server name is neither a host name nor an IP address. Argument: the name as typed. */
  HOST_INVALID(Severity.ERROR, SettingsField.HOST, 1),
  /** The port is not 1 to 65535. Argument: the port. */
  PORT_OUT_OF_RANGE(Severity.ERROR, SettingsField.PORT, 1),
  /** No security was chosen. No arguments. */
  SECURITY_MISSING(Severity.ERROR, SettingsField.SECURITY, 0),
  /** The security label is not one the library can read. Argument: the label. */
  SECURITY_LABEL_UNKNOWN(Severity.ERROR, SettingsField.SECURITY, 1),
  /** The user name contains a control character (a line break, say). No arguments. */
  USERNAME_INVALID(Severity.ERROR, SettingsField.USERNAME, 0),
  /** The IMAP path prefix contains a control character. No arguments. */
  IMAP_PATH_PREFIX_INVALID(Severity.ERROR, SettingsField.IMAP_PATH_PREFIX, 0),

  // The settings contradict themselves
  /** The port is another protocol's (993 for SMTP). Arguments: the port, the protocol it is for, the protocol chosen. */
  PORT_OF_OTHER_PROTOCOL(Severity.ERROR, SettingsField.PORT, 3),
  /**
   * The security contradicts the port ("SSL" on 587, "TLS" on 465, "None" on 993). Arguments: the
   * port, the security the port is for (a security), the security chosen (the label as typed, or a
   * security).
   */
  SECURITY_CONTRADICTS_PORT(Severity.ERROR, SettingsField.SECURITY, 3, 1, 2),
  /** The password would travel unencrypted. No arguments. */
  PASSWORD_UNENCRYPTED(Severity.WARNING, SettingsField.SECURITY, 0),
  /** The connection is not encrypted (no login: an internal relay, say). No arguments. */
  UNENCRYPTED(Severity.NOTE, SettingsField.SECURITY, 0),
  /** SMTP with a login on port 25, which Internet providers often block. No arguments. */
  PORT_25_SUBMISSION(Severity.WARNING, SettingsField.PORT, 0),

  // Compared with what the provider says
  /** The provider of the address's domain is known. Arguments: the provider, the domain. */
  PROVIDER_KNOWN(Severity.NOTE, SettingsField.ADDRESS, 2),
  /** The hoster is known by the MX host the caller gave. Arguments: the provider, the domain, the MX host. */
  PROVIDER_BY_MX(Severity.NOTE, SettingsField.ADDRESS, 3),
  /** The domain is unknown, but the server name is a known provider's. Arguments: the provider, the host. */
  PROVIDER_BY_HOST(Severity.NOTE, SettingsField.HOST, 2),
  /** No provider is known: the settings are checked against each other only. Argument: the domain. */
  PROVIDER_UNKNOWN(Severity.NOTE, SettingsField.ADDRESS, 1),
  /** The server name is not one the provider uses. Arguments: the provider, the host typed, the provider's hosts. */
  HOST_NOT_PROVIDERS(Severity.WARNING, SettingsField.HOST, 3),
  /**
   * The hoster derives the server name from the customer's domain (SPOJE.NET: {@code
   * firma--cz.mx.spoje.net}) and the name typed is another. Arguments: the provider, the domain,
   * the host by the rule, the host typed.
   */
  HOST_NOT_HOSTERS_RULE(Severity.WARNING, SettingsField.HOST, 4),
  /** The provider serves the host on other ports. Arguments: the provider, the host, the port typed, the provider's ports. */
  PORT_NOT_PROVIDERS(Severity.WARNING, SettingsField.PORT, 4),
  /**
   * The provider uses another security on this port. Arguments: the provider, {@code host:port},
   * the provider's security (a security), the security chosen (the label as typed, or a security).
   */
  SECURITY_NOT_PROVIDERS(Severity.ERROR, SettingsField.SECURITY, 4, 2, 3),
  /**
   * With SSL/TLS the hoster's certificate names the hosting server, not {@code mail.<domain>}
   * (NEOSERV): use the server's own name. Arguments: the provider, the host typed, the server's
   * name (from the MX host) or its pattern.
   */
  CERTIFICATE_NAMES_SERVER(Severity.WARNING, SettingsField.HOST, 3),
  /** No user name, though the server needs a login. Argument: the user name to use. */
  USERNAME_MISSING(Severity.ERROR, SettingsField.USERNAME, 1),
  /** The user name must be the full address (mailbox@domain). Arguments: the user name typed, the one to use. */
  USERNAME_NOT_FULL_ADDRESS(Severity.ERROR, SettingsField.USERNAME, 2),
  /** The user name must be the mailbox name without the domain. Arguments: the user name typed, the one to use. */
  USERNAME_NOT_MAILBOX_NAME(Severity.ERROR, SettingsField.USERNAME, 2),
  /** The user name is not the one the provider's rule gives. Arguments: the provider, the user name typed, the rule's. */
  USERNAME_DIFFERS(Severity.WARNING, SettingsField.USERNAME, 3),
  /** The provider says the IMAP path prefix must be empty (VIZUS: it used to be INBOX). Arguments: the provider, the prefix typed. */
  IMAP_PATH_PREFIX_MUST_BE_EMPTY(Severity.WARNING, SettingsField.IMAP_PATH_PREFIX, 2),
  /** The provider says the IMAP path prefix must be another. Arguments: the provider, the prefix typed, the provider's. */
  IMAP_PATH_PREFIX_DIFFERS(Severity.WARNING, SettingsField.IMAP_PATH_PREFIX, 3),
  /** The server requires a login, and the form says it does not. Argument: the provider. */
  LOGIN_REQUIRED(Severity.ERROR, SettingsField.AUTHENTICATION, 1),
  /** The provider accepts OAuth 2.0 sign-in only: a password will be refused. Argument: the provider. */
  OAUTH2_REQUIRED(Severity.ERROR, SettingsField.AUTHENTICATION, 1),
  /** The provider refuses the normal password: OAuth 2.0 sign-in, or an app password. Argument: the provider. */
  OAUTH2_OR_APP_PASSWORD(Severity.WARNING, SettingsField.AUTHENTICATION, 1),
  /** OAuth 2.0 was chosen, and the provider does not offer it. Argument: the provider. */
  OAUTH2_NOT_OFFERED(Severity.ERROR, SettingsField.AUTHENTICATION, 1),

  // What a probe and a login show
  /** The server name does not exist in DNS. Argument: the host. */
  HOST_NOT_FOUND(Severity.ERROR, SettingsField.HOST, 1),
  /** The server cannot be reached (no route). Argument: {@code host:port}. */
  SERVER_UNREACHABLE(Severity.ERROR, SettingsField.HOST, 1),
  /** Nothing accepts connections on the port (connection refused). Arguments: the host, the port. */
  CONNECTION_REFUSED(Severity.ERROR, SettingsField.PORT, 2),
  /** No answer in time: a firewall may drop the port. Arguments: the host, the port. */
  CONNECTION_TIMED_OUT(Severity.ERROR, SettingsField.PORT, 2),
  /** STARTTLS was chosen and the server does not offer it. Argument: {@code host:port}. */
  STARTTLS_NOT_OFFERED(Severity.ERROR, SettingsField.SECURITY, 1),
  /** The port speaks TLS from the first byte: SSL/TLS, not STARTTLS or none. Argument: the port. */
  TLS_EXPECTED(Severity.ERROR, SettingsField.SECURITY, 1),
  /** SSL/TLS was chosen and the port answers in plaintext. Argument: the port. */
  TLS_NOT_SPOKEN(Severity.ERROR, SettingsField.SECURITY, 1),
  /** Another mail protocol answers on the port. Arguments: {@code host:port}, the protocol that answers, the protocol chosen. */
  OTHER_PROTOCOL_ANSWERS(Severity.ERROR, SettingsField.PORT, 3),
  /** What answers is not a mail server. Argument: {@code host:port}. */
  NOT_A_MAIL_SERVER(Severity.ERROR, SettingsField.PORT, 1),
  /** The TLS handshake failed: an untrusted or expired certificate, or no common TLS version. Argument: the host. */
  TLS_FAILED(Severity.ERROR, SettingsField.SECURITY, 1),
  /** The certificate is valid but names other hosts. Arguments: the host, the names on the certificate. */
  CERTIFICATE_NAME_MISMATCH(Severity.ERROR, SettingsField.HOST, 2),
  /** The server does not offer the chosen login mechanism. Arguments: the host, the mechanisms wanted, those offered. */
  AUTH_MECHANISM_NOT_OFFERED(Severity.ERROR, SettingsField.AUTHENTICATION, 3),
  /** The server refused the user name or the password. Argument: the user name. */
  LOGIN_FAILED(Severity.ERROR, SettingsField.PASSWORD, 1),
  /** The server refused the login for another reason than the password (account disabled, too many attempts). Arguments: the host, the server's words. */
  LOGIN_REFUSED(Severity.ERROR, SettingsField.AUTHENTICATION, 2),
  /** The server refused the password because it wants OAuth 2.0 sign-in (or an app password). Argument: the host. */
  LOGIN_NEEDS_OAUTH2(Severity.ERROR, SettingsField.AUTHENTICATION, 1),
  /** The OAuth 2.0 grant has expired or was revoked: the user must sign in again. No arguments. */
  SIGN_IN_REQUIRED(Severity.ERROR, SettingsField.AUTHENTICATION, 0),
  /** The login ended with an error of the server or the connection. Arguments: the host, the detail. */
  LOGIN_ERROR(Severity.ERROR, SettingsField.AUTHENTICATION, 2),
  /** The login was not tried, so that the password does not travel unencrypted. No arguments. */
  LOGIN_NOT_TRIED(Severity.NOTE, SettingsField.PASSWORD, 0),
  /** The server was not tested: the settings cannot be read. No arguments. */
  LIVE_CHECK_SKIPPED(Severity.NOTE, SettingsField.HOST, 0),
  /** The probe itself failed, which says nothing about the server. Argument: the detail. */
  PROBE_FAILED(Severity.WARNING, SettingsField.HOST, 1),
  /** The server answers, secured as chosen. Arguments: {@code host:port}, the protocol. */
  SERVER_ANSWERS(Severity.NOTE, SettingsField.HOST, 2),
  /** The login worked. Argument: the user name. */
  LOGIN_OK(Severity.NOTE, SettingsField.PASSWORD, 1);

  private final Severity severity;
  private final SettingsField field;
  private final int arguments;
  private final int securityArguments;

  FindingCode(Severity severity, SettingsField field, int arguments, int... securityArguments) {
    this.severity = severity;
    this.field = field;
    this.arguments = arguments;
    int mask = 0;
    for (int index : securityArguments) {
      mask |= 1 << index;
    }
    this.securityArguments = mask;
  }

  /**
   * How bad a finding of this code is.
   *
   * @return how bad a finding of this code is
   */
  public Severity severity() {
    return severity;
  }

  /**
   * The field of the form the finding concerns.
   *
   * @return the field of the form the finding concerns
   */
  public SettingsField field() {
    return field;
  }

  /**
   * How many arguments a finding of this code carries.
   *
   * @return how many arguments a finding of this code carries
   */
  public int argumentCount() {
    return arguments;
  }

  /**
   * Whether the argument at {@code index} is a security, rendered in words.
   *
   * @param index the argument's position, from 0
   * @return whether the argument at {@code index} is a security, rendered in words
   */
  public boolean isSecurityArgument(int index) {
    return index >= 0 && index < 31 && (securityArguments & (1 << index)) != 0;
  }
}
