package org.mailsettings.internal.discovery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.mailsettings.EmailAddress;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.psl.PublicSuffixList;

/**
 * What every source of one discovery shares: the request, the HTTP fetcher and DNS client (with
 * the cache in front of them), the parser, the databases and the public suffixes.
 */
public final class DiscoveryContext {
  private final ResolutionRequest request;
  private final HttpFetcher http;
  private final @Nullable DnsClient dns;
  private final String dnsProblem;
  private final @Nullable TtlCache cache;
  private final Duration httpTtl;
  private final ClientConfigParser parser;
  private final List<ProviderIndex> databases;
  private final PublicSuffixList publicSuffixes;

  /**
   * @param dns the DNS client, or null when none could be made ({@code dnsProblem} says why)
   * @param databases the local and bundled databases, for hoster rules found through MX
   */
  public DiscoveryContext(
      ResolutionRequest request,
      HttpFetcher http,
      @Nullable DnsClient dns,
      String dnsProblem,
      @Nullable TtlCache cache,
      Duration httpTtl,
      ClientConfigParser parser,
      List<ProviderIndex> databases,
      PublicSuffixList publicSuffixes) {
    this.request = request;
    this.http = http;
    this.dns = dns;
    this.dnsProblem = dnsProblem;
    this.cache = cache;
    this.httpTtl = httpTtl;
    this.parser = parser;
    this.databases = List.copyOf(databases);
    this.publicSuffixes = publicSuffixes;
  }

  public ResolutionRequest request() {
    return request;
  }

  public EmailAddress address() {
    return request.address();
  }

  public ClientConfigParser parser() {
    return parser;
  }

  public List<ProviderIndex> databases() {
    return databases;
  }

  public PublicSuffixList publicSuffixes() {
    return publicSuffixes;
  }

  /** A URL from a template: {@code %EMAILDOMAIN%} becomes {@code domain}, {@code %EMAILADDRESS%} the encoded address. */
  public URI url(String template, String domain) {
    String url =
        template
            .replace("%EMAILDOMAIN%", domain)
            .replace("%EMAILADDRESS%", URLEncoder.encode(address().asciiAddress(), StandardCharsets.UTF_8))
            .replace("%EMAILLOCALPART%", URLEncoder.encode(address().localPart(), StandardCharsets.UTF_8));
    return URI.create(url);
  }

  /** GET through the cache. */
  public CompletableFuture<HttpFetcher.Response> get(URI uri) {
    if (cache == null) {
      return http.get(uri);
    }
    // A copy: one discovery cancelling its wait must not cancel the lookup others share.
    return cache.<HttpFetcher.Response>get("GET " + uri, () -> http.get(uri).thenApply(r -> new TtlCache.Timed<>(r, httpTtl))).copy();
  }

  /** POST (not cached: the body names the address). */
  public CompletableFuture<HttpFetcher.Response> post(URI uri, String contentType, byte[] body) {
    return http.post(uri, contentType, body);
  }

  /** MX through the cache, kept for the answer's TTL. */
  public CompletableFuture<DnsClient.Answer<DnsClient.MxHost>> mx(String domain) {
    DnsClient client = dns;
    if (client == null) {
      return CompletableFuture.failedFuture(new IllegalStateException(dnsProblem));
    }
    if (cache == null) {
      return client.mx(domain);
    }
    return cache.<DnsClient.Answer<DnsClient.MxHost>>get("MX " + domain, () -> client.mx(domain).thenApply(a -> new TtlCache.Timed<>(a, a.ttl()))).copy();
  }

  /** SRV through the cache, kept for the answer's TTL. */
  public CompletableFuture<DnsClient.Answer<DnsClient.SrvTarget>> srv(String name) {
    DnsClient client = dns;
    if (client == null) {
      return CompletableFuture.failedFuture(new IllegalStateException(dnsProblem));
    }
    if (cache == null) {
      return client.srv(name);
    }
    return cache.<DnsClient.Answer<DnsClient.SrvTarget>>get("SRV " + name, () -> client.srv(name).thenApply(a -> new TtlCache.Timed<>(a, a.ttl()))).copy();
  }

  /** The registrable domain of a host, or the host itself when it is a public suffix. */
  public String registrableDomain(String host) {
    return publicSuffixes.registrableDomain(host).orElse(host);
  }

  /** Whether the DNS client exists. */
  public Optional<String> dnsUnavailable() {
    return dns == null ? Optional.of(dnsProblem) : Optional.empty();
  }
}
