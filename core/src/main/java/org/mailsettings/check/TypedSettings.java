package org.mailsettings.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.AuthMethod;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.internal.net.HostNames;

/**
 * What the user typed into a mail settings form, as typed: the address (a display name allowed:
 * {@code Jan Novák <info@novak.cz>}), the protocol, the server and port, the security as the
 * form's label ("SSL", "TLS", "Bez zabezpečení") or as a {@link Security}, whether the server
 * requires a login and how (a password or OAuth 2.0), the user name and, for IMAP, the path
 * prefix. Nothing is refused here: an unreadable address, host, port or label is a {@link
 * Finding} of the check, so that it can be shown beside its field.
 *
 * <p>The MX hosts of the address's domain, when the application knows them, let the check
 * recognise a hoster's customers ({@code firma--cz.mx.spoje.net}: SPOJE.NET).
 *
 * <pre>{@code
 * TypedSettings form = TypedSettings.builder()
 *     .address("Jan Novák <info@vizus.cz>").protocol(Protocol.SMTP)
 *     .host("smtp.vizus.cz").port(587).securityLabel("SSL")
 *     .username("info")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class TypedSettings {

  TypedSettings() {}

  /**
   * A builder; the address and the protocol are required.
   *
   * @return a builder; the address and the protocol are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The e-mail address as typed, with or without a display name.
   *
   * @return the e-mail address as typed, with or without a display name
   */
  public abstract String address();

  /**
   * The protocol of the server the form is about.
   *
   * @return the protocol of the server the form is about
   */
  public abstract Protocol protocol();

  /**
   * The server's host name as typed; empty when nothing was typed.
   *
   * @return the server's host name as typed; empty when nothing was typed
   */
  @Value.Default
  public String host() {
    return "";
  }

  /**
   * The port as typed; 0 when nothing was typed.
   *
   * @return the port as typed; 0 when nothing was typed
   */
  @Value.Default
  public int port() {
    return 0;
  }

  /**
   * The security as the form's label shows it ("SSL/TLS", "TLS", "Brez SSL"), when given as a label.
   *
   * @return the security as the form's label shows it ("SSL/TLS", "TLS", "Brez SSL"), when given as
   *     a label
   */
  public abstract Optional<String> securityLabel();

  /**
   * The security, when the form gives it as a {@link Security} rather than a label.
   *
   * @return the security, when the form gives it as a {@link Security} rather than a label
   */
  public abstract Optional<Security> security();

  /**
   * Whether the user says the server requires a login ("SMTP server requires authentication"); true by default.
   *
   * @return whether the user says the server requires a login ("SMTP server requires
   *     authentication"); true by default
   */
  @Value.Default
  public boolean loginRequired() {
    return true;
  }

  /**
   * How the user logs in when a login is required: {@link AuthMethod#PASSWORD_CLEARTEXT} (a
   * password; the default) or {@link AuthMethod#OAUTH2} (the form's "sign in with Google" or
   * "Microsoft" option).
   *
   * @return how the user logs in when a login is required: {@link AuthMethod#PASSWORD_CLEARTEXT} (a
   *     password; the default) or {@link AuthMethod#OAUTH2} (the form's "sign in with Google" or
   *     "Microsoft" option)
   */
  @Value.Default
  public AuthMethod authMethod() {
    return AuthMethod.PASSWORD_CLEARTEXT;
  }

  /**
   * The user name as typed; empty when nothing was typed.
   *
   * @return the user name as typed; empty when nothing was typed
   */
  @Value.Default
  public String username() {
    return "";
  }

  /**
   * The IMAP path prefix ("IMAP server directory") as typed, when the form has the field.
   *
   * @return the IMAP path prefix ("IMAP server directory") as typed, when the form has the field
   */
  public abstract Optional<String> imapPathPrefix();

  /**
   * MX hosts of the address's domain, the most preferred first, normalised to lower-case ASCII:
   * they identify hosters, as in {@link org.mailsettings.ResolutionRequest#mxHosts()}.
   *
   * @return the MX hosts of the address's domain, the most preferred first, normalised to
   *     lower-case ASCII: they identify hosters, as in {@link
   *     org.mailsettings.ResolutionRequest#mxHosts()}
   */
  public abstract List<String> mxHosts();

  /**
   * Whether the MX hosts are authenticated (DNSSEC or the application's own configuration); off by default.
   *
   * @return whether the MX hosts are authenticated (DNSSEC or the application's own configuration);
   *     off by default
   */
  @Value.Default
  public boolean mxHostsAuthenticated() {
    return false;
  }

  /**
   * These settings with a fix applied, as a form applies it: protocol, host, port, security (as a
   * {@link Security}; the label is cleared), whether a login is needed and how, the user name and,
   * when the fix says, the IMAP path prefix. The address and the MX hosts stay.
   *
   * @param fix a finding's fix, complete settings
   * @return these settings with a fix applied, as a form applies it: protocol, host, port, security
   *     (as a {@link Security}; the label is cleared), whether a login is needed and how, the user
   *     name and, when the fix says, the IMAP path prefix
   */
  public TypedSettings apply(ServerSettings fix) {
    List<AuthMethod> methods = fix.authMethods();
    boolean login =
        methods.isEmpty()
            ? loginRequired()
            : !methods.stream().allMatch(m -> m.equals(AuthMethod.NONE) || m.equals(AuthMethod.CLIENT_IP_ADDRESS));
    AuthMethod method =
        fix.preferredAuthMethod().filter(AuthMethod.OAUTH2::equals).isPresent() ? AuthMethod.OAUTH2 : AuthMethod.PASSWORD_CLEARTEXT;
    Builder builder = new Builder();
    builder
        .from(this)
        .protocol(fix.protocol())
        .host(fix.host())
        .port(fix.port())
        .securityLabel(Optional.empty())
        .security(fix.security())
        .loginRequired(login)
        .authMethod(methods.isEmpty() ? authMethod() : method)
        .username(fix.username());
    if (fix.imapPathPrefix().isPresent()) {
      builder.imapPathPrefix(fix.imapPathPrefix().get());
    }
    return builder.build();
  }

  @Value.Check
  TypedSettings normalise() {
    if (securityLabel().isPresent() && security().isPresent()) {
      throw new InvalidSettingsException("Give the security either as the form's label or as a Security, not both");
    }
    boolean changed = false;
    List<String> normalised = new ArrayList<>();
    for (String host : mxHosts()) {
      String ascii =
          HostNames.normalise(host)
              .filter(h -> !HostNames.isIpLiteral(h))
              .orElseThrow(() -> new InvalidSettingsException("\"" + host + "\" is not an MX host name"));
      changed |= !ascii.equals(host);
      normalised.add(ascii);
    }
    if (changed) {
      return new Builder().from(this).mxHosts(normalised).build();
    }
    return this;
  }

  @Override
  public String toString() {
    return protocol() + " " + host() + ":" + port() + " "
        + securityLabel().map(l -> "\"" + l + "\"").orElseGet(() -> security().map(Security::name).orElse("(no security)"))
        + (loginRequired() ? " login " + authMethod() + " user=" + username() : " no login")
        + imapPathPrefix().map(p -> " prefix=\"" + p + "\"").orElse("")
        + " for " + address()
        + (mxHosts().isEmpty() ? "" : " MX " + mxHosts());
  }

  /** Builds {@link TypedSettings}. */
  public static final class Builder {
    private final ImmutableTypedSettings.Builder delegate = new ImmutableTypedSettings.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code TypedSettings} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(TypedSettings instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#address() address} attribute.
     * @param address The value for address
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder address(String address) {
      delegate.address(address);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#protocol() protocol} attribute.
     * @param protocol The value for protocol
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder protocol(Protocol protocol) {
      delegate.protocol(protocol);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#host() host} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link TypedSettings#host() host}.</em>
     * @param host The value for host
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder host(String host) {
      delegate.host(host);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#port() port} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link TypedSettings#port() port}.</em>
     * @param port The value for port
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder port(int port) {
      delegate.port(port);
      return this;
    }

    /**
     * Initializes the optional value {@link TypedSettings#securityLabel() securityLabel} to securityLabel.
     * @param securityLabel The value for securityLabel
     * @return {@code this} builder for chained invocation
     */
    public Builder securityLabel(String securityLabel) {
      delegate.securityLabel(securityLabel);
      return this;
    }

    /**
     * Initializes the optional value {@link TypedSettings#securityLabel() securityLabel} to securityLabel.
     * @param securityLabel The value for securityLabel
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder securityLabel(Optional<String> securityLabel) {
      delegate.securityLabel(securityLabel);
      return this;
    }

    /**
     * Initializes the optional value {@link TypedSettings#security() security} to security.
     * @param security The value for security
     * @return {@code this} builder for chained invocation
     */
    public Builder security(Security security) {
      delegate.security(security);
      return this;
    }

    /**
     * Initializes the optional value {@link TypedSettings#security() security} to security.
     * @param security The value for security
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder security(Optional<? extends Security> security) {
      delegate.security(security);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#loginRequired() loginRequired} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link TypedSettings#loginRequired() loginRequired}.</em>
     * @param loginRequired The value for loginRequired
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder loginRequired(boolean loginRequired) {
      delegate.loginRequired(loginRequired);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#authMethod() authMethod} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link TypedSettings#authMethod() authMethod}.</em>
     * @param authMethod The value for authMethod
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder authMethod(AuthMethod authMethod) {
      delegate.authMethod(authMethod);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#username() username} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link TypedSettings#username() username}.</em>
     * @param username The value for username
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder username(String username) {
      delegate.username(username);
      return this;
    }

    /**
     * Initializes the optional value {@link TypedSettings#imapPathPrefix() imapPathPrefix} to imapPathPrefix.
     * @param imapPathPrefix The value for imapPathPrefix
     * @return {@code this} builder for chained invocation
     */
    public Builder imapPathPrefix(String imapPathPrefix) {
      delegate.imapPathPrefix(imapPathPrefix);
      return this;
    }

    /**
     * Initializes the optional value {@link TypedSettings#imapPathPrefix() imapPathPrefix} to imapPathPrefix.
     * @param imapPathPrefix The value for imapPathPrefix
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder imapPathPrefix(Optional<String> imapPathPrefix) {
      delegate.imapPathPrefix(imapPathPrefix);
      return this;
    }

    /**
     * Adds one element to {@link TypedSettings#mxHosts() mxHosts} list.
     * @param element A mxHosts element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMxHosts(String element) {
      delegate.addMxHosts(element);
      return this;
    }

    /**
     * Adds elements to {@link TypedSettings#mxHosts() mxHosts} list.
     * @param elements An array of mxHosts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMxHosts(String... elements) {
      delegate.addMxHosts(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link TypedSettings#mxHosts() mxHosts} list.
     * @param elements An iterable of mxHosts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mxHosts(Iterable<String> elements) {
      delegate.mxHosts(elements);
      return this;
    }

    /**
     * Adds elements to {@link TypedSettings#mxHosts() mxHosts} list.
     * @param elements An iterable of mxHosts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllMxHosts(Iterable<String> elements) {
      delegate.addAllMxHosts(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link TypedSettings#mxHostsAuthenticated() mxHostsAuthenticated} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link TypedSettings#mxHostsAuthenticated() mxHostsAuthenticated}.</em>
     * @param mxHostsAuthenticated The value for mxHostsAuthenticated
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mxHostsAuthenticated(boolean mxHostsAuthenticated) {
      delegate.mxHostsAuthenticated(mxHostsAuthenticated);
      return this;
    }

    /**
     * Builds a new {@link TypedSettings TypedSettings}.
     * @return An immutable instance of TypedSettings
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public TypedSettings build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
