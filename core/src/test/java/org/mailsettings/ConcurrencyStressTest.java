package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/**
 * Many threads resolving and discovering at once over one resolver and one shared cache give the
 * same answers as one thread, with no lost update and no deadlock. Bounded in count and time.
 */
class ConcurrencyStressTest {
  private static final int THREADS = 8;
  private static final List<String> ADDRESSES =
      List.of("info@vizus.cz", "x@gmail.com", "jan@unknown-firma.cz", "Jan Novák <jan@příklad.cz>", "a@seznam.cz", "b@outlook.com");

  private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(60)
  void offlineResolutionOnManyThreadsMatchesOneThread() throws Exception {
    MailSettingsResolver resolver = MailSettingsResolver.create();
    Map<String, Resolution> expected = new HashMap<>();
    for (String address : ADDRESSES) {
      expected.put(address, resolver.resolve(address));
    }
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS * 4; t++) {
      int offset = t;
      tasks.add(() -> {
        for (int i = 0; i < 500; i++) {
          String address = ADDRESSES.get((i + offset) % ADDRESSES.size());
          if (!resolver.resolve(address).equals(expected.get(address))) {
            return false;
          }
        }
        return true;
      });
    }
    assertThat(runAll(tasks)).containsOnly(true);
  }

  @Test
  @Timeout(60)
  void discoveryOnManyThreadsOverASharedCacheMatchesOneThreadAndAsksOnce() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      List<String> domains = new ArrayList<>();
      for (int d = 0; d < 6; d++) {
        String domain = "stress" + d + ".cz";
        domains.add(domain);
        https.route("/ispdb/" + domain, Response.ok(DiscoveryTest.config(domain, "imap." + domain, "smtp." + domain)).delayed(Duration.ofMillis(30)));
        dns.mx(domain, false, Duration.ofMillis(10), "mx." + domain);
      }
      MailSettingsResolver.Builder client = MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port());
      DiscoveryOptions options = DiscoveryOptions.builder()
          .ispdbBaseUrl(https.base() + "/ispdb/")
          .sources(Set.of(Source.BUNDLED_DATABASE, Source.ISPDB, Source.MX, Source.GUESS))
          .deadline(Duration.ofSeconds(10))
          .build();
      Map<String, Resolution> expected = new HashMap<>();
      try (MailSettingsResolver uncached = client.cacheSize(0).build()) {
        for (String domain : domains) {
          expected.put(domain, uncached.discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@" + domain)), options));
        }
      }
      int requestsBefore = https.requestCount();
      MailSettingsResolver resolver = client.cacheSize(1000).build();
      DiscoveryOptions cached = options;
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS * 2; t++) {
        int offset = t;
        tasks.add(() -> {
          for (int i = 0; i < 12; i++) {
            String domain = domains.get((i + offset) % domains.size());
            Resolution resolution = resolver.discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@" + domain)), cached);
            Resolution want = expected.get(domain);
            if (!resolution.incoming().equals(want.incoming()) || !resolution.outgoing().equals(want.outgoing())) {
              return false;
            }
          }
          return true;
        });
      }
      assertThat(runAll(tasks)).containsOnly(true);
      // Each domain's ISPDB entry fetched once through the shared cache, however many threads asked.
      assertThat(https.requestCount() - requestsBefore).isEqualTo(domains.size());
      resolver.close();
    }
  }
}
