package org.mailsettings;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.mailsettings.check.SettingsCheck;
import org.mailsettings.internal.discovery.ClientAccess;
import org.mailsettings.internal.discovery.DiscoveryContext;
import org.mailsettings.internal.discovery.Pipeline;
import org.mailsettings.internal.discovery.PipelineRuntime;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.provider.ProviderStore;
import org.mailsettings.probe.ProbeOptions;
import org.mailsettings.probe.Prober;

/**
 * The mailsettings client: turns an e-mail address into ordered, trust-rated mail server
 * settings, offline ({@link #resolve}) or over the network as well ({@link #discover}).
 *
 * <p>Build one per application and share it: it is thread-safe, and it owns the runtime every
 * call shares: the provider databases (loaded once), the threads (a small pool of daemon threads
 * that end when idle, or the {@link Builder#executor(Executor) executor} you give), one timer for
 * deadlines, the HTTP and DNS clients, the TLS context and the cache of DNS answers and
 * documents. {@link #close()} ends every thread and connection it started; every call is
 * cancellable and leaves nothing running once it has returned or been cancelled.
 *
 * <pre>{@code
 * MailSettingsResolver resolver = MailSettingsResolver.create();          // bundled databases
 * Resolution r = resolver.resolve("info@vizus.cz");
 * ServerSettings smtp = r.outgoing().get(0).settings();                   // smtp.vizus.cz:465
 *
 * try (MailSettingsResolver custom = MailSettingsResolver.builder()
 *     .addProviderDirectory(Path.of("/etc/mail-providers"))              // own files first
 *     .sslContext(companyTls)
 *     .build()) {
 *   Resolution found = custom.discover(EmailAddress.parse("jan@firma.cz"), DiscoveryOptions.defaults()).join();
 * }
 * }</pre>
 *
 * <p>Order of candidates: a known provider's own order (its preferred server first); for an
 * unknown domain, guesses with implicit TLS before STARTTLS and port 25 last. The {@link
 * ResolutionPolicy} then removes plaintext (unless allowed) and excluded protocols and puts the
 * preferred incoming protocol first. Offline resolution and discovery run one pipeline: offline
 * resolution is discovery without the network sources, with the same rules.
 */
public final class MailSettingsResolver implements AutoCloseable {
  static {
    // The settings check (org.mailsettings.check) works on this client's provider store.
    ClientAccess.register(client -> client.runtime);
  }

  private final List<ProviderDatabase> databases;
  private final PipelineRuntime runtime;
  private volatile @Nullable SettingsCheck settingsCheck;

  private MailSettingsResolver(List<ProviderDatabase> databases, PipelineRuntime runtime) {
    this.databases = List.copyOf(databases);
    this.runtime = runtime;
  }

  /** A client with the bundled databases and the default runtime. */
  public static MailSettingsResolver create() {
    return builder().build();
  }

  /** A builder; by default the bundled databases are consulted after any databases added. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves an address given as text, offline.
   *
   * @throws InvalidEmailAddressException if the text is not an address
   */
  public Resolution resolve(String address) {
    return resolve(EmailAddress.parse(address));
  }

  /** Resolves an address with no MX hints and the default policy, offline. */
  public Resolution resolve(EmailAddress address) {
    return resolve(ResolutionRequest.of(address));
  }

  /**
   * Resolves a request (an address with MX hints and a policy) offline, on the calling thread:
   * the provider databases by domain, then the hoster rules for the MX hints, then guesses.
   * Never touches the network; never throws for an address {@link EmailAddress#parse} accepted.
   */
  public Resolution resolve(ResolutionRequest request) {
    Objects.requireNonNull(request, "request");
    return Pipeline.resolve(request, runtime.store());
  }

  /**
   * Discovers settings over the network as well: the provider databases, autoconfig (draft 1.1,
   * 1.2, 1.3), the ISPDB, the MX host's hoster, autoconfig and ISPDB entry, RFC 6186 SRV records,
   * Microsoft Autodiscover and, last, guesses. All sources start at once; the best-ranked answer
   * wins even when it arrives later, and the future completes as soon as no source still running
   * could change the answer, or at the deadline. A domain the databases know is answered at once.
   *
   * <p>The future never fails: problems are in {@link Resolution#sourceReports()}. Cancelling it
   * stops every source (HTTP exchanges are aborted) and releases the discovery.
   *
   * @throws IllegalStateException if the client is closed
   */
  public CompletableFuture<Resolution> discover(ResolutionRequest request, DiscoveryOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    runtime.checkOpen();
    return Pipeline.discover(new DiscoveryContext(request, options, runtime));
  }

