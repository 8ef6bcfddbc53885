package org.mailsettings;

import java.net.URI;
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

  /**
   * {@return the OAuth 2.0 authorization server where any application may sign the user in without
   * registering in advance, under the OAuth profile for open public clients
   * (draft-ietf-mailmaint-oauth-public): an RFC 8414 issuer URL, exactly as the provider's PACC
   * document names it ({@code authentication.oauth-public.issuer})} Only the issuer is known:
   * the endpoints come from its metadata ({@code /.well-known/oauth-authorization-server}), whose
   * {@code issuer} must equal this one exactly. Present only from a PACC document that passed its
   * digest check; independent of {@link #oauth2()}, which holds a bundled provider's endpoints.
   */
  public abstract Optional<URI> publicClientIssuer();

  @Override
  public String toString() {
    return name() + " (" + id() + ")";
  }

  /** Builds a {@link Provider}. */
  public static final class Builder {
    private final ImmutableProvider.Builder delegate = new ImmutableProvider.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Provider} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(Provider instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link Provider#id() id} attribute.
     * @param id The value for id
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder id(String id) {
      delegate.id(id);
      return this;
    }

    /**
     * Initializes the value for the {@link Provider#name() name} attribute.
     * @param name The value for name
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder name(String name) {
      delegate.name(name);
      return this;
    }

    /**
     * Initializes the optional value {@link Provider#documentationUrl() documentationUrl} to documentationUrl.
     * @param documentationUrl The value for documentationUrl
     * @return {@code this} builder for chained invocation
     */
    public Builder documentationUrl(String documentationUrl) {
      delegate.documentationUrl(documentationUrl);
      return this;
    }

    /**
     * Initializes the optional value {@link Provider#documentationUrl() documentationUrl} to documentationUrl.
     * @param documentationUrl The value for documentationUrl
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder documentationUrl(Optional<String> documentationUrl) {
      delegate.documentationUrl(documentationUrl);
      return this;
    }

    /**
     * Adds one element to {@link Provider#notes() notes} list.
     * @param element A notes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addNotes(String element) {
      delegate.addNotes(element);
      return this;
    }

    /**
     * Adds elements to {@link Provider#notes() notes} list.
     * @param elements An array of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addNotes(String... elements) {
      delegate.addNotes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Provider#notes() notes} list.
     * @param elements An iterable of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder notes(Iterable<String> elements) {
      delegate.notes(elements);
      return this;
    }

    /**
     * Adds elements to {@link Provider#notes() notes} list.
     * @param elements An iterable of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllNotes(Iterable<String> elements) {
      delegate.addAllNotes(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link Provider#source() source} attribute.
     * @param source The value for source
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder source(Source source) {
      delegate.source(source);
      return this;
    }

    /**
     * Initializes the value for the {@link Provider#origin() origin} attribute.
     * @param origin The value for origin
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder origin(String origin) {
      delegate.origin(origin);
      return this;
    }

    /**
     * Adds one element to {@link Provider#domains() domains} list.
     * @param element A domains element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDomains(String element) {
      delegate.addDomains(element);
      return this;
    }

    /**
     * Adds elements to {@link Provider#domains() domains} list.
     * @param elements An array of domains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDomains(String... elements) {
      delegate.addDomains(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Provider#domains() domains} list.
     * @param elements An iterable of domains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder domains(Iterable<String> elements) {
      delegate.domains(elements);
      return this;
    }

    /**
     * Adds elements to {@link Provider#domains() domains} list.
     * @param elements An iterable of domains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllDomains(Iterable<String> elements) {
      delegate.addAllDomains(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link Provider#oauth2() oauth2} to oauth2.
     * @param oauth2 The value for oauth2
     * @return {@code this} builder for chained invocation
     */
    public Builder oauth2(OAuth2Settings oauth2) {
      delegate.oauth2(oauth2);
      return this;
    }

    /**
     * Initializes the optional value {@link Provider#oauth2() oauth2} to oauth2.
     * @param oauth2 The value for oauth2
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder oauth2(Optional<? extends OAuth2Settings> oauth2) {
      delegate.oauth2(oauth2);
      return this;
    }

    /**
     * Initializes the optional value {@link Provider#publicClientIssuer() publicClientIssuer}.
     * @param publicClientIssuer the RFC 8414 issuer of the open public client profile
     * @return {@code this} builder for chained invocation
     */
    public Builder publicClientIssuer(URI publicClientIssuer) {
      delegate.publicClientIssuer(publicClientIssuer);
      return this;
    }

    /**
     * Initializes the optional value {@link Provider#publicClientIssuer() publicClientIssuer}.
     * @param publicClientIssuer the RFC 8414 issuer of the open public client profile, or empty
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder publicClientIssuer(Optional<? extends URI> publicClientIssuer) {
      delegate.publicClientIssuer(publicClientIssuer);
      return this;
    }

    /**
     * Builds a new {@link Provider Provider}.
     * @return An immutable instance of Provider
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public Provider build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
