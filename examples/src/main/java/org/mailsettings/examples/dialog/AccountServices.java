package org.mailsettings.examples.dialog;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.oauth2.ClientRegistration;
import org.mailsettings.oauth2.OAuth2Client;
import org.mailsettings.oauth2.OAuth2Options;
import org.mailsettings.oauth2.TokenStore;

/**
 * What the dialog works with, long-lived: one {@link MailSettingsResolver}, one {@link
 * MailConnector} on the resolver's threads, the discovery's options, and, when the application
 * has an OAuth 2.0 client id, one {@link OAuth2Client} with the store for its tokens. An
 * application makes this once (or hands in its own resolver) and closes it when it stops; {@link
 * EmailAccountDialog#open} closes it with the window when the dialog owns it.
 *
 * <pre>{@code
 * AccountServices services = AccountServices.builder()
 *     .oauth2(ClientRegistration.of(myClientId))        // the application's own registration
 *     .build();
 * }</pre>
 */
public final class AccountServices implements AutoCloseable {
  /** The system property {@link #fromSystemProperties()} reads the OAuth 2.0 client id from. */
  public static final String CLIENT_ID_PROPERTY = "mailsettings.oauth2.clientId";
  /** The system property with the client secret, for providers that give desktop applications one. */
  public static final String CLIENT_SECRET_PROPERTY = "mailsettings.oauth2.clientSecret";

  private final MailSettingsResolver resolver;
  private final boolean ownResolver;
  private final MailConnector connector;
  private final DiscoveryOptions discoveryOptions;
  private final @Nullable OAuth2Client oauth2;
  private final TokenStore tokens;
  private final @Nullable Browser browser;
  private final Locale locale;

  private AccountServices(Builder builder) {
    MailSettingsResolver given = builder.resolver;
    this.resolver = given != null ? given : MailSettingsResolver.create();
    this.ownResolver = given == null;
    this.connector = MailConnector.create(resolver, builder.mailOptions);
    this.discoveryOptions = builder.discoveryOptions;
    ClientRegistration registration = builder.registration;
    this.oauth2 = registration == null ? null : OAuth2Client.create(registration, builder.oauth2Options);
    this.tokens = builder.tokens;
    this.browser = builder.browser;
    this.locale = builder.locale;
  }

  /** {@return a builder: the library's defaults, no OAuth 2.0 client} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return services with the library's defaults and the OAuth 2.0 client id (and secret) from the
   * system properties {@value #CLIENT_ID_PROPERTY} and {@value #CLIENT_SECRET_PROPERTY}, when set}
   */
  public static AccountServices fromSystemProperties() {
    Builder builder = builder();
    String clientId = System.getProperty(CLIENT_ID_PROPERTY, "").strip();
    if (!clientId.isEmpty()) {
      String secret = System.getProperty(CLIENT_SECRET_PROPERTY, "").strip();
      builder.oauth2(secret.isEmpty() ? ClientRegistration.of(clientId) : ClientRegistration.of(clientId, secret));
    }
    return builder.build();
  }

  /** {@return the resolver: offline resolution, discovery, the settings check} */
  public MailSettingsResolver resolver() {
    return resolver;
  }

  /** {@return the connector: verification, the test message} */
  public MailConnector connector() {
    return connector;
  }

  /** {@return the options of the discovery the dialog starts for an address the databases do not know} */
  public DiscoveryOptions discoveryOptions() {
    return discoveryOptions;
  }

  /** {@return the OAuth 2.0 client, when the application has a client id} */
  public Optional<OAuth2Client> oauth2() {
    return Optional.ofNullable(oauth2);
  }

  /** {@return where signed-in accounts' tokens are kept} */
  public TokenStore tokens() {
    return tokens;
  }

  /**
   * {@return how the provider's sign-in page is shown: the given browser, else the system browser
   * where there is one and {@code showAddress} otherwise}
   *
   * @param showAddress shows the sign-in address to the user (to open it by hand)
   */
  public Browser browser(Consumer<URI> showAddress) {
    Objects.requireNonNull(showAddress, "showAddress");
    Browser given = browser;
    return given != null ? given : Browser.systemOr(showAddress::accept);
  }

  /** {@return the language of the dialog's words and of the library's} */
  public Locale locale() {
    return locale;
  }

  /**
   * Cancels what is still running and ends every thread these services started: the OAuth 2.0
   * client, the connector and (unless it was handed in) the resolver. Idempotent.
   */
  @Override
  public void close() {
    try {
      if (oauth2 != null) {
        oauth2.close();
      }
    } finally {
      try {
        connector.close();
      } finally {
        if (ownResolver) {
          resolver.close();
        }
      }
    }
  }

  /** Builds {@link AccountServices}. */
  public static final class Builder {
    private @Nullable MailSettingsResolver resolver;
    private MailOptions mailOptions = MailOptions.defaults();
    private DiscoveryOptions discoveryOptions = DiscoveryOptions.defaults();
    private @Nullable ClientRegistration registration;
    private OAuth2Options oauth2Options = OAuth2Options.defaults();
    private TokenStore tokens = TokenStore.inMemory();
    private @Nullable Browser browser;
    private Locale locale = Locale.getDefault();

    Builder() {}

    /**
     * Uses the application's resolver (its provider files, its TLS trust); it stays open when the
     * services close. Without it the services make and close their own.
     *
     * @param resolver the application's resolver
     * @return this builder
     */
    public Builder resolver(MailSettingsResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Sets the connector's options (timeouts, TLS trust; the resolver's trust when they name none).
     *
     * @param options the options
     * @return this builder
     */
    public Builder mailOptions(MailOptions options) {
      this.mailOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the options of discovery (deadline, sources, endpoints).
     *
     * @param options the options
     * @return this builder
     */
    public Builder discoveryOptions(DiscoveryOptions options) {
      this.discoveryOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Turns on OAuth 2.0 sign-in with the application's own registration at the providers.
     *
     * @param registration the application's client id (and secret)
     * @return this builder
     */
    public Builder oauth2(ClientRegistration registration) {
      this.registration = Objects.requireNonNull(registration, "registration");
      return this;
    }

    /**
     * Sets the OAuth 2.0 client's options (time limits, TLS trust).
     *
     * @param options the options
     * @return this builder
     */
    public Builder oauth2Options(OAuth2Options options) {
      this.oauth2Options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Keeps signed-in accounts' tokens here (the application's protected store); in memory without it.
     *
     * @param tokens the store
     * @return this builder
     */
    public Builder tokens(TokenStore tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Shows the provider's sign-in page this way instead of the system browser.
     *
     * @param browser the browser
     * @return this builder
     */
    public Builder browser(Browser browser) {
      this.browser = Objects.requireNonNull(browser, "browser");
      return this;
    }

    /**
     * Sets the language of the dialog (English, Czech; the library's words in its seven languages).
     *
     * @param locale the language
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /** {@return the services; they start no thread before they are used} */
    public AccountServices build() {
      return new AccountServices(this);
    }
  }
}
