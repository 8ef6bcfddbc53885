package org.mailsettings.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Protocol;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mailsettings.*} properties: the account (address, and a password or an OAuth 2.0
 * client registration with a refresh token), where settings may come from (the bundled database, a providers directory, MX hints, discovery over the network),
 * which of them may be used without asking, and whether the servers are checked at start-up.
 *
 * <pre>
 * mailsettings.address=Jan Novák &lt;jan@firma.cz&gt;
 * mailsettings.password=${MAIL_PASSWORD}
 * mailsettings.mx-hosts=firma--cz.mx.spoje.net
 * mailsettings.verification.mode=fail
 * </pre>
 *
 * <p>For a provider that wants OAuth 2.0 (Gmail, Microsoft 365), instead of the password, with
 * {@code mailsettings-oauth2} on the class path:
 *
 * <pre>
 * mailsettings.address=jan@firma.cz
 * mailsettings.oauth2.client-id=${MAIL_CLIENT_ID}
 * mailsettings.oauth2.refresh-token=${MAIL_REFRESH_TOKEN}
 * </pre>
 */
@ConfigurationProperties("mailsettings")
public class MailSettingsProperties {

  /** What to do with the outgoing servers at start-up. */
  public enum VerificationMode {
    /** Nothing: the best candidate the settings' trust allows is used as it is. */
    OFF,
    /** Log in; use the best candidate that worked, else log the outcomes and go on with the best candidate. */
    LOG,
    /** Log in; use the best candidate that worked, else fail the start-up. */
    FAIL
  }

  /**
   * The account's e-mail address, display name included ("Jan Novák <jan@firma.cz>"). Setting
   * it gives the application a JavaMailSender for this account (unless spring.mail.host is set).
   */
  private @Nullable String address;

  /** The account's password (or app password); not together with mailsettings.oauth2.*. */
  private @Nullable String password;

  /** The login name, only when it differs from the one the settings name (usually the address). */
  private @Nullable String username;

  /**
   * MX hosts of the address's domain, most preferred first: they identify a hoster whose
   * customers keep their own domains. Taken as authenticated, since they come from your own
   * configuration.
   */
  private List<String> mxHosts = new ArrayList<>();

  /** A directory of provider files (clientConfig XML, one provider a file), consulted first. */
  private @Nullable Path providersDirectory;

  /**
   * Registrable domains of servers (as a resolution's host domains name them, such as
   * "spoje.net"), or IP addresses, that you confirm: settings that need confirmation (plain HTTP,
   * unsigned DNS) are used only for these.
   */
  private Set<String> confirmedDomains = new LinkedHashSet<>();

  /** The incoming protocol whose servers come first. */
  private Protocol preferredIncoming = Protocol.IMAP;

  /** Whether servers without any encryption may be used at all. */
  private boolean allowPlaintext;

  /**
   * The name of an SSL bundle (spring.ssl.bundle.*) whose trust material replaces the JDK's
   * authorities, for a private certificate authority. Host names are verified either way.
   */
  private @Nullable String sslBundle;

  /** How long to wait for a TCP connection to a mail server. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** How long to wait for each read from a mail server. */
  private Duration readTimeout = Duration.ofSeconds(30);

  /** Discovery over the network, for domains no provider file knows. */
  private final Discovery discovery = new Discovery();

  /** Checking the outgoing servers by logging in at start-up. */
  private final Verification verification = new Verification();

  /** Signing in with OAuth 2.0 instead of a password (needs mailsettings-oauth2 on the class path). */
  private final OAuth2 oauth2 = new OAuth2();

  /** Properties with their defaults: no account, offline, no verification. */
  public MailSettingsProperties() {}

  /** Discovery over the network. */
  public static class Discovery {
    /** Off, with a 10 s deadline. */
    public Discovery() {}

    /**
     * Whether to discover over the network (autoconfig, ISPDB, MX, SRV, Autodiscover) at start-up
     * when the bundled database and the providers directory do not know the domain.
     */
    private boolean enabled;

    /** The bound of the whole discovery. */
    private Duration deadline = Duration.ofSeconds(10);

    /** {@return whether to discover over the network} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether to discover over the network.
     *
     * @param enabled whether it is consulted
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the bound of the whole discovery} */
    public Duration getDeadline() {
      return deadline;
    }

    /**
     * Sets the bound of the whole discovery.
     *
     * @param deadline the deadline
     */
    public void setDeadline(Duration deadline) {
      this.deadline = deadline;
    }
  }

  /** Checking the outgoing servers at start-up. */
  public static class Verification {
    /** Off, with a 30 s deadline. */
    public Verification() {}

    /** Whether to log in to the outgoing servers at start-up, and what a failure does. */
    private VerificationMode mode = VerificationMode.OFF;

    /** The bound of the whole verification. */
    private Duration deadline = Duration.ofSeconds(30);

    /** {@return what to do at start-up} */
    public VerificationMode getMode() {
      return mode;
    }

    /**
     * Sets what to do at start-up.
     *
     * @param mode the mode
     */
    public void setMode(VerificationMode mode) {
      this.mode = mode;
    }

    /** {@return the bound of the whole verification} */
    public Duration getDeadline() {
      return deadline;
    }

