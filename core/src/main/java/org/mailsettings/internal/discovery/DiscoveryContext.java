package org.mailsettings.internal.discovery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.provider.ProviderStore;

/**
 * What every source of one run shares: the request, the options, and the client's runtime
 * (HTTP fetcher and DNS client with the cache in front of them, the parser, the provider store,
 * the public suffixes, the clock).
 */
public final class DiscoveryContext {
  private final ResolutionRequest request;
  private final DiscoveryOptions options;
  private final PipelineRuntime runtime;
  private final ClientConfigParser parser;
  private final ProviderStore store;
  private volatile @Nullable HttpFetcher http;

  /** The context of one run. */
  public DiscoveryContext(ResolutionRequest request, DiscoveryOptions options, PipelineRuntime runtime) {
    this.request = request;
    this.options = options;
    this.runtime = runtime;
    this.store = Pipeline.allowed(runtime.store(), options.sources());
    this.parser = ClientConfigParser.defaults().maxBytes() == options.maxResponseBytes()
        ? ClientConfigParser.defaults()
        : ClientConfigParser.defaults().withMaxBytes(options.maxResponseBytes());
  }

  public ResolutionRequest request() {
    return request;
  }

  public DiscoveryOptions options() {
    return options;
  }

  public EmailAddress address() {
    return request.address();
  }

  public ClientConfigParser parser() {
    return parser;
  }

  /** The provider layers the options allow. */
  public ProviderStore store() {
    return store;
  }

  public PipelineRuntime runtime() {
    return runtime;
  }

  /** The clock's time in nanoseconds. */
  public long nanoTime() {
    return runtime.nanoTime();
  }

  /** The time elapsed since {@code startNanos}. */
  public Duration since(long startNanos) {
    return runtime.since(startNanos);
  }

  /** A URL from a template: {@code %EMAILDOMAIN%} becomes {@code domain}, {@code %EMAILADDRESS%} the encoded address. */
  public URI url(String template, String domain) {
    return url(template, domain, address());
  }

  /**
   * A URL from a template for {@code address}: {@code %EMAILDOMAIN%} becomes {@code domain},
   * {@code %EMAILADDRESS%} and {@code %EMAILLOCALPART%} the URL-encoded address and mailbox name.
   */
  public static URI url(String template, String domain, EmailAddress address) {
    String url =
        template
            .replace("%EMAILDOMAIN%", domain)
            .replace("%EMAILADDRESS%", URLEncoder.encode(address.asciiAddress(), StandardCharsets.UTF_8))
            .replace("%EMAILLOCALPART%", URLEncoder.encode(address.localPart(), StandardCharsets.UTF_8));
    return URI.create(url);
  }

  private HttpFetcher http() {
    HttpFetcher fetcher = http;
    if (fetcher == null) {
      fetcher = new HttpFetcher(runtime.httpClient(), options.requestTimeout(), options.maxResponseBytes(),
          options.maxRedirects(), runtime.publicSuffixes());
      http = fetcher;
    }
    return fetcher;
  }

  /** GET through the cache. */
  public CompletableFuture<HttpFetcher.Response> get(URI uri) {
    TtlCache cache = runtime.cache();
    if (cache == null) {
      return http().get(uri);
    }
    // The cache hands each caller a future of its own: one discovery cancelling its wait does not
    // cancel the lookup others share, and the lookup ends when nobody waits for it any more.
    return cache.<HttpFetcher.Response>get(
            "GET " + options.maxResponseBytes() + " " + uri, () -> cancellable(http().get(uri), r -> new TtlCache.Timed<>(r, options.httpCacheTtl())));
  }

  /** GET that follows no redirect (PACC), through the cache. */
  public CompletableFuture<HttpFetcher.Response> getWithoutRedirects(URI uri, String accept) {
    TtlCache cache = runtime.cache();
    if (cache == null) {
      return http().getWithoutRedirects(uri, accept);
    }
    return cache.<HttpFetcher.Response>get(
        "GET-NO-REDIRECTS " + options.maxResponseBytes() + " " + accept + " " + uri,
        () -> cancellable(http().getWithoutRedirects(uri, accept), r -> new TtlCache.Timed<>(r, options.httpCacheTtl())));
  }

  /** {@code source.thenApply(function)}, whose cancellation cancels {@code source} (the exchange). */
  private static <A, B> CompletableFuture<B> cancellable(CompletableFuture<A> source, java.util.function.Function<A, B> function) {
    CompletableFuture<B> mapped = source.thenApply(function);
    var unused = mapped.whenComplete((r, e) -> {
      if (mapped.isCancelled()) {
        source.cancel(true);
      }
    });
    return mapped;
  }

  /** POST (not cached: the body names the address). */
  public CompletableFuture<HttpFetcher.Response> post(URI uri, String contentType, byte[] body) {
    return http().post(uri, contentType, body);
  }

  private CompletableFuture<DnsClient> dns() {
    try {
      return CompletableFuture.completedFuture(runtime.dns(options.requestTimeout()));
    } catch (DnsClient.NoDnsException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** MX through the cache, kept for the answer's TTL. */
  public CompletableFuture<DnsClient.Answer<DnsClient.MxHost>> mx(String domain) {
    TtlCache cache = runtime.cache();
    if (cache == null) {
      return dns().thenCompose(client -> client.mx(domain));
    }
    return cache.<DnsClient.Answer<DnsClient.MxHost>>get(
            "MX " + domain, () -> dns().thenCompose(client -> client.mx(domain)).thenApply(a -> new TtlCache.Timed<>(a, a.ttl())));
  }

  /** SRV through the cache, kept for the answer's TTL. */
  public CompletableFuture<DnsClient.Answer<DnsClient.SrvTarget>> srv(String name) {
    TtlCache cache = runtime.cache();
    if (cache == null) {
      return dns().thenCompose(client -> client.srv(name));
    }
    return cache.<DnsClient.Answer<DnsClient.SrvTarget>>get(
            "SRV " + name, () -> dns().thenCompose(client -> client.srv(name)).thenApply(a -> new TtlCache.Timed<>(a, a.ttl())));
  }

  /** TXT through the cache, kept for the answer's TTL. */
  public CompletableFuture<DnsClient.Answer<String>> txt(String name) {
    TtlCache cache = runtime.cache();
    if (cache == null) {
      return dns().thenCompose(client -> client.txt(name));
    }
    return cache.<DnsClient.Answer<String>>get(
            "TXT " + name, () -> dns().thenCompose(client -> client.txt(name)).thenApply(a -> new TtlCache.Timed<>(a, a.ttl())));
  }

  /** The registrable domain of a host, or the host itself when it is a public suffix. */
  public String registrableDomain(String host) {
    return runtime.publicSuffixes().registrableDomain(host).orElse(host);
  }
}
