package org.mailsettings.clientconfig;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code emailProvider} section: the domains it serves, the MX domains that identify its
 * customers' domains ({@code <domain purpose="mx">}), its names, documentation and server
 * sections, in document order.
 */
@Value.Immutable
public abstract class EmailProviderConfig {

  EmailProviderConfig() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the {@code id} attribute, by convention the provider's main domain} */
  public abstract String id();

  /** {@return mail domains served directly, lower-case ASCII, in document order} */
  public abstract List<String> domains();

  /**
   * {@return MX domains ({@code <domain purpose="mx">}), lower-case ASCII: a domain whose MX host is one of
   * these, or a host under one of these, is served by this provider}
   */
  public abstract List<String> mxDomains();

  /** {@return the {@code displayName}} */
  public abstract Optional<String> displayName();

  /** {@return the {@code displayShortName}} */
  public abstract Optional<String> displayShortName();

  /** {@return the {@code documentation} URLs, in document order} */
  public abstract List<String> documentationUrls();

  /** {@return usable IMAP and POP3 sections, in document order (the provider's preference)} */
  public abstract List<ServerConfig> incomingServers();

  /** {@return usable SMTP sections, in document order} */
  public abstract List<ServerConfig> outgoingServers();

  /** {@return notes for users from the project's extension ({@code <ms:note>}), English} */
  public abstract List<String> notes();

  /** {@return the display name, else the short name, else the id} */
  public String name() {
    return displayName().or(this::displayShortName).orElse(id());
  }

  /** Builds an {@link EmailProviderConfig}. */
  public static final class Builder extends ImmutableEmailProviderConfig.Builder {
    Builder() {}
  }
}
