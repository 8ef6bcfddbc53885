package org.mailsettings.clientconfig;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

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
   * ignored: not IMAP, POP3 or SMTP"} Empty for a clean document.
   */
  public abstract List<String> warnings();

  /** Builds a {@link ClientConfig}. */
  public static final class Builder extends ImmutableClientConfig.Builder {
    Builder() {}
  }
}
