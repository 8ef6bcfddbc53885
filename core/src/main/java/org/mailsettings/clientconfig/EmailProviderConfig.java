package org.mailsettings.clientconfig;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.InvalidSettingsException;

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
    Optional<String> name = displayName(); // (no lambda: runs when the first provider is built)
    if (name.isEmpty()) {
      name = displayShortName();
    }
    return name.orElse(id());
  }

  /** Builds an {@link EmailProviderConfig}. */
  public static final class Builder {
    private final ImmutableEmailProviderConfig.Builder delegate = new ImmutableEmailProviderConfig.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code EmailProviderConfig} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(EmailProviderConfig instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link EmailProviderConfig#id() id} attribute.
     * @param id The value for id
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder id(String id) {
      delegate.id(id);
      return this;
    }

    /**
     * Adds one element to {@link EmailProviderConfig#domains() domains} list.
     * @param element A domains element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDomains(String element) {
      delegate.addDomains(element);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#domains() domains} list.
     * @param elements An array of domains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDomains(String... elements) {
      delegate.addDomains(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link EmailProviderConfig#domains() domains} list.
     * @param elements An iterable of domains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder domains(Iterable<String> elements) {
      delegate.domains(elements);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#domains() domains} list.
     * @param elements An iterable of domains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllDomains(Iterable<String> elements) {
      delegate.addAllDomains(elements);
      return this;
    }

    /**
     * Adds one element to {@link EmailProviderConfig#mxDomains() mxDomains} list.
     * @param element A mxDomains element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMxDomains(String element) {
      delegate.addMxDomains(element);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#mxDomains() mxDomains} list.
     * @param elements An array of mxDomains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addMxDomains(String... elements) {
      delegate.addMxDomains(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link EmailProviderConfig#mxDomains() mxDomains} list.
     * @param elements An iterable of mxDomains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder mxDomains(Iterable<String> elements) {
      delegate.mxDomains(elements);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#mxDomains() mxDomains} list.
     * @param elements An iterable of mxDomains elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllMxDomains(Iterable<String> elements) {
      delegate.addAllMxDomains(elements);
      return this;
    }

    /**
     * Initializes the optional value {@link EmailProviderConfig#displayName() displayName} to displayName.
     * @param displayName The value for displayName
     * @return {@code this} builder for chained invocation
     */
    public Builder displayName(String displayName) {
      delegate.displayName(displayName);
      return this;
    }

    /**
     * Initializes the optional value {@link EmailProviderConfig#displayName() displayName} to displayName.
     * @param displayName The value for displayName
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder displayName(Optional<String> displayName) {
      delegate.displayName(displayName);
      return this;
    }

    /**
     * Initializes the optional value {@link EmailProviderConfig#displayShortName() displayShortName} to displayShortName.
     * @param displayShortName The value for displayShortName
     * @return {@code this} builder for chained invocation
     */
    public Builder displayShortName(String displayShortName) {
      delegate.displayShortName(displayShortName);
      return this;
    }

    /**
     * Initializes the optional value {@link EmailProviderConfig#displayShortName() displayShortName} to displayShortName.
     * @param displayShortName The value for displayShortName
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder displayShortName(Optional<String> displayShortName) {
      delegate.displayShortName(displayShortName);
      return this;
    }

    /**
     * Adds one element to {@link EmailProviderConfig#documentationUrls() documentationUrls} list.
     * @param element A documentationUrls element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDocumentationUrls(String element) {
      delegate.addDocumentationUrls(element);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#documentationUrls() documentationUrls} list.
     * @param elements An array of documentationUrls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addDocumentationUrls(String... elements) {
      delegate.addDocumentationUrls(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link EmailProviderConfig#documentationUrls() documentationUrls} list.
     * @param elements An iterable of documentationUrls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder documentationUrls(Iterable<String> elements) {
      delegate.documentationUrls(elements);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#documentationUrls() documentationUrls} list.
     * @param elements An iterable of documentationUrls elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllDocumentationUrls(Iterable<String> elements) {
      delegate.addAllDocumentationUrls(elements);
      return this;
    }

    /**
     * Adds one element to {@link EmailProviderConfig#incomingServers() incomingServers} list.
     * @param element A incomingServers element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addIncomingServers(ServerConfig element) {
      delegate.addIncomingServers(element);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#incomingServers() incomingServers} list.
     * @param elements An array of incomingServers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addIncomingServers(ServerConfig... elements) {
      delegate.addIncomingServers(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link EmailProviderConfig#incomingServers() incomingServers} list.
     * @param elements An iterable of incomingServers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder incomingServers(Iterable<? extends ServerConfig> elements) {
      delegate.incomingServers(elements);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#incomingServers() incomingServers} list.
     * @param elements An iterable of incomingServers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllIncomingServers(Iterable<? extends ServerConfig> elements) {
      delegate.addAllIncomingServers(elements);
      return this;
    }

    /**
     * Adds one element to {@link EmailProviderConfig#outgoingServers() outgoingServers} list.
     * @param element A outgoingServers element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addOutgoingServers(ServerConfig element) {
      delegate.addOutgoingServers(element);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#outgoingServers() outgoingServers} list.
     * @param elements An array of outgoingServers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addOutgoingServers(ServerConfig... elements) {
      delegate.addOutgoingServers(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link EmailProviderConfig#outgoingServers() outgoingServers} list.
     * @param elements An iterable of outgoingServers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder outgoingServers(Iterable<? extends ServerConfig> elements) {
      delegate.outgoingServers(elements);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#outgoingServers() outgoingServers} list.
     * @param elements An iterable of outgoingServers elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllOutgoingServers(Iterable<? extends ServerConfig> elements) {
      delegate.addAllOutgoingServers(elements);
      return this;
    }

    /**
     * Adds one element to {@link EmailProviderConfig#notes() notes} list.
     * @param element A notes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addNotes(String element) {
      delegate.addNotes(element);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#notes() notes} list.
     * @param elements An array of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addNotes(String... elements) {
      delegate.addNotes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link EmailProviderConfig#notes() notes} list.
     * @param elements An iterable of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder notes(Iterable<String> elements) {
      delegate.notes(elements);
      return this;
    }

    /**
     * Adds elements to {@link EmailProviderConfig#notes() notes} list.
     * @param elements An iterable of notes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllNotes(Iterable<String> elements) {
      delegate.addAllNotes(elements);
      return this;
    }

    /**
     * Builds a new {@link EmailProviderConfig EmailProviderConfig}.
     * @return An immutable instance of EmailProviderConfig
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public EmailProviderConfig build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