    /**
     * Sets the bound of the whole verification.
     *
     * @param deadline the deadline
     */
    public void setDeadline(Duration deadline) {
      this.deadline = deadline;
    }
  }

  /**
   * Signing in with OAuth 2.0 instead of a password: the application's own client registration
   * at the provider, and a refresh token obtained once (or the application's {@code
   * org.mailsettings.oauth2.TokenStore} bean). The provider's endpoints and scopes come from the
   * resolved provider data, never from here.
   */
  public static class OAuth2 {
    /** Nothing set. */
    public OAuth2() {}

    /**
     * The client id the provider gave the application (the library ships none). Setting it signs
     * the account in with OAuth 2.0 (XOAUTH2) instead of mailsettings.password.
     */
    private @Nullable String clientId;

    /** The client secret, for providers that issue one to the application (Google does); leave it out for a public client. */
    private @Nullable String clientSecret;

    /**
     * A refresh token for the account, obtained once by the operator (a sign-in with the same
     * client id): access tokens are refreshed with it as needed. Not used when the application
     * defines a TokenStore bean.
     */
    private @Nullable String refreshToken;

    /** {@return the client id, if set} */
    public @Nullable String getClientId() {
      return clientId;
    }

    /**
     * Sets the client id.
     *
     * @param clientId the client id the provider gave the application
     */
    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId;
    }

    /** {@return the client secret, if set} */
    public @Nullable String getClientSecret() {
      return clientSecret;
    }

    /**
     * Sets the client secret.
     *
     * @param clientSecret the client secret
     */
    public void setClientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
    }

    /** {@return the refresh token, if set} */
    public @Nullable String getRefreshToken() {
      return refreshToken;
    }

    /**
     * Sets the refresh token.
     *
     * @param refreshToken the refresh token
     */
    public void setRefreshToken(@Nullable String refreshToken) {
      this.refreshToken = refreshToken;
    }

    @Override
    public String toString() {
      return "OAuth2[client id " + clientId + (clientSecret == null ? "" : ", secret=***")
          + (refreshToken == null ? "" : ", refresh token=***") + "]";
    }
  }

  /** {@return the account's address, if set} */
  public @Nullable String getAddress() {
    return address;
  }

  /**
   * Sets the account's address.
   *
   * @param address the e-mail address
   */
  public void setAddress(@Nullable String address) {
    this.address = address;
  }

  /** {@return the password, if set} */
  public @Nullable String getPassword() {
    return password;
  }

  /**
   * Sets the password.
   *
   * @param password the password
   */
  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /** {@return the login name that overrides the settings' one, if set} */
  public @Nullable String getUsername() {
    return username;
  }

  /**
   * Sets the login name that overrides the settings' one.
   *
   * @param username the login name
   */
  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  /** {@return the MX hosts of the address's domain} */
  public List<String> getMxHosts() {
    return mxHosts;
  }

  /**
   * Sets the MX hosts of the address's domain.
   *
   * @param mxHosts the mx hosts
   */
  public void setMxHosts(List<String> mxHosts) {
    this.mxHosts = mxHosts;
  }

  /** {@return the providers directory, if set} */
  public @Nullable Path getProvidersDirectory() {
    return providersDirectory;
  }

  /**
   * Sets the providers directory.
   *
   * @param providersDirectory the providers directory
   */
  public void setProvidersDirectory(@Nullable Path providersDirectory) {
    this.providersDirectory = providersDirectory;
  }

  /** {@return the confirmed domains} */
  public Set<String> getConfirmedDomains() {
    return confirmedDomains;
  }

  /**
   * Sets the confirmed domains.
   *
   * @param confirmedDomains the confirmed domains
   */
  public void setConfirmedDomains(Set<String> confirmedDomains) {
    this.confirmedDomains = confirmedDomains;
  }

  /** {@return the preferred incoming protocol} */
  public Protocol getPreferredIncoming() {
    return preferredIncoming;
  }

  /**
   * Sets the preferred incoming protocol.
   *
   * @param preferredIncoming the preferred incoming
   */
  public void setPreferredIncoming(Protocol preferredIncoming) {
    this.preferredIncoming = preferredIncoming;
  }

  /** {@return whether unencrypted servers may be used} */
  public boolean isAllowPlaintext() {
    return allowPlaintext;
  }

  /**
   * Sets whether unencrypted servers may be used.
   *
   * @param allowPlaintext the allow plaintext
   */
  public void setAllowPlaintext(boolean allowPlaintext) {
    this.allowPlaintext = allowPlaintext;
  }

  /** {@return the SSL bundle's name, if set} */
  public @Nullable String getSslBundle() {
    return sslBundle;
  }

  /**
   * Sets the SSL bundle's name.
   *
   * @param sslBundle the ssl bundle
   */
  public void setSslBundle(@Nullable String sslBundle) {
    this.sslBundle = sslBundle;
  }

  /** {@return the connect timeout} */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout the connect timeout
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** {@return the read timeout} */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the read timeout.
   *
   * @param readTimeout the read timeout
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** {@return discovery over the network} */
  public Discovery getDiscovery() {
    return discovery;
  }

  /** {@return checking the outgoing servers at start-up} */
  public Verification getVerification() {
    return verification;
  }

  /** {@return signing in with OAuth 2.0} */
  public OAuth2 getOauth2() {
    return oauth2;
  }
}
