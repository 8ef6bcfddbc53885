package org.mailsettings.clientconfig;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;
import org.mailsettings.AuthMethod;
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
   * {@return the host name template: the {@code hostname} element, or the project's {@code
   * <ms:hostname>} when present (it takes precedence for this library)}
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

  /** {@return the {@code authentication} values this library knows, in document order} */
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
  public static final class Builder extends ImmutableServerConfig.Builder {
    Builder() {}
  }
}
