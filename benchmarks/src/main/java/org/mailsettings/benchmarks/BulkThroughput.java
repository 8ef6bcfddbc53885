package org.mailsettings.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
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
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/**
 * Bulk discovery against a loopback world that answers after set delays, in one run: a contact
 * list of 10,000 addresses over 2,000 domains (five each, interleaved) through {@code
 * discoverAll}, against the one-at-a-time loop the command line used to run ({@code resolve},
 * then {@code discoverAndWait} for a domain the database does not know), and the heap while
 * 100,000 addresses stream through.
 *
 * <p>Each domain: autoconfig, well-known autoconfig, autoconfig over HTTP and Autodiscover answer
 * 404 after 80 ms, the ISPDB has the domain after 100 ms, MX after 30 ms (a host whose domain the
 * ISPDB does not know, 404 after 50 ms), SRV at once (no records). The ISPDB decides when the
 * better-ranked autoconfig sources have said no: the critical path of a domain is 100 ms.
 *
 * <p>The one-at-a-time loop is run on the first 1,000 addresses (200 domains, the same mix):
 * at 0.1 s a domain the whole list would take more than 3 minutes; its rate is what counts. Run
 * with {@code java -cp benchmarks/target/benchmarks.jar org.mailsettings.benchmarks.BulkThroughput}
 * from the repository root.
 */
public final class BulkThroughput {
  private static final int DOMAINS = 2_000;
  private static final int ADDRESSES = 10_000;
  private static final Duration CRITICAL_PATH = Duration.ofMillis(100);

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

  /** Prints the figures. */
  public static void main(String[] args) throws Exception {
    System.setProperty("mailsettings.tls", System.getProperty("mailsettings.tls", "core/src/test/resources/tls"));
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      for (int d = 0; d < DOMAINS; d++) {
        String domain = domain(d);
        Duration no = Duration.ofMillis(80);
        for (String prefix : List.of("/ac/", "/wk/", "/plain/", "/ad/")) {
          https.route(prefix + domain, Response.status(404).delayed(no));
        }
        https.route("/ispdb/" + domain, Response.ok(config(domain)).delayed(CRITICAL_PATH));
        dns.mx(domain, false, Duration.ofMillis(30), "mx1.hosting.example");
      }
      https.route("/ispdb/hosting.example", Response.status(404).delayed(Duration.ofMillis(50)));
      String base = https.base();
      DiscoveryOptions discovery = DiscoveryOptions.builder()
          .deadline(Duration.ofSeconds(30))
          .requestTimeout(Duration.ofSeconds(20))
          .autoconfigUrlTemplate(base + "/ac/%EMAILDOMAIN%")
          .wellKnownUrlTemplate(base + "/wk/%EMAILDOMAIN%")
          .autoconfigHttpUrlTemplate(base + "/plain/%EMAILDOMAIN%")
          .autodiscoverUrlTemplates(List.of(base + "/ad/%EMAILDOMAIN%"))
          .ispdbBaseUrl(base + "/ispdb/")
          .build();

      // Warm up the JVM and the servers on domains the measured runs do not use again first.
      try (MailSettingsResolver warm = client(dns)) {
        run(warm, IntStream.range(0, 500).mapToObj(i -> address(i, 100)), discovery, 64);
      }

      double oneAtATime = oneAtATime(dns, discovery, 1_000, 200);
      System.out.printf(Locale.ROOT, "one at a time: %.1f addresses/s (1,000 addresses over 200 domains)%n", oneAtATime);

      for (int concurrency : new int[] {64, 256}) {
        try (MailSettingsResolver resolver = client(dns)) {
          long started = System.nanoTime();
          long[] counts = run(resolver, IntStream.range(0, ADDRESSES).mapToObj(i -> address(i, DOMAINS)), discovery, concurrency);
          double seconds = (System.nanoTime() - started) / 1e9;
          double bound = Math.ceil(DOMAINS / (double) concurrency) * CRITICAL_PATH.toMillis() / 1000.0;
          System.out.printf(Locale.ROOT,
              "bulk, concurrency %d: %,d addresses over %,d domains in %.2f s = %.0f addresses/s (%.0fx one at a time);"
                  + " bound (domains / concurrency) x critical path = %.2f s; %d found, %d without settings%n",
              concurrency, ADDRESSES, DOMAINS, seconds, ADDRESSES / seconds, ADDRESSES / seconds / oneAtATime, bound,
              counts[0], counts[1]);
        }
      }

      memory(dns, discovery);
    }
  }

  private static MailSettingsResolver client(TestDnsServer dns) {
    // One loopback server takes every connection: its TLS handshakes queue up on two cores.
    return MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port())
        .connectTimeout(Duration.ofSeconds(30)).build();
  }

  /** Runs a bulk discovery; the counts of addresses with an ISPDB answer and of the others. */
  private static long[] run(MailSettingsResolver resolver, Stream<String> addresses, DiscoveryOptions discovery, int concurrency) {
    long[] counts = new long[2];
    BulkOptions options = BulkOptions.builder().discovery(discovery).concurrency(concurrency).build();
    try (Stream<BulkResult> results = resolver.discoverAll(addresses, options)) {
      results.forEach(result -> {
        Resolution resolution = result.resolution().orElseThrow();
        boolean found = resolution.bestIncoming().map(c -> c.source() == Source.ISPDB).orElse(false);
        counts[found ? 0 : 1]++;
      });
    }
    if (counts[1] > 0) {
      throw new IllegalStateException(counts[1] + " addresses without the ISPDB's answer: the world is too slow for the deadline");
    }
    return counts;
  }

  /** The old loop: every address on its own, the next one after the last one's answer. */
  private static double oneAtATime(TestDnsServer dns, DiscoveryOptions discovery, int addresses, int domains) throws InterruptedException {
    try (MailSettingsResolver resolver = client(dns)) {
      long started = System.nanoTime();
      for (int i = 0; i < addresses; i++) {
        ResolutionRequest request = ResolutionRequest.of(EmailAddress.parse(address(i, domains)));
        Resolution resolution = resolver.resolve(request);
        if (resolution.provider().isEmpty()) {
          resolution = resolver.discoverAndWait(request, discovery);
        }
        if (resolution.bestIncoming().map(c -> c.source() != Source.ISPDB).orElse(true)) {
          throw new IllegalStateException("no ISPDB answer for " + request.address());
        }
      }
      return addresses / ((System.nanoTime() - started) / 1e9);
    }
  }

  /** The heap after GC every 10,000 of 100,000 streamed addresses. */
  private static void memory(TestDnsServer dns, DiscoveryOptions discovery) throws InterruptedException {
    List<String> samples = new ArrayList<>();
    long lowest = Long.MAX_VALUE;
    long highest = 0;
    try (MailSettingsResolver resolver = client(dns)) {
      BulkOptions options = BulkOptions.builder().discovery(discovery).build();
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
    }
    System.out.printf(Locale.ROOT, "heap after GC every 10,000 of 100,000 streamed addresses (MiB): %s; spread %.1f MiB%n",
        String.join(", ", samples), (highest - lowest) / 1048576.0);
  }
}
