package org.mailsettings.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.mailsettings.BulkOptions;
import org.mailsettings.BulkResult;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.SourceReport;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/**
 * Bulk discovery against a loopback world that answers after set delays, in one run: a contact
 * list of 10,000 addresses over 2,000 domains (five each, interleaved) through {@code
 * discoverAll} at concurrency 64 and 256, against the one-at-a-time loop the command line used
 * to run ({@code resolve}, then {@code discoverAndWait} for a domain the database does not know),
 * and the heap while 100,000 addresses stream through.
 *
 * <p>Two worlds, each in its own run. Both: one HTTPS server ({@link TestHttpServer}: TLS 1.3
 * with the ECDSA P-256 test certificate, HTTP/1.1 with keep-alive, a thread per connection)
 * serves the ISPDB at one origin ({@code https://localhost:port}), and one UDP DNS server ({@link
 * TestDnsServer}) answers MX, SRV and TXT; both run in this JVM, on the same cores as the client.
 * Each domain: the ISPDB has the domain after 100 ms (the critical path), MX after 30 ms (a host
 * whose domain the ISPDB does not know, 404 after 50 ms), SRV and the PACC TXT record at once
 * (none). In the {@code issue} world (issue 13's: loopback DNS and ISPDB, every other source
 * refused at once) autoconfig, well-known autoconfig, autoconfig "over HTTP" and Autodiscover
 * point at a closed loopback port: one HTTPS exchange and eight DNS queries a domain. In the
 * {@code busy} world the same server answers them 404 after 80 ms, over TLS: five HTTPS exchanges
 * a domain. Both are kinder than the real world in one way: one origin lets the client reuse its
 * connections across domains, where each real domain's autoconfig and Autodiscover hosts are its
 * own and cost TLS handshakes of their own.
 *
 * <p>Each bulk run starts with a new resolver (cold connections, as a command-line run starts)
 * after the previous one's connections are gone, and prints the rate, the bound (distinct domains
 * / concurrency) × critical path, the connections the server accepted, the threads the JVM
 * started, and the CPU time of the whole process against that of the two servers' threads (the
 * client's share includes the JIT compiler and the collector). The runs repeat ({@code
 * -Dbulk.runs=N}, 3 by default) for the spread. The one-at-a-time loop is run on the first 1,000
 * addresses (200 domains, the same mix): at 0.1 s a domain the whole list would take more than 3
 * minutes; its rate is what counts. Run with {@code java -cp benchmarks/target/benchmarks.jar
 * org.mailsettings.benchmarks.BulkThroughput} from the repository root.
 */
public final class BulkThroughput {
  private static final int DOMAINS = 2_000;
  private static final int ADDRESSES = 10_000;
  private static final Duration CRITICAL_PATH = Duration.ofMillis(100);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private BulkThroughput() {}

  private static String config(String domain) {
    return "<clientConfig><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<incomingServer type=\"imap\"><hostname>imap." + domain + "</hostname><port>993</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>smtp." + domain + "</hostname><port>465</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider></clientConfig>";
  }

  private static String domain(int index) {
    return "bulk" + index + ".example";
  }

  /** The i-th address of a list over {@code domains} domains: domains interleaved, as a contact list has them. */
  private static String address(long i, int domains) {
    return "user" + i + "@" + domain((int) (i % domains));
  }

  /** The loopback world and what its servers have done so far. */
  private record World(TestHttpServer https, TestDnsServer dns, DiscoveryOptions discovery) {
    long serverCpuNanos() {
      return https.cpuTimeNanos() + dns.cpuTimeNanos();
    }
  }

  /** What a stretch of the run cost: time, CPU (the process's and the servers'), connections, threads. */
  private static final class Meter {
    private final World world;
    private final long startNanos = System.nanoTime();
    private final long processCpu = processCpuNanos();
    private final long serverCpu;
    private final int connections;
    private final long threads = THREADS.getTotalStartedThreadCount();

    Meter(World world) {
      this.world = world;
      this.serverCpu = world.serverCpuNanos();
      this.connections = world.https().connectionCount();
    }

    double seconds() {
      return (System.nanoTime() - startNanos) / 1e9;
    }

    String costs() {
      double process = (processCpuNanos() - processCpu) / 1e9;
      double servers = (world.serverCpuNanos() - serverCpu) / 1e9;
      return String.format(Locale.ROOT, "CPU %.1f s (servers %.1f s, client %.1f s); %d connections accepted; %d threads started",
          process, servers, process - servers, world.https().connectionCount() - connections,
          THREADS.getTotalStartedThreadCount() - threads);
    }

    private static long processCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
  }

  /** What a bulk run found: addresses with the ISPDB's answer, without, and source outcomes that should not happen here. */
  private static final class Counts {
    long found;
    long missing;
    long errors;
    long timeouts;
    long cancelled;

