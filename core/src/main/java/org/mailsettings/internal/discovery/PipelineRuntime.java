package org.mailsettings.internal.discovery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.dns.DnsClient;
import org.mailsettings.internal.http.HttpFetcher;
import org.mailsettings.internal.provider.ProviderStore;
import org.mailsettings.internal.psl.PublicSuffixList;

/**
 * What one client owns and every call shares: the executor (the caller's, or a bounded pool of
 * daemon threads that end when idle, and a second one for the HTTP client and the starts of
 * network sources), one timer thread for deadlines, the clock, one HTTP client, the DNS clients,
 * the answer cache, the provider store and the admission limits. {@link #close()} ends every
 * thread and connection it started; the caller's executor is left alone.
 */
public final class PipelineRuntime implements AutoCloseable {

  /** How the runtime is built. */
  public record Settings(
      @Nullable Executor executor,
      int maxThreads,
      Clock clock,
      @Nullable SSLContext sslContext,
      @Nullable ProxySelector proxy,
      @Nullable HttpClient httpClient,
      Duration connectTimeout,
      @Nullable InetSocketAddress dnsServer,
      int cacheSize,
      int maxConcurrentDiscoveries,
      int maxConcurrentDiscoveriesPerDomain,
      ProviderStore store) {}

  private static final AtomicInteger RUNTIMES = new AtomicInteger();
  /** How long closing waits for the HTTP exchanges to end before it aborts them. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);
  /**
   * Threads for the network: the HTTP client's (which sets up every exchange on its executor and
   * resolves the host name there, through the system's resolver, blocking) and the starts of
   * network sources. A host that does not exist, as autoconfig hosts mostly do not, costs a
   * resolver's round trip on such a thread; apart from the workers, those waits hold neither the
   * DNS answers nor the assembly of results, and as many as the default bulk concurrency let a
   * wave of domains resolve its hosts at once (a loopback bulk run whose hosts take 30 ms not to
   * exist went from 670 to 2,009 addresses a second).
   */
  private static final int NETWORK_THREADS = 64;

  private final Settings settings;
  private final String name;
  private final @Nullable ThreadPoolExecutor ownExecutor;
  private final Executor executor;
  private final @Nullable ThreadPoolExecutor ownNetwork;
  private final Executor network;
  private final ScheduledThreadPoolExecutor timer;
  private final @Nullable TtlCache cache;
  private final Admission admission;
  private final Map<Duration, DnsClient> dnsClients = new ConcurrentHashMap<>();
  private volatile @Nullable HttpClient ownHttpClient;
  private volatile @Nullable SSLContext defaultSslContext;
  private volatile boolean closed;