  /** {@link #discover(ResolutionRequest, DiscoveryOptions)} for an address with the default policy. */
  public CompletableFuture<Resolution> discover(EmailAddress address, DiscoveryOptions options) {
    return discover(ResolutionRequest.of(address), options);
  }

  /**
   * {@link #discover(ResolutionRequest, DiscoveryOptions)}, waiting for the answer: returns by
   * the options' deadline. An interrupt cancels the discovery.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public Resolution discoverAndWait(ResolutionRequest request, DiscoveryOptions options) throws InterruptedException {
    CompletableFuture<Resolution> future = discover(request, options);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException | CancellationException e) {
      // discover never fails; an exception here is a bug in the library
      throw new IllegalStateException("Discovery failed unexpectedly", e);
    }
  }

  /**
   * The settings check of this client: what is wrong with the settings a user typed, found with
   * this client's provider databases and offline pipeline. One per client, thread-safe.
   *
   * <pre>{@code
   * CheckResult result = client.settingsCheck().check(TypedSettings.builder()
   *     .address("info@vizus.cz").protocol(Protocol.SMTP).host("smtp.vizus.cz").port(587)
   *     .securityLabel("SSL").username("info").build());
   * // SECURITY_CONTRADICTS_PORT (587 is STARTTLS), USERNAME_NOT_FULL_ADDRESS (info@vizus.cz)
   * }</pre>
   */
  public SettingsCheck settingsCheck() {
    SettingsCheck check = settingsCheck;
    if (check == null) {
      check = SettingsCheck.create(this);
      settingsCheck = check;
    }
    return check;
  }

  /** A prober that runs on this client's threads with its TLS context, with default options. */
  public Prober prober() {
    return prober(ProbeOptions.defaults());
  }

  /** A prober that runs on this client's threads with its TLS context. */
  public Prober prober(ProbeOptions options) {
    runtime.checkOpen();
    return Prober.create(options, runtime.executor(), runtime.sslContext());
  }

  /** The application's databases and the library's layers consulted, in order. */
  public List<ProviderDatabase> databases() {
    return databases;
  }

  /** Every known provider, from every database, in consultation order. */
  public List<Provider> providers() {
    List<Provider> providers = new ArrayList<>();
    for (ProviderDatabase database : databases) {
      providers.addAll(database.providers());
    }
    return List.copyOf(providers);
  }

  /**
   * The TLS context this client uses for HTTPS and probing, for companion modules (such as the
   * Jakarta Mail adapter) that should trust the same authorities.
   */
  public SSLContext sslContext() {
    return runtime.sslContext();
  }

  /**
   * The executor this client runs its work on, for companion modules that should share its
   * threads rather than start their own.
   */
  public Executor executor() {
    return runtime.executor();
  }

  /**
   * Ends every thread and connection this client started and forgets the cache; calls still
   * running are stopped. The executor given to the builder is not shut down. Idempotent.
   */
  @Override
  public void close() {
    runtime.close();
  }

  /** Builds a {@link MailSettingsResolver}. */
  public static final class Builder {
    private final List<ProviderDatabase> databases = new ArrayList<>();
    private boolean bundled = true;
    private boolean snapshot = true;
    private @Nullable Executor executor;
    private int maxThreads = 16;
    private Clock clock = Clock.systemUTC();
    private @Nullable SSLContext sslContext;
    private @Nullable ProxySelector proxy;
    private @Nullable HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(3);
    private @Nullable InetSocketAddress dnsServer;
    private int cacheSize = 10_000;
    private int maxConcurrentDiscoveries = 256;
    private int maxConcurrentDiscoveriesPerDomain = 8;

    private Builder() {}

    /**
     * Adds a database of the application's own provider files, consulted before the bundled
     * ones and after those added earlier; it takes precedence for the domains it knows.
     */
    public Builder addProviders(ProviderDatabase database) {
      databases.add(Objects.requireNonNull(database, "database"));
      return this;
    }

    /**
     * Adds the provider files of a directory; see {@link ProviderDatabase#fromDirectory(Path)}.
     *
     * @throws org.mailsettings.clientconfig.ClientConfigException if the directory cannot be
     *     listed (it must exist) or a file cannot be parsed
     */
    public Builder addProviderDirectory(Path directory) {
      return addProviders(ProviderDatabase.fromDirectory(directory));
    }

    /** Whether to consult the curated bundled database (after the application's). On by default. */
    public Builder bundledDatabase(boolean enabled) {
      this.bundled = enabled;
      return this;
    }

    /** Whether to consult the bundled ISPDB snapshot (after the curated database). On by default. */
    public Builder ispdbSnapshot(boolean enabled) {
      this.snapshot = enabled;
      return this;
    }

