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

  /** A 10 s deadline, 5 s per request, 1 MiB per response, every source. */
  public static DiscoveryOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.from(this);
    return builder;
  }

  /** The bound of the whole discovery: what has not answered by then is reported as a timeout. */
  @Value.Default
  public Duration deadline() {
    return Duration.ofSeconds(10);
  }

  /** The bound of one HTTP exchange (headers and body) or DNS query. */
  @Value.Default
  public Duration requestTimeout() {
    return Duration.ofSeconds(5);
  }

  /** The largest HTTP response read: 1 MiB. */
  @Value.Default
  public int maxResponseBytes() {
    return 1 << 20;
  }

  /** How many redirects are followed (only to HTTPS). */
  @Value.Default
  public int maxRedirects() {
    return 3;
  }

  /** The ISPDB base URL; the domain is appended ({@code %ISPDB%%EMAILDOMAIN%}). */
  @Value.Default
  public String ispdbBaseUrl() {
    return PUBLIC_ISPDB;
  }

  /** Autoconfig 1.1. */
  @Value.Default
  public String autoconfigUrlTemplate() {
    return "https://autoconfig.%EMAILDOMAIN%/mail/config-v1.1.xml?emailaddress=%EMAILADDRESS%";
  }

  /** Autoconfig 1.2, the well-known location. */
  @Value.Default
  public String wellKnownUrlTemplate() {
    return "https://%EMAILDOMAIN%/.well-known/autoconfig/mail/config-v1.1.xml";
  }

  /** Autoconfig 1.3 over plain HTTP. */
  @Value.Default
  public String autoconfigHttpUrlTemplate() {
    return "http://autoconfig.%EMAILDOMAIN%/mail/config-v1.1.xml";
  }

  /** Microsoft Autodiscover endpoints, tried in order. */
  @Value.Default
  public List<String> autodiscoverUrlTemplates() {
    return List.of(
        "https://autodiscover.%EMAILDOMAIN%/autodiscover/autodiscover.xml",
        "https://%EMAILDOMAIN%/autodiscover/autodiscover.xml");
  }

  /**
   * The sources to ask; all of {@link Source#discoverySources()} by default. The provider
   * databases are consulted as layers: leave out {@link Source#ISPDB_SNAPSHOT}, say, to ask the
   * online ISPDB instead of the bundled snapshot.
   */
  @Value.Default
  public Set<Source> sources() {
    return Set.copyOf(Source.discoverySources());
  }

  /**
   * Whether sources run at once (the default) or one after another in priority order (slower;
   * for comparison and for networks that must not see parallel requests).
   */
  @Value.Default
  public boolean parallel() {
    return true;
  }

  /** How long an HTTP document (or a 404) is kept in the cache. */
  @Value.Default
  public Duration httpCacheTtl() {
    return Duration.ofHours(1);
  }

  /** Hears about each source as it starts and finishes. */
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
    // Not a template: the domain is appended as it is, so placeholders are not filled in.
    checkUrl("the ISPDB base URL", ispdbBaseUrl(), ispdbBaseUrl() + "example.com");
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

  private static String sample(String template, String mailbox) {
    return template
        .replace("%EMAILDOMAIN%", "example.com")
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
  public static final class Builder extends ImmutableDiscoveryOptions.Builder {
    Builder() {}

  }
}