  /** A runtime with these settings; threads start only when work arrives. */
  public PipelineRuntime(Settings settings) {
    this.settings = settings;
    this.name = "mailsettings-" + RUNTIMES.incrementAndGet();
    Executor given = settings.executor();
    if (given != null) {
      this.ownExecutor = null;
      this.executor = given;
      this.ownNetwork = null;
      this.network = given;
    } else {
      ThreadPoolExecutor pool = idlingPool(settings.maxThreads(), name + "-worker-");
      this.ownExecutor = pool;
      this.executor = pool;
      ThreadPoolExecutor networkPool = idlingPool(NETWORK_THREADS, name + "-net-");
      this.ownNetwork = networkPool;
      this.network = networkPool;
    }
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemons(name + "-timer-"));
    // A finished call cancels its deadline; the timer then forgets it at once, so that nothing
    // of a finished discovery stays reachable until its deadline would have passed.
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    this.timer = scheduler;
    this.cache = settings.cacheSize() > 0 ? new TtlCache(settings.cacheSize(), new NanoClock(settings.clock())) : null;
    this.admission = new Admission(settings.maxConcurrentDiscoveries(), settings.maxConcurrentDiscoveriesPerDomain());
  }

  private static ThreadFactory daemons(String prefix) {
    return new Daemons(prefix);
  }

  /** A pool of up to {@code threads} daemon threads, started as work arrives, ended after 30 s idle. */
  private static ThreadPoolExecutor idlingPool(int threads, String prefix) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons(prefix));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The executor every stage runs on. */
  public Executor executor() {
    return executor;
  }

  /**
   * The executor of the HTTP client and of network sources' starts, which may block while a host
   * name is resolved: the caller's executor when one was given, else threads apart from the
   * workers.
   */
  public Executor network() {
    return network;
  }

  /** Runs {@code task} after {@code delay}; the returned future cancels it. */
  public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("The client is closed", e);
    }
  }

  /** The clock's time in nanoseconds, for elapsed times and cache lifetimes. */
  public long nanoTime() {
    return NanoClock.nanos(settings.clock());
  }

  /**
   * A clock's time in nanoseconds. Classes here, not lambdas or method references: a client is
   * made at start-up, and the first lambda of a process costs milliseconds of bootstrapping.
   */
  private static final class NanoClock implements java.util.function.LongSupplier {
    private final Clock clock;

    NanoClock(Clock clock) {
      this.clock = clock;
    }

    static long nanos(Clock clock) {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long getAsLong() {
      return nanos(clock);
    }
  }

  /** Daemon threads named {@code prefix} and a number. */
  private static final class Daemons implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    Daemons(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /** The elapsed time since {@code startNanos} of {@link #nanoTime()}. */
  public Duration since(long startNanos) {
    return Duration.ofNanos(Math.max(0, nanoTime() - startNanos));
  }

  /**
   * The TLS context of HTTPS (and the prober): the caller's, or the JDK's default, fetched on
   * first use (loading the JDK's trusted authorities costs time and a megabyte of heap that an
   * application resolving offline never needs).
   */
  public SSLContext sslContext() {
    SSLContext given = settings.sslContext();
    if (given != null) {
      return given;
    }
    SSLContext context = defaultSslContext;
    if (context == null) {
      try {
        context = SSLContext.getDefault();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("The JDK has no default TLS context", e);
      }
      defaultSslContext = context;
    }
    return context;
  }

  /** The connect timeout of HTTP and probes. */
  public Duration connectTimeout() {
    return settings.connectTimeout();
  }

  /** The one HTTP client: the caller's, or one made on first use and closed with the runtime. */
  public HttpClient httpClient() {
    HttpClient given = settings.httpClient();
    if (given != null) {
      return given;
    }
    HttpClient client = ownHttpClient;
    if (client == null) {
      synchronized (this) {
        client = ownHttpClient;
        if (client == null) {
          checkOpen();
          client = HttpFetcher.newClient(settings.connectTimeout(), sslContext(), settings.proxy(), network);
          ownHttpClient = client;
        }
      }
    }
    return client;
  }

  /**
   * A DNS client with this query timeout, against the configured server or the system's.
   *
   * @throws DnsClient.NoDnsException when no DNS server can be used
   */
  public DnsClient dns(Duration timeout) throws DnsClient.NoDnsException {
    DnsClient existing = dnsClients.get(timeout);
    if (existing != null) {
      return existing;
    }
    DnsClient client;
    try {
      client = DnsClient.create(settings.dnsServer(), timeout, executor, timer);
    } catch (DnsClient.NoDnsException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DnsClient.NoDnsException(String.valueOf(e.getMessage()), e);
    }
    if (dnsClients.size() < 8) { // a handful of distinct timeouts at most
      dnsClients.putIfAbsent(timeout, client);
    }
    return client;
  }

  /** The answer cache, or null when caching is off. */
  public @Nullable TtlCache cache() {
    return cache;
  }

  /** The provider databases, in consultation order. */
  public ProviderStore store() {
    return settings.store();
  }

  /** The Public Suffix List. */
  public PublicSuffixList publicSuffixes() {
    return PublicSuffixList.bundled();
  }

  /** The limits on discoveries running at once. */
  public Admission admission() {
    return admission;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Refuses work once closed.
   *
   * @throws IllegalStateException when the client is closed
   */
  public void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The mailsettings client is closed");
    }
  }

  /**
   * Shuts a client of ours down: from Java 21 on, it is given a moment for its exchanges to end
   * and then aborts the rest, so that closing never waits for good (its own close waits as long
   * as any exchange runs). Through reflection, as the library is built for Java 17, whose client
   * has none of this: its thread ends once the client is unreachable.
   */
  private static void shutDown(HttpClient client) {
    Method shutdown;
    Method awaitTermination;
    Method shutdownNow;
    try {
      shutdown = HttpClient.class.getMethod("shutdown");
      awaitTermination = HttpClient.class.getMethod("awaitTermination", Duration.class);
      shutdownNow = HttpClient.class.getMethod("shutdownNow");
    } catch (NoSuchMethodException e) {
      return; // Java 17 to 20
    }
    try {
      shutdown.invoke(client);
      if (!Boolean.TRUE.equals(awaitTermination.invoke(client, SHUTDOWN_GRACE))) {
        shutdownNow.invoke(client);
      }
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      try {
        shutdownNow.invoke(client);
      } catch (ReflectiveOperationException again) {
        // nothing more can be done about a client that fails to close
      }
    } catch (IllegalAccessException e) {
      // public methods of an exported package: not reached
    }
  }

  /** Ends the runtime's threads and connections; calls still running are stopped. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    HttpClient client = ownHttpClient;
    if (client != null) {
      // The ends of exchanges still under way run as tasks on the network threads: they are
      // shut down after the client (tasks dropped from their queue would leave a client waiting
      // for good).
      shutDown(client);
    }
    ThreadPoolExecutor networkPool = ownNetwork;
    if (networkPool != null) {
      networkPool.shutdownNow();
    }
    ThreadPoolExecutor pool = ownExecutor;
    if (pool != null) {
      pool.shutdownNow();
    }
    if (cache != null) {
      cache.clear();
    }
  }
}
