package org.mailsettings.internal.provider;

import org.mailsettings.Provider;
import org.mailsettings.Source;
import org.mailsettings.clientconfig.EmailProviderConfig;

/** One provider of a database: its parsed section, its public description, and its origin. */
public final class ProviderEntry {
  private final EmailProviderConfig config;
  private final Provider provider;
  private final Source source;
  private final String origin;

  /** Wraps a parsed section read from {@code origin} by {@code source}. */
  public ProviderEntry(EmailProviderConfig config, Source source, String origin) {
    this.config = config;
    this.source = source;
    this.origin = origin;
    Provider.Builder builder =
        Provider.builder()
            .id(config.id().isEmpty() ? origin : config.id())
            .name(config.name())
            .addAllNotes(config.notes())
            .addAllDomains(config.domains());
    if (!config.documentationUrls().isEmpty()) {
      builder.documentationUrl(config.documentationUrls().get(0));
    }
    this.provider = builder.build();
  }

  /** The parsed section with its server templates. */
  public EmailProviderConfig config() {
    return config;
  }

  /** The public description. */
  public Provider provider() {
    return provider;
  }

  /** The kind of source it was read from. */
  public Source source() {
    return source;
  }

  /** The file or resource it was read from. */
  public String origin() {
    return origin;
  }
}
