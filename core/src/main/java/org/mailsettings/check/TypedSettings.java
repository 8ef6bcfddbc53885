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

  /** A builder; the address and the protocol are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The e-mail address as typed, with or without a display name. */
  public abstract String address();

  /** The protocol of the server the form is about. */
  public abstract Protocol protocol();

  /** The server's host name as typed; empty when nothing was typed. */
  @Value.Default
  public String host() {
    return "";
  }

  /** The port as typed; 0 when nothing was typed. */
  @Value.Default
  public int port() {
    return 0;
  }

  /** The security as the form's label shows it ("SSL/TLS", "TLS", "Brez SSL"), when given as a label. */
  public abstract Optional<String> securityLabel();

  /** The security, when the form gives it as a {@link Security} rather than a label. */
  public abstract Optional<Security> security();

  /** Whether the user says the server requires a login ("SMTP server requires authentication"); true by default. */
  @Value.Default
  public boolean loginRequired() {
    return true;
  }

  /**
   * How the user logs in when a login is required: {@link AuthMethod#PASSWORD_CLEARTEXT} (a
   * password; the default) or {@link AuthMethod#OAUTH2} (the form's "sign in with Google" or
   * "Microsoft" option).
   */
  @Value.Default
  public AuthMethod authMethod() {
    return AuthMethod.PASSWORD_CLEARTEXT;
  }

  /** The user name as typed; empty when nothing was typed. */
  @Value.Default
  public String username() {
    return "";
  }

  /** The IMAP path prefix ("IMAP server directory") as typed, when the form has the field. */
  public abstract Optional<String> imapPathPrefix();

  /**
   * MX hosts of the address's domain, the most preferred first, normalised to lower-case ASCII:
   * they identify hosters, as in {@link org.mailsettings.ResolutionRequest#mxHosts()}.
   */
  public abstract List<String> mxHosts();

  /** Whether the MX hosts are authenticated (DNSSEC or the application's own configuration); off by default. */
  @Value.Default
  public boolean mxHostsAuthenticated() {
    return false;
  }

  /**
   * These settings with a fix applied, as a form applies it: protocol, host, port, security (as a
   * {@link Security}; the label is cleared), whether a login is needed and how, the user name and,
   * when the fix says, the IMAP path prefix. The address and the MX hosts stay.
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
  public static final class Builder extends ImmutableTypedSettings.Builder {
    Builder() {}
  }
}
