package org.mailsettings.clientconfig;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;

/**
 * A parsed clientConfig document: its email providers, the OAuth 2.0 block when there is one,
 * and the warnings the parser gave for sections it had to ignore.
 */
@Value.Immutable
public abstract class ClientConfig {

  ClientConfig() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return where the document came from, for messages: a file name, a resource or a URL} */
  public abstract String sourceName();

  /** {@return the document's {@code version} attribute ({@code 1.1}, {@code 1.2}); empty when absent} */
  @Value.Default
  public String version() {
    return "";
  }

  /** {@return the {@code emailProvider} sections, in document order} */
  public abstract List<EmailProviderConfig> emailProviders();

  /** {@return the {@code oAuth2} block, when present} */
  public abstract Optional<OAuth2Config> oAuth2();

  /**
   * {@return what the parser ignored and why, each with its line: "line 12: incomingServer type=ews
   * ignored: not IMAP or POP3", "line 20: port \"99999\" ignored: not a port number from 1 to
   * 65535"} Empty for a clean document.
   */
  public abstract List<String> warnings();

  /** Builds a {@link ClientConfig}. */
  public static final class Builder {
    private final ImmutableClientConfig.Builder delegate = new ImmutableClientConfig.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ClientConfig} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ClientConfig instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ClientConfig#sourceName() sourceName} attribute.
     * @param sourceName The value for sourceName
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder sourceName(String sourceName) {
      delegate.sourceName(sourceName);
      return this;
    }

    /**
     * Initializes the value for the {@link ClientConfig#version() version} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ClientConfig#version() version}.</em>
     * @param version The value for version
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder version(String version) {
      delegate.version(version);
      return this;
    }

    /**
     * Adds one element to {@link ClientConfig#emailProviders() emailProviders} list.
     * @param element A emailProviders element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addEmailProviders(EmailProviderConfig element) {
      delegate.addEmailProviders(element);
      return this;
    }

    /**
     * Adds elements to {@link ClientConfig#emailProviders() emailProviders} list.
     * @param elements An array of emailProviders elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addEmailProviders(EmailProviderConfig... elements) {
      delegate.addEmailProviders(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ClientConfig#emailProviders() emailProviders} list.
     * @param elements An iterable of emailProviders elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder emailProviders(Iterable<? extends EmailProviderConfig> elements) {
      delegate.emailProviders(elements);
      return this;
    }

    /**
     * Adds elements to {@link ClientConfig#emailProviders() emailProviders} list.
     * @param elements An iterable of emailProviders elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllEmailProviders(Iterable<? extends EmailProviderConfig> elements) {
      delegate.addAllEmailProviders(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientConfig#oAuth2() oAuth2} to oAuth2.
     * @param oAuth2 The value for oAuth2
     * @return {@code this} builder for chained invocation
     */
    public Builder oAuth2(OAuth2Config oAuth2) {
      delegate.oAuth2(oAuth2);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientConfig#oAuth2() oAuth2} to oAuth2.
     * @param oAuth2 The value for oAuth2
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder oAuth2(Optional<? extends OAuth2Config> oAuth2) {
      delegate.oAuth2(oAuth2);
      return this;
    }

    /**
     * Adds one element to {@link ClientConfig#warnings() warnings} list.
     * @param element A warnings element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addWarnings(String element) {
      delegate.addWarnings(element);
      return this;
    }

    /**
     * Adds elements to {@link ClientConfig#warnings() warnings} list.
     * @param elements An array of warnings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addWarnings(String... elements) {
      delegate.addWarnings(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ClientConfig#warnings() warnings} list.
     * @param elements An iterable of warnings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder warnings(Iterable<String> elements) {
      delegate.warnings(elements);
      return this;
    }

    /**
     * Adds elements to {@link ClientConfig#warnings() warnings} list.
     * @param elements An iterable of warnings elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllWarnings(Iterable<String> elements) {
      delegate.addAllWarnings(elements);
      return this;
    }

    /**
     * Builds a new {@link ClientConfig ClientConfig}.
     * @return An immutable instance of ClientConfig
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ClientConfig build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
