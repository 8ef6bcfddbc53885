package org.mailsettings;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.discovery.BulkRun;
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
    ClientAccess.register(new RuntimeAccess());
  }

  /**
   * The way to a client's runtime. A class, not a lambda: the first lambda of a process costs
   * several milliseconds of bootstrapping, and this runs when the first client is made.
   */
  private static final class RuntimeAccess implements java.util.function.Function<MailSettingsResolver, PipelineRuntime> {
    @Override
    public PipelineRuntime apply(MailSettingsResolver client) {
      return client.runtime;
    }
  }

  private final List<ProviderDatabase> databases;
  private final PipelineRuntime runtime;
  private volatile @Nullable SettingsCheck settingsCheck;

  private MailSettingsResolver(List<ProviderDatabase> databases, PipelineRuntime runtime) {
    this.databases = List.copyOf(databases);
    this.runtime = runtime;
  }

  /** {@return a client with the bundled databases and the default runtime} */
  public static MailSettingsResolver create() {
    return builder().build();
  }

  /** {@return a builder; by default the bundled databases are consulted after any databases added} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves an address given as text, offline.
   *
   * @param address the e-mail address
   * @return the resolution
   * @throws InvalidEmailAddressException if the text is not an address
   */
  public Resolution resolve(String address) {
    return resolve(EmailAddress.parse(address));
  }

  /**
   * Resolves an address with no MX hints and the default policy, offline.
   *
   * @param address the e-mail address
   * @return the resolution
   */
  public Resolution resolve(EmailAddress address) {
    return resolve(ResolutionRequest.of(address));
  }

  /**
   * Resolves a request (an address with MX hints and a policy) offline, on the calling thread:
   * the provider databases by domain, then the hoster rules for the MX hints, then guesses.
   * Never touches the network; never throws for an address {@link EmailAddress#parse} accepted.
   *
   * @param request the request (address, MX hints, policy)
   * @return the resolution
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
   * @param request the request (address, MX hints, policy)
   * @param options the options
   * @return the resolution, once no source still running could change it or at the deadline
   * @throws IllegalStateException if the client is closed
   */
  public CompletableFuture<Resolution> discover(ResolutionRequest request, DiscoveryOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    runtime.checkOpen();
    return Pipeline.discover(new DiscoveryContext(request, options, runtime));
  }

  /**
   * {@return {@link #discover(ResolutionRequest, DiscoveryOptions)} for an address with the default policy}
   *
   * @param address the e-mail address
   * @param options the options
   */
  public CompletableFuture<Resolution> discover(EmailAddress address, DiscoveryOptions options) {
    return discover(ResolutionRequest.of(address), options);
  }

  /**
   * {@return {@link #discover(ResolutionRequest, DiscoveryOptions)}, waiting for the answer: returns by
   * the options' deadline} An interrupt cancels the discovery.
   *
   * @param request the request (address, MX hints, policy)
   * @param options the options
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
   * Discovers settings for many addresses, such as a contact list: each distinct domain is
   * discovered once and every address of it gets that answer with its own usernames; at most
   * {@link BulkOptions#concurrency()} domains are discovered at once, through this client's
   * cache and limits. The returned stream reads the inputs lazily and hands out results as they
   * complete (or in input order, see {@link BulkOptions#ordered()}), each with its input's index,
   * so that memory stays flat however long the input is. An input that is not an address comes
   * back as a result with its error; the run never stops for it. Closing the stream (or
   * try-with-resources) cancels what is still running.
   *
   * <p>On a machine with two cores or fewer, start the JVM with {@code
   * -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}: the common pool has one thread
   * there, and {@code CompletableFuture} then starts a thread for every response the JDK's HTTP
   * client hands over, which costs a bulk run a third of its throughput or more. A library cannot
   * set it once the pool exists; the command line sets it for itself.
   *
   * <pre>{@code
   * try (Stream<BulkResult> results = resolver.discoverAll(Files.lines(contacts), BulkOptions.defaults())) {
   *   results.forEach(r -> System.out.println(r.index() + " " + r.resolution().map(Resolution::provider)));
   * }
   * }</pre>
   *
   * @param addresses the inputs, read lazily (closed with the returned stream)
   * @param options how the run discovers, how many domains at once, in which order
   * @return the results, one for each input
   * @throws IllegalStateException if the client is closed
   */
  public Stream<BulkResult> discoverAll(Stream<String> addresses, BulkOptions options) {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(options, "options");
    runtime.checkOpen();
    BulkRun run = new BulkRun(addresses.iterator(), options, runtime);
    return StreamSupport.stream(run, false).onClose(() -> {
      run.close();
      addresses.close();
    });
  }

  /**
   * {@link #discoverAll(Stream, BulkOptions)} over an iterable of addresses.
   *
   * @param addresses the inputs, read lazily
   * @param options how the run discovers, how many domains at once, in which order
   * @return the results, one for each input
   */
  public Stream<BulkResult> discoverAll(Iterable<String> addresses, BulkOptions options) {
    return discoverAll(StreamSupport.stream(addresses.spliterator(), false), options);
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
   *
   * @return the check, made when first asked for
   */
  public SettingsCheck settingsCheck() {
    SettingsCheck check = settingsCheck;
    if (check == null) {
      check = SettingsCheck.create(this);
      settingsCheck = check;
    }
    return check;
  }

  /** {@return a prober that runs on this client's threads with its TLS context, with default options} */
  public Prober prober() {
    return prober(ProbeOptions.defaults());
  }

  /**
   * {@return a prober that runs on this client's threads with its TLS context}
   *
   * @param options the options
   */
  public Prober prober(ProbeOptions options) {
    runtime.checkOpen();
    return Prober.create(options, runtime.executor(), runtime.sslContext());
  }

  /** {@return the application's databases and the library's layers consulted, in order} */
  public List<ProviderDatabase> databases() {
    return databases;
  }

  /** {@return every known provider, from every database, in consultation order} */
  public List<Provider> providers() {
    List<Provider> providers = new ArrayList<>();
    for (ProviderDatabase database : databases) {
      providers.addAll(database.providers());
    }
    return List.copyOf(providers);
  }

  /**
   * {@return the TLS context this client uses for HTTPS and probing, for companion modules (such as the
   * Jakarta Mail adapter) that should trust the same authorities}
   */
  public SSLContext sslContext() {
    return runtime.sslContext();
  }

  /**
   * {@return the executor this client runs its work on, for companion modules that should share its
   * threads rather than start their own}
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
     *
     * @param database the database
     * @return this builder
     */
    public Builder addProviders(ProviderDatabase database) {
      databases.add(Objects.requireNonNull(database, "database"));
      return this;
    }

    /**
     * Adds the provider files of a directory; see {@link ProviderDatabase#fromDirectory(Path)}.
     *
     * @param directory the directory
     * @return this builder
     * @throws org.mailsettings.clientconfig.ClientConfigException if the directory cannot be
     *     listed (it must exist) or a file cannot be parsed
     */
    public Builder addProviderDirectory(Path directory) {
      return addProviders(ProviderDatabase.fromDirectory(directory));
    }

    /**
     * Whether to consult the curated bundled database (after the application's). On by default.
     *
     * @param enabled whether it is consulted
     * @return this builder
     */
    public Builder bundledDatabase(boolean enabled) {
      this.bundled = enabled;
      return this;
    }

    /**
     * Whether to consult the bundled ISPDB snapshot (after the curated database). On by default.
     *
     * @param enabled whether it is consulted
     * @return this builder
     */
    public Builder ispdbSnapshot(boolean enabled) {
      this.snapshot = enabled;
      return this;
    }

    /**
     * The executor to run discovery and probing on (it is never shut down by the client).
     * Without one, the client keeps a pool of at most {@link #maxThreads(int)} daemon threads
     * that end when idle.
     *
     * @param executor the threads to run on
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The size of the client's own pool, when no executor is given: 16 by default. HTTP exchanges
     * and the starts of network sources run apart from it, on up to 64 further threads of the
     * client's own: the JDK's HTTP client resolves host names on its executor, blocking, and the
     * pool carries every answer. All of them start as work arrives and end after 30 seconds idle.
     *
     * @param threads the number of threads
     * @return this builder
     * @throws InvalidSettingsException if not between 1 and 1024
     */
    public Builder maxThreads(int threads) {
      if (threads < 1 || threads > 1024) {
        throw new InvalidSettingsException("maxThreads must be 1 to 1024: " + threads);
      }
      this.maxThreads = threads;
      return this;
    }

    /**
     * The clock of elapsed times and cache lifetimes (tests pass a controllable one).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The TLS context for HTTPS and probing (private authorities, tests); the JDK's default
     * otherwise. Host names are always verified, whatever the context.
     *
     * @param context the TLS context
     * @return this builder
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * The HTTP proxy selector of discovery.
     *
     * @param proxySelector the proxy selector
     * @return this builder
     */
    public Builder proxy(ProxySelector proxySelector) {
      this.proxy = Objects.requireNonNull(proxySelector, "proxySelector");
      return this;
    }

    /**
     * The HTTP client of discovery, instead of one built from the other settings. It must not
     * follow redirects itself (the library follows them by its own rules); the client never
     * closes it.
     *
     * @param client the HTTP client
     * @return this builder
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
     * @param timeout the timeout
     * @return this builder
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
     * @param ipAddress the DNS server's IP address
     * @param port the port
     * @return this builder
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
     * @param entries the number of entries
     * @return this builder
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
     * @param total at most this many discoveries at once
     * @param perDomain at most this many for one domain at once
     * @return this builder
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

    /**
     * Builds the client; threads start only when work arrives.
     *
     * @return the client
     */
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
      PipelineRuntime runtime =
          new PipelineRuntime(
              new PipelineRuntime.Settings(
                  executor, maxThreads, clock, sslContext, proxy, httpClient, connectTimeout, dnsServer, cacheSize,
                  maxConcurrentDiscoveries, maxConcurrentDiscoveriesPerDomain, new ProviderStore(layers)));
      return new MailSettingsResolver(all, runtime);
    }
  }
}
