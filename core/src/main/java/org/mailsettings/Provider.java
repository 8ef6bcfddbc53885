package org.mailsettings;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A mail provider or hoster the library knows: its id, its name, where its own documentation is,
 * and notes worth showing to a user (such as "requires OAuth 2.0").
 */
@Value.Immutable
public abstract class Provider {

  Provider() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the provider's id, by convention its main domain: {@code vizus.cz}} */
  public abstract String id();

  /** {@return the provider's name for display: {@code VIZUS}} */
  public abstract String name();

  /** {@return the provider's own page on mail settings, when known} */
  public abstract Optional<String> documentationUrl();

  /**
   * {@return notes for the user from the provider's file ({@code <ms:note>}): quirks, requirements,
   * warnings} They are data, in the language of the file (English for the bundled files).
   */
  public abstract List<String> notes();

  /**
   * {@return which database layer knows the provider: {@link Source#LOCAL_FILE} (the application's own
   * files), {@link Source#BUNDLED_DATABASE} (curated), {@link Source#ISPDB_SNAPSHOT}, or the
   * network source whose document named it}
   */
  public abstract Source source();

  /** {@return the file, resource or URL the provider was read from: {@code bundled:vizus.cz.xml}} */
  public abstract String origin();

  /** {@return the mail domains the provider serves directly (not its customers' domains)} */
  public abstract List<String> domains();

  /**
   * {@return how the provider issues OAuth 2.0 tokens, when its data says so (Google, Microsoft, Yahoo,
   * AOL, ...): what an application needs, besides its own client registration, to sign the
   * user in}
   */
  public abstract Optional<OAuth2Settings> oauth2();

  @Override
  public String toString() {
    return name() + " (" + id() + ")";
  }

  /** Builds a {@link Provider}. */
  public static final class Builder extends ImmutableProvider.Builder {
    Builder() {}
  }
}
