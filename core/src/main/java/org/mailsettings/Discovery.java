package org.mailsettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.internal.discovery.AutodiscoverTask;
import org.mailsettings.internal.discovery.DatabaseTask;
import org.mailsettings.internal.discovery.DiscoveryContext;
import org.mailsettings.internal.discovery.DocumentTask;
import org.mailsettings.internal.discovery.GuessTask;
import org.mailsettings.internal.discovery.MxTask;
import org.mailsettings.internal.discovery.SourceTask;
import org.mailsettings.internal.discovery.SrvTask;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.psl.PublicSuffixList;

/**
 * Builds the sources of a discovery from the options and runs them; keeps the HTTP clients it
 * made, one per distinct network configuration, for the resolver's lifetime.
 */
final class Discovery {
  private record ClientKey(java.time.Duration connectTimeout, @Nullable Object sslContext, @Nullable Object proxy) {}

  private final List<ProviderIndex> local;
  private final List<ProviderIndex> bundled;
  private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

  /**
   * The bounded pool the HTTP clients hand their work to: at most {@value #MAX_THREADS} threads,
   * created on demand and gone when idle, daemons so that they never hold a JVM open.
   */
  private static final int MAX_THREADS = 8;

  private final ThreadPoolExecutor executor;

  Discovery(List<ProviderDatabase> databases) {
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "mailsettings-discovery-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.executor.allowCoreThreadTimeOut(true);
    this.local =
        databases.stream().filter(d -> d.source() == Source.LOCAL_FILE).map(ProviderDatabase::index).collect(Collectors.toList());
    this.bundled =
        databases.stream().filter(d -> d.source() != Source.LOCAL_FILE).map(ProviderDatabase::index).collect(Collectors.toList());
  }

  CompletableFuture<Resolution> discover(ResolutionRequest request, DiscoveryOptions options) {
    DiscoveryContext context = context(request, options);
    EmailAddress address = request.address();
    String domain = address.asciiDomain();
    List<SourceTask> tasks = new ArrayList<>();
    for (Source source : Source.values()) {
      if (!options.sources().contains(source)) {
        continue;
      }
      switch (source) {
        case LOCAL_FILE -> {
          if (!local.isEmpty()) {
            tasks.add(new DatabaseTask(Source.LOCAL_FILE, local, address));
          }
        }
        case BUNDLED_DATABASE -> {
          if (!bundled.isEmpty()) {
            tasks.add(new DatabaseTask(Source.BUNDLED_DATABASE, bundled, address));
          }
        }
        case AUTOCONFIG -> tasks.add(document(source, context.url(options.autoconfigUrlTemplate(), domain), context, true, "autoconfig of " + domain));
        case WELL_KNOWN -> tasks.add(document(source, context.url(options.wellKnownUrlTemplate(), domain), context, true, "well-known autoconfig of " + domain));
        case ISPDB -> tasks.add(document(source, URI.create(options.ispdbBaseUrl() + domain), context, true, "ISPDB entry for " + domain));
        case AUTOCONFIG_HTTP -> tasks.add(document(source, context.url(options.autoconfigHttpUrlTemplate(), domain), context, false, "autoconfig of " + domain));
        case MX -> tasks.add(new MxTask(context, options.ispdbBaseUrl(), options.autoconfigUrlTemplate()));
        case SRV -> tasks.add(new SrvTask(context));
        case AUTODISCOVER -> tasks.add(new AutodiscoverTask(context, options.autodiscoverUrlTemplates()));
        case GUESS -> tasks.add(new GuessTask(address, request.policy().allowPlaintext()));
        case PROBE -> {
          // The prober proposes candidates after the fact; it is not a discovery source.
        }
      }
    }
    return new NetworkDiscovery(request, options, tasks).run();
  }

  private static SourceTask document(Source source, URI uri, DiscoveryContext context, boolean trustedWhenHttps, String reason) {
    return new DocumentTask(source, uri, context, trustedWhenHttps, List.of(), reason);
  }

  private DiscoveryContext context(ResolutionRequest request, DiscoveryOptions options) {
    HttpClient client =
        options.httpClient().orElseGet(() -> clients.computeIfAbsent(
            new ClientKey(options.connectTimeout(), options.sslContext().orElse(null), options.proxy().orElse(null)),
            key -> HttpFetcher.newClient(options.connectTimeout(), options.sslContext(), options.proxy(), executor)));
    PublicSuffixList suffixes = PublicSuffixList.bundled();
    HttpFetcher http =
        new HttpFetcher(client, options.requestTimeout(), options.maxResponseBytes(), options.maxRedirects(), suffixes);
    DnsClient dns = null;
    String dnsProblem = "";
    try {
      InetSocketAddress server =
          options.dnsServerHost().map(host -> new InetSocketAddress(host, options.dnsServerPort())).orElse(null);
      dns = DnsClient.create(server, options.requestTimeout());
    } catch (IOException | RuntimeException e) {
      dnsProblem = "no DNS: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    }
    List<ProviderIndex> databases = new ArrayList<>(local);
    databases.addAll(bundled);
    return new DiscoveryContext(
        request,
        http,
        dns,
        dnsProblem,
        options.cache().map(DiscoveryCache::store).orElse(null),
        options.httpCacheTtl(),
        ClientConfigParser.defaults().withMaxBytes(options.maxResponseBytes()),
        databases,
        suffixes);
  }
}
