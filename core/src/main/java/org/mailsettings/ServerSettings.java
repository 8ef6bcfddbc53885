package org.mailsettings;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;
import org.mailsettings.internal.net.HostNames;

/**
 * Everything a client needs to connect and log in to one mail server: protocol, host, port,
 * security, authentication methods in the provider's order of preference, and the concrete
 * username, plus the extras some providers need (IMAP path prefix, TLS versions, message size
 * limit, POP3 leave-on-server).
 *
 * <p>Build one with {@link #builder()}; hosts are normalised to lower-case ASCII (an
 * internationalised name becomes its {@code xn--} form).
 *
 * <pre>{@code
 * ServerSettings smtp = ServerSettings.builder()
 *     .protocol(Protocol.SMTP).host("smtp.vizus.cz").port(465).security(Security.IMPLICIT_TLS)
 *     .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT).username("info@vizus.cz")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServerSettings {

  ServerSettings() {}

  /** {@return a builder; every attribute but the extras is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the protocol} */
  public abstract Protocol protocol();

  /** {@return the host name in lower-case ASCII form, or an IP address literal} */
  public abstract String host();

  /** {@return the TCP port, 1 to 65535} */
  public abstract int port();

  /** {@return how the connection is protected} */
  public abstract Security security();

  /** {@return the authentication methods the server accepts, the preferred first} Empty when nobody said. */
  public abstract List<AuthMethod> authMethods();

  /** {@return the login name, for example the full address; empty when no login is needed or known} */
  public abstract String username();

  /**
   * {@return the IMAP path prefix (the "IMAP server directory" of some clients), when the provider says
   * what it must be} Present and empty means "must be empty"; absent means "not specified".
   */
  public abstract Optional<String> imapPathPrefix();

  /**
   * {@return the TLS protocol versions the server accepts, as JSSE names them ({@code TLSv1.2}); empty
   * means the client's defaults}
   */
  public abstract List<String> tlsVersions();

  /** {@return the largest message the server accepts, in bytes, when the provider says} */
  public abstract OptionalLong maxMessageSize();

  /**
   * {@return whether the provider recommends leaving messages on the server, for POP3 (which
   * deletes them by default)} Absent when the provider does not say.
   */
  public abstract Optional<Boolean> leaveMessagesOnServer();

  /**
   * {@return these settings with another login name}
   *
   * @param username the login name
   */
  public ServerSettings withUsername(String username) {
    return ImmutableServerSettings.copyOf(this).withUsername(username);
  }

  /** {@return {@code host:port}, for messages and logs} */
  public String address() {
    return (host().indexOf(':') >= 0 ? "[" + host() + "]" : host()) + ":" + port();
  }

  /** {@return the first (preferred) authentication method, if any is known} */
  public Optional<AuthMethod> preferredAuthMethod() {
    return authMethods().isEmpty() ? Optional.empty() : Optional.of(authMethods().get(0));
  }

  /**
   * {@return whether this is the same server and connection as {@code other}: same protocol, host, port
   * and security} Authentication and username may differ.
   *
   * @param other the settings to compare with
   */
  public boolean sameEndpoint(ServerSettings other) {
    // The cheap comparisons first: the same host on other ports is the common case.
    return protocol() == other.protocol()
        && port() == other.port()
        && security() == other.security()
        && host().equals(other.host());
  }

  @Value.Check
  ServerSettings normalise() {
    if (port() < 1 || port() > 65535) {
      throw new InvalidSettingsException("Port " + port() + " is outside 1 to 65535");
    }
    Optional<String> normalised = HostNames.normalise(host());
    if (normalised.isEmpty()) {
      throw new InvalidSettingsException("\"" + host() + "\" is neither a host name nor an IP address");
    }
    String host = normalised.get();
    if (maxMessageSize().isPresent() && maxMessageSize().getAsLong() <= 0) {
      throw new InvalidSettingsException("Maximum message size must be positive: " + maxMessageSize().getAsLong());
    }
    // Both reach protocol commands: a CR or LF in them would let data inject commands.
    requireNoControlCharacters("username", username());
    Optional<String> imapPathPrefix = imapPathPrefix();
    if (imapPathPrefix.isPresent()) {
      requireNoControlCharacters("IMAP path prefix", imapPathPrefix.get());
    }
    if (!host.equals(host())) {
      return builder().from(this).host(host).build();
    }
    return this;
  }

  private static void requireNoControlCharacters(String what, String value) {
    // Printable ASCII needs one range check a character: the common case, for every settings
    // built (a dozen on every resolution); anything else is looked at closely.
    int printable = 0;
    while (printable < value.length() && value.charAt(printable) >= 0x20 && value.charAt(printable) < 0x7f) {
      printable++;
    }
    for (int i = printable; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || (Character.isSurrogate(c) && !validSurrogatePair(value, i))) {
        throw new InvalidSettingsException("The " + what + " contains a control character or a lone surrogate");
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
  }

  private static boolean validSurrogatePair(String value, int i) {
    return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
  }

  @Override
  public String toString() {
    return protocol() + " " + address() + " " + security() + " user=" + username() + " auth=" + authMethods();
  }

  /** Builds {@link ServerSettings}. */
  public static final class Builder {
    private final ImmutableServerSettings.Builder delegate = new ImmutableServerSettings.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ServerSettings} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ServerSettings instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerSettings#protocol() protocol} attribute.
     * @param protocol The value for protocol
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder protocol(Protocol protocol) {
      delegate.protocol(protocol);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerSettings#host() host} attribute.
     * @param host The value for host
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder host(String host) {
      delegate.host(host);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerSettings#port() port} attribute.
     * @param port The value for port
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder port(int port) {
      delegate.port(port);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerSettings#security() security} attribute.
     * @param security The value for security
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder security(Security security) {
      delegate.security(security);
      return this;
    }

    /**
     * Adds one element to {@link ServerSettings#authMethods() authMethods} list.
     * @param element A authMethods element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAuthMethods(AuthMethod element) {
      delegate.addAuthMethods(element);
      return this;
    }

    /**
     * Adds elements to {@link ServerSettings#authMethods() authMethods} list.
     * @param elements An array of authMethods elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAuthMethods(AuthMethod... elements) {
      delegate.addAuthMethods(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ServerSettings#authMethods() authMethods} list.
     * @param elements An iterable of authMethods elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authMethods(Iterable<? extends AuthMethod> elements) {
      delegate.authMethods(elements);
      return this;
    }

    /**
     * Adds elements to {@link ServerSettings#authMethods() authMethods} list.
     * @param elements An iterable of authMethods elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllAuthMethods(Iterable<? extends AuthMethod> elements) {
      delegate.addAllAuthMethods(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerSettings#username() username} attribute.
     * @param username The value for username
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder username(String username) {
      delegate.username(username);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerSettings#imapPathPrefix() imapPathPrefix} to imapPathPrefix.
     * @param imapPathPrefix The value for imapPathPrefix
     * @return {@code this} builder for chained invocation
     */
    public Builder imapPathPrefix(String imapPathPrefix) {
      delegate.imapPathPrefix(imapPathPrefix);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerSettings#imapPathPrefix() imapPathPrefix} to imapPathPrefix.
     * @param imapPathPrefix The value for imapPathPrefix
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder imapPathPrefix(Optional<String> imapPathPrefix) {
      delegate.imapPathPrefix(imapPathPrefix);
      return this;
    }

    /**
     * Adds one element to {@link ServerSettings#tlsVersions() tlsVersions} list.
     * @param element A tlsVersions element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addTlsVersions(String element) {
      delegate.addTlsVersions(element);
      return this;
    }

    /**
     * Adds elements to {@link ServerSettings#tlsVersions() tlsVersions} list.
     * @param elements An array of tlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addTlsVersions(String... elements) {
      delegate.addTlsVersions(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ServerSettings#tlsVersions() tlsVersions} list.
     * @param elements An iterable of tlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tlsVersions(Iterable<String> elements) {
      delegate.tlsVersions(elements);
      return this;
    }

    /**
     * Adds elements to {@link ServerSettings#tlsVersions() tlsVersions} list.
     * @param elements An iterable of tlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllTlsVersions(Iterable<String> elements) {
      delegate.addAllTlsVersions(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerSettings#maxMessageSize() maxMessageSize} to maxMessageSize.
     * @param maxMessageSize The value for maxMessageSize
     * @return {@code this} builder for chained invocation
     */
    public Builder maxMessageSize(long maxMessageSize) {
      delegate.maxMessageSize(maxMessageSize);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerSettings#maxMessageSize() maxMessageSize} to maxMessageSize.
     * @param maxMessageSize The value for maxMessageSize
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxMessageSize(OptionalLong maxMessageSize) {
      delegate.maxMessageSize(maxMessageSize);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerSettings#leaveMessagesOnServer() leaveMessagesOnServer} to leaveMessagesOnServer.
     * @param leaveMessagesOnServer The value for leaveMessagesOnServer
     * @return {@code this} builder for chained invocation
     */
    public Builder leaveMessagesOnServer(boolean leaveMessagesOnServer) {
      delegate.leaveMessagesOnServer(leaveMessagesOnServer);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerSettings#leaveMessagesOnServer() leaveMessagesOnServer} to leaveMessagesOnServer.
     * @param leaveMessagesOnServer The value for leaveMessagesOnServer
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder leaveMessagesOnServer(Optional<Boolean> leaveMessagesOnServer) {
      delegate.leaveMessagesOnServer(leaveMessagesOnServer);
      return this;
    }

    /**
     * Builds a new {@link ServerSettings ServerSettings}.
     * @return An immutable instance of ServerSettings
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ServerSettings build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
