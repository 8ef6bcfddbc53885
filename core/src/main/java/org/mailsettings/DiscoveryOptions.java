package org.mailsettings;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How one {@link MailSettingsResolver#discover} call looks on the network: the overall deadline,
 * the bounds of every request, which sources to ask, and every endpoint, each replaceable so
 * that private deployments and tests can point any source anywhere. What every call shares (the
 * DNS server, the TLS context, the proxy, the HTTP client, the cache) belongs to the client:
 * see {@link MailSettingsResolver.Builder}.
 *
 * <p>URL templates take {@code %EMAILDOMAIN%} (ASCII), {@code %EMAILADDRESS%} and {@code
 * %EMAILLOCALPART%} (URL-encoded, in the path or the query only: the mailbox never chooses the
 * server); for MX-derived lookups, {@code %EMAILDOMAIN%} is the MX domain. A template that cannot
 * give an absolute http or https URL is refused with {@link InvalidSettingsException} when the
 * options are built.
 *
 * <pre>{@code
 * DiscoveryOptions options = DiscoveryOptions.builder()
 *     .deadline(Duration.ofSeconds(5))
 *     .ispdbBaseUrl("https://ispdb.example.internal/v1.1/")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class DiscoveryOptions {
  private static final DiscoveryOptions DEFAULTS = new Builder().build();

  /** The public ISPDB of Thunderbird. */
  public static final String PUBLIC_ISPDB = "https://autoconfig.thunderbird.net/v1.1/";

  DiscoveryOptions() {}

  /** {@return a 10 s deadline, 5 s per request, 1 MiB per response, every source} */
  public static DiscoveryOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options.
   *
   * @return this builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.from(this);
    return builder;
  }

  /** {@return the bound of the whole discovery: what has not answered by then is reported as a timeout} */
  @Value.Default
  public Duration deadline() {
    return Duration.ofSeconds(10);
  }

  /** {@return the bound of one HTTP exchange (headers and body) or DNS query} */
  @Value.Default
  public Duration requestTimeout() {
    return Duration.ofSeconds(5);
  }

  /** {@return the largest HTTP response read: 1 MiB} */
  @Value.Default
  public int maxResponseBytes() {
    return 1 << 20;
  }

  /** {@return how many redirects are followed (only to HTTPS)} */
  @Value.Default
  public int maxRedirects() {
    return 3;
  }

  /** {@return the ISPDB base URL; the domain is appended ({@code %ISPDB%%EMAILDOMAIN%})} */
  @Value.Default
  public String ispdbBaseUrl() {
    return PUBLIC_ISPDB;
  }

  /**
   * {@return the URL template of the PACC document (draft-ietf-mailmaint-pacc-03): https only,
   * {@code %EMAILDOMAIN%} only (the address is never sent), fetched without following redirects}
   * The digest is always looked up at {@code _ua-auto-config.<domain>} in DNS. The default names
   * the domain's own {@code ua-auto-config} host; a template the application sets instead is its
   * own choice, trusted as the default is.
   */
  @Value.Default
  public String paccUrlTemplate() {
    return "https://ua-auto-config.%EMAILDOMAIN%/.well-known/user-agent-configuration.json";
  }

  /** {@return the URL template of autoconfig 1.1} */
  @Value.Default
  public String autoconfigUrlTemplate() {
    return "https://autoconfig.%EMAILDOMAIN%/mail/config-v1.1.xml?emailaddress=%EMAILADDRESS%";
  }

  /** {@return the URL template of autoconfig 1.2, the well-known location} */
  @Value.Default
  public String wellKnownUrlTemplate() {
    return "https://%EMAILDOMAIN%/.well-known/autoconfig/mail/config-v1.1.xml";
  }

  /** {@return the URL template of autoconfig 1.3 over plain HTTP} */
  @Value.Default
  public String autoconfigHttpUrlTemplate() {
    return "http://autoconfig.%EMAILDOMAIN%/mail/config-v1.1.xml";
  }

  /** {@return the Microsoft Autodiscover endpoints, tried in order} */
  @Value.Default
  public List<String> autodiscoverUrlTemplates() {
    return List.of(
        "https://autodiscover.%EMAILDOMAIN%/autodiscover/autodiscover.xml",
        "https://%EMAILDOMAIN%/autodiscover/autodiscover.xml");
  }

  /**
   * {@return the sources to ask; all of {@link Source#discoverySources()} by default} The provider
   * databases are consulted as layers: leave out {@link Source#ISPDB_SNAPSHOT}, say, to ask the
   * online ISPDB instead of the bundled snapshot.
   */
  @Value.Default
  public Set<Source> sources() {
    return Set.copyOf(Source.discoverySources());
  }

  /**
   * {@return whether sources run at once (the default) or one after another in priority order (slower;
   * for comparison and for networks that must not see parallel requests)}
   */
  @Value.Default
  public boolean parallel() {
    return true;
  }

  /** {@return how long an HTTP document (or a 404) is kept in the cache} */
  @Value.Default
  public Duration httpCacheTtl() {
    return Duration.ofHours(1);
  }

  /**
   * Hears about each source as it starts and finishes.
   *
   * @return the listener; one that does nothing by default
   */
  @Value.Default
  public DiscoveryListener listener() {
    return DiscoveryListener.NONE;
  }

  @Value.Check
  void check() {
    for (Duration d : List.of(deadline(), requestTimeout(), httpCacheTtl())) {
      if (d.isNegative() || d.isZero()) {
        throw new InvalidSettingsException("Discovery timeouts must be positive: " + d);
      }
    }
    if (maxResponseBytes() < 1024) {
      throw new InvalidSettingsException("maxResponseBytes must be at least 1024: " + maxResponseBytes());
    }
    for (Source source : sources()) {
      if (!Source.discoverySources().contains(source)) {
        throw new InvalidSettingsException(source + " is not a discovery source; use one of " + Source.discoverySources());
      }
    }
    if (maxRedirects() < 0 || maxRedirects() > 10) {
      throw new InvalidSettingsException("maxRedirects must be 0 to 10: " + maxRedirects());
    }
    // Not a template: the domain is appended as it is, so placeholders are not filled in. The
    // base alone must be a URL too: a '%' and a hex digit at its end would pass as an escape
    // before a domain that starts with a hex digit and break one that does not.
    checkUrl("the ISPDB base URL", ispdbBaseUrl(), ispdbBaseUrl());
    checkUrl("the ISPDB base URL", ispdbBaseUrl(), ispdbBaseUrl() + SAMPLE_DOMAIN);
    java.net.URI pacc = checkUrl("the PACC URL template", paccUrlTemplate(), sample(paccUrlTemplate(), "user"));
    if (!"https".equalsIgnoreCase(pacc.getScheme())) {
      throw new InvalidSettingsException("The PACC URL template must give an https URL: " + paccUrlTemplate());
    }
    if (paccUrlTemplate().contains("%EMAILADDRESS%") || paccUrlTemplate().contains("%EMAILLOCALPART%")) {
      throw new InvalidSettingsException(
          "The PACC URL template may hold %EMAILDOMAIN% only: the document is the domain's, and the address is not sent: "
              + paccUrlTemplate());
    }
    checkTemplate("the autoconfig URL template", autoconfigUrlTemplate());
    checkTemplate("the well-known autoconfig URL template", wellKnownUrlTemplate());
    checkTemplate("the plain-HTTP autoconfig URL template", autoconfigHttpUrlTemplate());
    for (String template : autodiscoverUrlTemplates()) {
      checkTemplate("an Autodiscover URL template", template);
    }
  }

  /**
   * Refuses a template that cannot give an absolute http or https URL with a host once its
   * placeholders are filled in, so that a typing mistake is reported when the options are built,
   * not as a failure of every discovery.
   */
  private static void checkTemplate(String what, String template) {
    java.net.URI sample = checkUrl(what, template, sample(template, "user"));
    // The mailbox name may fill in the path or the query, never the scheme or the authority: an
    // address must not choose the server (nor the user name in the URL) its own lookup goes to.
    java.net.URI other = checkUrl(what, template, sample(template, "other"));
    if (!java.util.Objects.equals(sample.getScheme(), other.getScheme())
        || !java.util.Objects.equals(sample.getRawAuthority(), other.getRawAuthority())) {
      throw new InvalidSettingsException(
          "Not a URL template: " + what + " \"" + template
              + "\" puts %EMAILADDRESS% or %EMAILLOCALPART% before the path; they may appear only in the path and the query");
    }
  }

  /**
   * The domain a template is tried with. Its first letter is no hex digit: a '%' left just before
   * a placeholder must not pass as the start of an escape ("%a" before "example.com" would read
   * as "%ae"), since it breaks the URL of every domain that starts otherwise.
   */
  private static final String SAMPLE_DOMAIN = "mail.example.com";

  private static String sample(String template, String mailbox) {
    return template
        .replace("%EMAILDOMAIN%", SAMPLE_DOMAIN)
        .replace("%EMAILADDRESS%", mailbox + "%40example.com")
        .replace("%EMAILLOCALPART%", mailbox);
  }

  private static java.net.URI checkUrl(String what, String template, String sample) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(sample);
    } catch (java.net.URISyntaxException e) {
      throw new InvalidSettingsException(
          "Not a URL template: " + what + " \"" + template + "\" (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new InvalidSettingsException(
          "Not a URL template: " + what + " \"" + template + "\" must give an absolute http or https URL with a host");
    }
    return uri;
  }

  /** Builds {@link DiscoveryOptions}. */
  public static final class Builder {
    private final ImmutableDiscoveryOptions.Builder delegate = new ImmutableDiscoveryOptions.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code DiscoveryOptions} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(DiscoveryOptions instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#deadline() deadline} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#deadline() deadline}.</em>
     * @param deadline The value for deadline
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder deadline(Duration deadline) {
      delegate.deadline(deadline);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#requestTimeout() requestTimeout} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#requestTimeout() requestTimeout}.</em>
     * @param requestTimeout The value for requestTimeout
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder requestTimeout(Duration requestTimeout) {
      delegate.requestTimeout(requestTimeout);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#maxResponseBytes() maxResponseBytes} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#maxResponseBytes() maxResponseBytes}.</em>
     * @param maxResponseBytes The value for maxResponseBytes
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      delegate.maxResponseBytes(maxResponseBytes);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#maxRedirects() maxRedirects} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#maxRedirects() maxRedirects}.</em>
     * @param maxRedirects The value for maxRedirects
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder maxRedirects(int maxRedirects) {
      delegate.maxRedirects(maxRedirects);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#ispdbBaseUrl() ispdbBaseUrl} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#ispdbBaseUrl() ispdbBaseUrl}.</em>
     * @param ispdbBaseUrl The value for ispdbBaseUrl
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder ispdbBaseUrl(String ispdbBaseUrl) {
      delegate.ispdbBaseUrl(ispdbBaseUrl);
      return this;
    }

    /**
     * Sets the URL template of the PACC document (https, {@code %EMAILDOMAIN%} only).
     * <p><em>If not set, it is {@code https://ua-auto-config.%EMAILDOMAIN%/.well-known/user-agent-configuration.json}.</em>
     * @param paccUrlTemplate The value for paccUrlTemplate
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder paccUrlTemplate(String paccUrlTemplate) {
      delegate.paccUrlTemplate(paccUrlTemplate);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#autoconfigUrlTemplate() autoconfigUrlTemplate} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#autoconfigUrlTemplate() autoconfigUrlTemplate}.</em>
     * @param autoconfigUrlTemplate The value for autoconfigUrlTemplate
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder autoconfigUrlTemplate(String autoconfigUrlTemplate) {
      delegate.autoconfigUrlTemplate(autoconfigUrlTemplate);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#wellKnownUrlTemplate() wellKnownUrlTemplate} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#wellKnownUrlTemplate() wellKnownUrlTemplate}.</em>
     * @param wellKnownUrlTemplate The value for wellKnownUrlTemplate
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder wellKnownUrlTemplate(String wellKnownUrlTemplate) {
      delegate.wellKnownUrlTemplate(wellKnownUrlTemplate);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#autoconfigHttpUrlTemplate() autoconfigHttpUrlTemplate} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#autoconfigHttpUrlTemplate() autoconfigHttpUrlTemplate}.</em>
     * @param autoconfigHttpUrlTemplate The value for autoconfigHttpUrlTemplate
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder autoconfigHttpUrlTemplate(String autoconfigHttpUrlTemplate) {
      delegate.autoconfigHttpUrlTemplate(autoconfigHttpUrlTemplate);
      return this;
    }

    /**
     * Adds one element to {@link DiscoveryOptions#autodiscoverUrlTemplates() autodiscoverUrlTemplates} list.
     * @param element A autodiscoverUrlTemplates element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAutodiscoverUrlTemplates(String element) {
      delegate.addAutodiscoverUrlTemplates(element);
      return this;
    }

    /**
     * Adds elements to {@link DiscoveryOptions#autodiscoverUrlTemplates() autodiscoverUrlTemplates} list.
     * @param elements An array of autodiscoverUrlTemplates elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAutodiscoverUrlTemplates(String... elements) {
      delegate.addAutodiscoverUrlTemplates(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link DiscoveryOptions#autodiscoverUrlTemplates() autodiscoverUrlTemplates} list.
     * @param elements An iterable of autodiscoverUrlTemplates elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder autodiscoverUrlTemplates(Iterable<String> elements) {
      delegate.autodiscoverUrlTemplates(elements);
      return this;
    }

    /**
     * Adds elements to {@link DiscoveryOptions#autodiscoverUrlTemplates() autodiscoverUrlTemplates} list.
     * @param elements An iterable of autodiscoverUrlTemplates elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllAutodiscoverUrlTemplates(Iterable<String> elements) {
      delegate.addAllAutodiscoverUrlTemplates(elements);
      return this;
    }

    /**
     * Adds one element to {@link DiscoveryOptions#sources() sources} set.
     * @param element A sources element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addSources(Source element) {
      delegate.addSources(element);
      return this;
    }

    /**
     * Adds elements to {@link DiscoveryOptions#sources() sources} set.
     * @param elements An array of sources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addSources(Source... elements) {
      delegate.addSources(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link DiscoveryOptions#sources() sources} set.
     * @param elements An iterable of sources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder sources(Iterable<? extends Source> elements) {
      delegate.sources(elements);
      return this;
    }

    /**
     * Adds elements to {@link DiscoveryOptions#sources() sources} set.
     * @param elements An iterable of sources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllSources(Iterable<? extends Source> elements) {
      delegate.addAllSources(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#parallel() parallel} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#parallel() parallel}.</em>
     * @param parallel The value for parallel
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder parallel(boolean parallel) {
      delegate.parallel(parallel);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#httpCacheTtl() httpCacheTtl} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#httpCacheTtl() httpCacheTtl}.</em>
     * @param httpCacheTtl The value for httpCacheTtl
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder httpCacheTtl(Duration httpCacheTtl) {
      delegate.httpCacheTtl(httpCacheTtl);
      return this;
    }

    /**
     * Initializes the value for the {@link DiscoveryOptions#listener() listener} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link DiscoveryOptions#listener() listener}.</em>
     * @param listener The value for listener
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder listener(DiscoveryListener listener) {
      delegate.listener(listener);
      return this;
    }

    /**
     * Builds a new {@link DiscoveryOptions DiscoveryOptions}.
     * @return An immutable instance of DiscoveryOptions
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public DiscoveryOptions build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
