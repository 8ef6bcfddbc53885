package org.mailsettings.clientconfig;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;
import org.mailsettings.AuthMethod;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.Protocol;
import org.mailsettings.Security;

/**
 * One usable server section ({@code incomingServer} or {@code outgoingServer}) of a clientConfig
 * document, with its host name and username still as templates.
 *
 * <p>Templates hold the draft's placeholders {@code %EMAILADDRESS%}, {@code %EMAILLOCALPART%}
 * and {@code %EMAILDOMAIN%}; they are expanded against an address by the resolver, once.
 */
@Value.Immutable
public abstract class ServerConfig {

  ServerConfig() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the protocol ({@code type} attribute)} */
  public abstract Protocol protocol();

  /**
   * {@return the host name template: the first usable {@code hostname} element, or the project's
   * {@code <ms:hostname>} when present (it takes precedence for this library)} Without a
   * placeholder it is a valid host name or IP address, as written.
   */
  public abstract String hostname();

  /**
   * {@return the text that replaces every dot of the domain substituted for {@code %EMAILDOMAIN%}
   * in {@link #hostname()}, when present} The SPOJE.NET form {@code firma--cz.mx.spoje.net} is
   * {@code %EMAILDOMAIN%.mx.spoje.net} with {@code --}. From {@code <ms:hostname
   * domainDots="--">}.
   */
  public abstract Optional<String> domainDotReplacement();

  /** {@return the port} */
  public abstract int port();

  /** {@return the {@code socketType}} */
  public abstract Security security();

  /**
   * {@return the {@code authentication} values this library knows, in document order, each once}
   * Never empty in a parsed document: the parser ignores a section with none (as the draft says).
   */
  public abstract List<AuthMethod> authMethods();

  /** {@return the username template; absent when the section has none} */
  public abstract Optional<String> username();

  /** {@return the IMAP path prefix from {@code <ms:imapPathPrefix>}; present and empty means "empty"} */
  public abstract Optional<String> imapPathPrefix();

  /** {@return TLS versions from {@code <ms:tlsVersions>}, JSSE names such as {@code TLSv1.2}} */
  public abstract List<String> tlsVersions();

  /** {@return the message size limit in bytes from {@code <ms:maxMessageSize>}} */
  public abstract OptionalLong maxMessageSize();

  /**
   * {@return POP3 {@code <pop3><leaveMessagesOnServer>} (a Thunderbird extension widely used in the ISPDB)}
   */
  public abstract Optional<Boolean> leaveMessagesOnServer();

  /** Builds a {@link ServerConfig}. */
  public static final class Builder {
    private final ImmutableServerConfig.Builder delegate = new ImmutableServerConfig.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ServerConfig} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ServerConfig instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerConfig#protocol() protocol} attribute.
     * @param protocol The value for protocol
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder protocol(Protocol protocol) {
      delegate.protocol(protocol);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerConfig#hostname() hostname} attribute.
     * @param hostname The value for hostname
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder hostname(String hostname) {
      delegate.hostname(hostname);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#domainDotReplacement() domainDotReplacement} to domainDotReplacement.
     * @param domainDotReplacement The value for domainDotReplacement
     * @return {@code this} builder for chained invocation
     */
    public Builder domainDotReplacement(String domainDotReplacement) {
      delegate.domainDotReplacement(domainDotReplacement);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#domainDotReplacement() domainDotReplacement} to domainDotReplacement.
     * @param domainDotReplacement The value for domainDotReplacement
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder domainDotReplacement(Optional<String> domainDotReplacement) {
      delegate.domainDotReplacement(domainDotReplacement);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerConfig#port() port} attribute.
     * @param port The value for port
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder port(int port) {
      delegate.port(port);
      return this;
    }

    /**
     * Initializes the value for the {@link ServerConfig#security() security} attribute.
     * @param security The value for security
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder security(Security security) {
      delegate.security(security);
      return this;
    }

    /**
     * Adds one element to {@link ServerConfig#authMethods() authMethods} list.
     * @param element A authMethods element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAuthMethods(AuthMethod element) {
      delegate.addAuthMethods(element);
      return this;
    }

    /**
     * Adds elements to {@link ServerConfig#authMethods() authMethods} list.
     * @param elements An array of authMethods elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAuthMethods(AuthMethod... elements) {
      delegate.addAuthMethods(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ServerConfig#authMethods() authMethods} list.
     * @param elements An iterable of authMethods elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authMethods(Iterable<? extends AuthMethod> elements) {
      delegate.authMethods(elements);
      return this;
    }

    /**
     * Adds elements to {@link ServerConfig#authMethods() authMethods} list.
     * @param elements An iterable of authMethods elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllAuthMethods(Iterable<? extends AuthMethod> elements) {
      delegate.addAllAuthMethods(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#username() username} to username.
     * @param username The value for username
     * @return {@code this} builder for chained invocation
     */
    public Builder username(String username) {
      delegate.username(username);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#username() username} to username.
     * @param username The value for username
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder username(Optional<String> username) {
      delegate.username(username);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#imapPathPrefix() imapPathPrefix} to imapPathPrefix.
     * @param imapPathPrefix The value for imapPathPrefix
     * @return {@code this} builder for chained invocation
     */
    public Builder imapPathPrefix(String imapPathPrefix) {
      delegate.imapPathPrefix(imapPathPrefix);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#imapPathPrefix() imapPathPrefix} to imapPathPrefix.
     * @param imapPathPrefix The value for imapPathPrefix
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder imapPathPrefix(Optional<String> imapPathPrefix) {
      delegate.imapPathPrefix(imapPathPrefix);
      return this;
    }

    /**
     * Adds one element to {@link ServerConfig#tlsVersions() tlsVersions} list.
     * @param element A tlsVersions element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addTlsVersions(String element) {
      delegate.addTlsVersions(element);
      return this;
    }

    /**
     * Adds elements to {@link ServerConfig#tlsVersions() tlsVersions} list.
     * @param elements An array of tlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addTlsVersions(String... elements) {
      delegate.addTlsVersions(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ServerConfig#tlsVersions() tlsVersions} list.
     * @param elements An iterable of tlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tlsVersions(Iterable<String> elements) {
      delegate.tlsVersions(elements);
      return this;
    }

    /**
     * Adds elements to {@link ServerConfig#tlsVersions() tlsVersions} list.
     * @param elements An iterable of tlsVersions elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllTlsVersions(Iterable<String> elements) {
      delegate.addAllTlsVersions(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#maxMessageSize() maxMessageSize} to maxMessageSize.
     * @param maxMessageSize The value for maxMessageSize
     * @return {@code this} builder for chained invocation
     */
    public Builder maxMessageSize(long maxMessageSize) {
      delegate.maxMessageSize(maxMessageSize);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#maxMessageSize() maxMessageSize} to maxMessageSize.
     * @param maxMessageSize The value for maxMessageSize
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxMessageSize(OptionalLong maxMessageSize) {
      delegate.maxMessageSize(maxMessageSize);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#leaveMessagesOnServer() leaveMessagesOnServer} to leaveMessagesOnServer.
     * @param leaveMessagesOnServer The value for leaveMessagesOnServer
     * @return {@code this} builder for chained invocation
     */
    public Builder leaveMessagesOnServer(boolean leaveMessagesOnServer) {
      delegate.leaveMessagesOnServer(leaveMessagesOnServer);
      return this;
    }

    /**
     * Initializes the optional value {@link ServerConfig#leaveMessagesOnServer() leaveMessagesOnServer} to leaveMessagesOnServer.
     * @param leaveMessagesOnServer The value for leaveMessagesOnServer
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder leaveMessagesOnServer(Optional<Boolean> leaveMessagesOnServer) {
      delegate.leaveMessagesOnServer(leaveMessagesOnServer);
      return this;
    }

    /**
     * Builds a new {@link ServerConfig ServerConfig}.
     * @return An immutable instance of ServerConfig
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ServerConfig build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