    void add(Resolution resolution) {
      boolean ispdb = resolution.bestIncoming().map(c -> c.source() == Source.ISPDB).orElse(false);
      if (ispdb) {
        found++;
      } else {
        missing++;
      }
      for (SourceReport report : resolution.sourceReports()) {
        if (report.outcome() == SourceOutcome.ERROR) {
          errors++;
        } else if (report.outcome() == SourceOutcome.TIMEOUT) {
          timeouts++;
        } else if (report.outcome() == SourceOutcome.CANCELLED) {
          cancelled++;
        }
      }
    }

    @Override
    public String toString() {
      String outcomes = String.format(Locale.ROOT, "%d with the ISPDB's answer; source outcomes: %d errors, %d timeouts, %d stopped",
          found, errors, timeouts, cancelled);
      return missing == 0 ? outcomes : "INCOMPLETE: " + missing + " addresses without the ISPDB's answer; " + outcomes;
    }
  }

  /**
   * The two worlds: {@code issue}, issue 13's (the ISPDB and DNS answer, every other HTTP source
   * is refused at once: its port is closed), and {@code busy}, where the other HTTP sources answer
   * 404 after 80 ms over TLS.
   */
  private enum Kind {
    ISSUE,
    BUSY
  }

  /**
   * Prints the figures: {@code -Dbulk.worlds=issue,busy} (both by default), {@code
   * -Dbulk.warmups=3} (runs of the list before any is counted), {@code -Dbulk.runs=3}, {@code
   * -Dbulk.concurrency=64,256}, {@code -Dbulk.memory=true} (the streaming run).
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("mailsettings.tls", System.getProperty("mailsettings.tls", "core/src/test/resources/tls"));
    int runs = Integer.getInteger("bulk.runs", 3);
    System.out.printf(Locale.ROOT, "%d processors; load average %.1f%n",
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String name : System.getProperty("bulk.worlds", "issue,busy").split(",", -1)) {
      Kind kind = Kind.valueOf(name.strip().toUpperCase(Locale.ROOT));
      try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")).recordRequests(false);
          TestDnsServer dns = new TestDnsServer()) {
        World world = world(kind, https, dns);
        System.out.printf(Locale.ROOT, "%n== world: %s ==%n", kind.name().toLowerCase(Locale.ROOT));
        measure(world, runs);
      }
    }
  }

  private static World world(Kind kind, TestHttpServer https, TestDnsServer dns) throws IOException {
    for (int d = 0; d < DOMAINS; d++) {
      String domain = domain(d);
      if (kind == Kind.BUSY) {
        Duration no = Duration.ofMillis(80);
        for (String prefix : List.of("/ac/", "/wk/", "/plain/", "/ad/")) {
          https.route(prefix + domain, Response.status(404).delayed(no));
        }
      }
      https.route("/ispdb/" + domain, Response.ok(config(domain)).delayed(CRITICAL_PATH));
      dns.mx(domain, false, Duration.ofMillis(30), "mx1.hosting.example");
    }
    https.route("/ispdb/hosting.example", Response.status(404).delayed(Duration.ofMillis(50)));
    String base = https.base();
    String other = kind == Kind.BUSY ? base : "https://localhost:" + closedPort();
    DiscoveryOptions discovery = DiscoveryOptions.builder()
        .deadline(Duration.ofSeconds(30))
        .requestTimeout(Duration.ofSeconds(20))
        .autoconfigUrlTemplate(other + "/ac/%EMAILDOMAIN%")
        .wellKnownUrlTemplate(other + "/wk/%EMAILDOMAIN%")
        .autoconfigHttpUrlTemplate(other + "/plain/%EMAILDOMAIN%")
        .autodiscoverUrlTemplates(List.of(other + "/ad/%EMAILDOMAIN%"))
        .ispdbBaseUrl(base + "/ispdb/")
        .build();
    return new World(https, dns, discovery);
  }

  /** A loopback port that nothing listens on (bound, then closed): connections to it are refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void measure(World world, int runs) throws InterruptedException {
    // Warm up the JVM with the measured list: on two cores the JIT still compiles (and
    // recompiles) through the second and third run of it, and the first measured run would pay.
    int warmups = Integer.getInteger("bulk.warmups", 3);
    for (int i = 1; i <= warmups; i++) {
      bulk(world, 64, "warm-up " + i + " of " + warmups + " (not counted), concurrency 64");
    }

    double oneAtATime = oneAtATime(world, 1_000, 200);

    for (String level : System.getProperty("bulk.concurrency", "64,256").split(",", -1)) {
      int concurrency = Integer.parseInt(level.strip());
      double[] rates = new double[runs];
      for (int run = 0; run < runs; run++) {
        rates[run] = bulk(world, concurrency, "bulk, concurrency " + concurrency);
        double bound = Math.ceil(DOMAINS / (double) concurrency) * CRITICAL_PATH.toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "  = %.0fx one at a time; bound (domains / concurrency) x critical path = %.2f s%n",
            rates[run] / oneAtATime, bound);
      }
      Arrays.sort(rates);
      System.out.printf(Locale.ROOT, "bulk, concurrency %d, %d runs: median %.0f addresses/s (%.0fx one at a time), %.0f to %.0f%n",
          concurrency, runs, rates[runs / 2], rates[runs / 2] / oneAtATime, rates[0], rates[runs - 1]);
    }

    if (Boolean.parseBoolean(System.getProperty("bulk.memory", "true"))) {
      memory(world);
    }
  }

  private static MailSettingsResolver client(TestDnsServer dns) {
    // One loopback server takes every connection: its TLS handshakes queue up on two cores.
    return MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port())
        .connectTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * Waits until the server holds no connection of earlier runs: a closed resolver's HTTP client
   * (on Java 17, which has no close for it) closes its connections once it is collected.
   */
  private static void settle(World world) throws InterruptedException {
    for (int i = 0; i < 100 && world.https().activeConnections() > 0; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }

  /** One bulk run of the list with a new resolver; its rate in addresses per second. */
  private static double bulk(World world, int concurrency, String label) throws InterruptedException {
    settle(world);
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    try (MailSettingsResolver resolver = client(world.dns())) {
      Meter meter = new Meter(world);
      Counts counts = new Counts();
      BulkOptions options = BulkOptions.builder().discovery(world.discovery()).concurrency(concurrency).build();
      try (Stream<BulkResult> results = resolver.discoverAll(IntStream.range(0, ADDRESSES).mapToObj(i -> address(i, DOMAINS)), options)) {
        results.forEach(result -> counts.add(result.resolution().orElseThrow()));
      }
      double seconds = meter.seconds();
      System.out.printf(Locale.ROOT,
          "%s: %,d addresses over %,d domains in %.2f s = %.0f addresses/s; %s; %s; load average %.1f before%n",
          label, ADDRESSES, DOMAINS, seconds, ADDRESSES / seconds, meter.costs(), counts, load);
      return ADDRESSES / seconds;
    }
  }

  /** The old loop: every address on its own, the next one after the last one's answer. */
  private static double oneAtATime(World world, int addresses, int domains) throws InterruptedException {
    settle(world);
    try (MailSettingsResolver resolver = client(world.dns())) {
      Meter meter = new Meter(world);
      for (int i = 0; i < addresses; i++) {
        ResolutionRequest request = ResolutionRequest.of(EmailAddress.parse(address(i, domains)));
        Resolution resolution = resolver.resolve(request);
        if (resolution.provider().isEmpty()) {
          resolution = resolver.discoverAndWait(request, world.discovery());
        }
        if (resolution.bestIncoming().map(c -> c.source() != Source.ISPDB).orElse(true)) {
          throw new IllegalStateException("no ISPDB answer for " + request.address());
        }
      }
      double rate = addresses / meter.seconds();
      System.out.printf(Locale.ROOT, "one at a time: %.1f addresses/s (%,d addresses over %d domains in %.1f s); %s%n",
          rate, addresses, domains, meter.seconds(), meter.costs());
      return rate;
    }
  }

  /** The heap after GC every 10,000 of 100,000 streamed addresses (the list's 2,000 domains, 50 addresses each). */
  private static void memory(World world) throws InterruptedException {
    settle(world);
    List<String> samples = new ArrayList<>();
    long lowest = Long.MAX_VALUE;
    long highest = 0;
    Meter meter = new Meter(world);
    try (MailSettingsResolver resolver = client(world.dns())) {
      long before = DiscoveryRetention.usedAfterGc();
      BulkOptions options = BulkOptions.builder().discovery(world.discovery()).build();
      try (Stream<BulkResult> results = resolver.discoverAll(
          Stream.iterate(0L, i -> i < 100_000, i -> i + 1).map(i -> address(i, DOMAINS)), options)) {
        long seen = 0;
        for (BulkResult result : (Iterable<BulkResult>) results::iterator) {
          if (result.resolution().isEmpty()) {
            throw new IllegalStateException(result.toString());
          }
          seen++;
          if (seen % 10_000 == 0) {
            long used = DiscoveryRetention.usedAfterGc();
            lowest = Math.min(lowest, used);
            highest = Math.max(highest, used);
            samples.add(String.format(Locale.ROOT, "%.1f", used / 1048576.0));
          }
        }
      }
      System.out.printf(Locale.ROOT,
          "heap after GC every 10,000 of 100,000 streamed addresses (MiB): %s (%.1f before the first); spread %.1f MiB;"
              + " %.1f s with the sampling; %s%n",
          String.join(", ", samples), before / 1048576.0, (highest - lowest) / 1048576.0, meter.seconds(), meter.costs());
    }
  }
}