    /**
     * The executor to run discovery and probing on (it is never shut down by the client).
     * Without one, the client keeps a pool of at most {@link #maxThreads(int)} daemon threads
     * that end when idle.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The size of the client's own pool, when no executor is given: 16 by default.
     *
     * @throws InvalidSettingsException if not between 1 and 1024
     */
    public Builder maxThreads(int threads) {
      if (threads < 1 || threads > 1024) {
        throw new InvalidSettingsException("maxThreads must be 1 to 1024: " + threads);
      }
      this.maxThreads = threads;
      return this;
    }

    /** The clock of elapsed times and cache lifetimes (tests pass a controllable one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The TLS context for HTTPS and probing (private authorities, tests); the JDK's default
     * otherwise. Host names are always verified, whatever the context.
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /** The HTTP proxy selector of discovery. */
    public Builder proxy(ProxySelector proxySelector) {
      this.proxy = Objects.requireNonNull(proxySelector, "proxySelector");
      return this;
    }

    /**
     * The HTTP client of discovery, instead of one built from the other settings. It must not
     * follow redirects itself (the library follows them by its own rules); the client never
     * closes it.
     *
     * @throws InvalidSettingsException if it follows redirects
     */
    public Builder httpClient(HttpClient client) {
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new InvalidSettingsException("The HTTP client must not follow redirects itself (HttpClient.Redirect.NEVER)");
      }
      this.httpClient = client;
      return this;
    }

    /**
     * The bound of one TCP connection of discovery: 3 s by default.
     *
     * @throws InvalidSettingsException if not positive
     */
    public Builder connectTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidSettingsException("The connect timeout must be positive: " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * The DNS server to ask, by IP address (IPv4 or IPv6) and port; the system's configured
     * server otherwise.
     *
     * @throws InvalidSettingsException if the host is not an IP address or the port is outside 1
     *     to 65535
     */
    public Builder dnsServer(String ipAddress, int port) {
      String literal = org.mailsettings.internal.net.HostNames.normalise(ipAddress).orElse("");
      byte[] address = org.mailsettings.internal.net.HostNames.ipBytes(literal);
      if (address == null) {
        throw new InvalidSettingsException("The DNS server must be an IP address, not \"" + ipAddress + "\"");
      }
      if (port < 1 || port > 65535) {
        throw new InvalidSettingsException("DNS server port outside 1 to 65535: " + port);
      }
      try {
        this.dnsServer = new InetSocketAddress(java.net.InetAddress.getByAddress(address), port);
      } catch (java.net.UnknownHostException e) {
        throw new InvalidSettingsException("The DNS server must be an IP address, not \"" + ipAddress + "\"");
      }
      return this;
    }

    /**
     * How many DNS answers and HTTP documents the cache keeps (10,000 by default; 0 turns it
     * off). Concurrent discoveries share one lookup of the same name or URL.
     *
     * @throws InvalidSettingsException if negative
     */
    public Builder cacheSize(int entries) {
      if (entries < 0) {
        throw new InvalidSettingsException("The cache size cannot be negative: " + entries);
      }
      this.cacheSize = entries;
      return this;
    }

    /**
     * How many discoveries run at once in all (256 by default) and for one domain (8 by
     * default); more wait, without holding a thread, until one ends.
     *
     * @throws InvalidSettingsException if either is below 1
     */
    public Builder maxConcurrentDiscoveries(int total, int perDomain) {
      if (total < 1 || perDomain < 1) {
        throw new InvalidSettingsException("Discovery limits must be at least 1: " + total + ", " + perDomain);
      }
      this.maxConcurrentDiscoveries = total;
      this.maxConcurrentDiscoveriesPerDomain = perDomain;
      return this;
    }

    /** Builds the client; threads start only when work arrives. */
    public MailSettingsResolver build() {
      List<ProviderDatabase> all = new ArrayList<>(databases);
      if (bundled) {
        all.add(ProviderDatabase.bundled());
      }
      if (snapshot) {
        all.add(ProviderDatabase.ispdbSnapshot());
      }
      List<ProviderIndex> layers = new ArrayList<>();
      for (ProviderDatabase database : all) {
        layers.add(database.index());
      }
      SSLContext context = sslContext != null ? sslContext : defaultSslContext();
      PipelineRuntime runtime =
          new PipelineRuntime(
              new PipelineRuntime.Settings(
                  executor, maxThreads, clock, context, proxy, httpClient, connectTimeout, dnsServer, cacheSize,
                  maxConcurrentDiscoveries, maxConcurrentDiscoveriesPerDomain, new ProviderStore(layers)));
      return new MailSettingsResolver(all, runtime);
    }

    private static SSLContext defaultSslContext() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("The JDK has no default TLS context", e);
      }
    }
  }
}
