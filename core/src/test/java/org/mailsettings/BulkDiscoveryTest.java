package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/** Bulk discovery against a loopback DNS and HTTPS world: one discovery per domain, same answers. */
class BulkDiscoveryTest {
  private TestHttpServer https;
  private TestDnsServer dns;
  private MailSettingsResolver resolver;
  private DiscoveryOptions discovery;

  @BeforeEach
  void start() throws Exception {
    https = TestHttpServer.https(TestTls.server("localhost"));
    dns = new TestDnsServer();
    for (int d = 0; d < 20; d++) {
      String domain = "bulk" + d + ".cz";
      https.route("/ispdb/" + domain, Response.ok(DiscoveryTest.config(domain, "imap." + domain, "smtp." + domain)).delayed(Duration.ofMillis(50)));
    }
    dns.mx("hosted.cz", false, Duration.ofMillis(20), "hosted--cz.mx.spoje.net");
    resolver = MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port()).build();
    discovery = DiscoveryOptions.builder()
        .ispdbBaseUrl(https.base() + "/ispdb/")
        .sources(Set.of(Source.BUNDLED_DATABASE, Source.ISPDB_SNAPSHOT, Source.ISPDB, Source.MX, Source.GUESS))
        .deadline(Duration.ofSeconds(5))
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    resolver.close();
    https.close();
    dns.close();
  }

  private static List<String> inputs() {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inputs.add("user" + i + "@bulk" + (i % 20) + ".cz");
    }
    inputs.add("not an address");
    inputs.add("jan@hosted.cz");
    inputs.add("Jan Novák <info@vizus.cz>");
    // Nothing but guesses knows this domain: the second address gets guesses of its own.
    inputs.add("anna@guessed.cz");
    inputs.add("petr@guessed.cz");
    return inputs;
  }

  @Test
  void everyAddressGetsWhatASingleDiscoveryGivesAndEachDomainIsAskedOnce() throws Exception {
    List<BulkResult> results;
    try (Stream<BulkResult> stream = resolver.discoverAll(inputs(), BulkOptions.builder().discovery(discovery).concurrency(8).build())) {
      results = stream.collect(Collectors.toList());
    }
    assertThat(results).hasSize(205);
    assertThat(results).extracting(BulkResult::index).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 205).mapToObj(i -> (long) i).collect(Collectors.toList()));
    // Each of the 20 domains' ISPDB entries was fetched once, for its 10 addresses.
    assertThat(https.requests().stream().filter(r -> r.path().startsWith("/ispdb/bulk")).count()).isEqualTo(20);

    BulkResult bad = results.stream().filter(r -> r.index() == 200).findFirst().orElseThrow();
    assertThat(bad.isAddress()).isFalse();
    assertThat(bad.error()).hasValueSatisfying(e -> assertThat(e.reason()).isNotNull());

    try (MailSettingsResolver single = MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port())
        .cacheSize(0).build()) {
      for (BulkResult result : results) {
        if (!result.isAddress() || result.index() % 7 != 0 && result.index() < 200) {
          continue;
        }
        Resolution alone = single.discoverAndWait(ResolutionRequest.of(EmailAddress.parse(result.input())), discovery);
        Resolution bulk = result.resolution().orElseThrow();
        assertThat(bulk.incoming()).as(result.input()).isEqualTo(alone.incoming());
        assertThat(bulk.outgoing()).as(result.input()).isEqualTo(alone.outgoing());
        assertThat(bulk.provider()).isEqualTo(alone.provider());
        assertThat(bulk.address()).isEqualTo(alone.address());
        assertThat(bulk.notes()).as(result.input()).isEqualTo(alone.notes());
      }
    }
    BulkResult user17 = results.stream().filter(r -> r.input().equals("user17@bulk17.cz")).findFirst().orElseThrow();
    assertThat(user17.resolution().orElseThrow().incoming().get(0).settings().username()).isEqualTo("user17@bulk17.cz");
    BulkResult petr = results.stream().filter(r -> r.input().equals("petr@guessed.cz")).findFirst().orElseThrow();
    assertThat(petr.resolution().orElseThrow().incoming()).isNotEmpty().allSatisfy(candidate -> {
      assertThat(candidate.source()).isEqualTo(Source.GUESS);
      assertThat(candidate.settings().username()).contains("petr");
    });
  }

  @Test
  void inOrderTheResultsFollowTheInputAndClosingCancelsTheRest() throws Exception {
    https.route("/ispdb/slow.cz", Response.neverAnswer());
    List<String> inputs = new ArrayList<>(List.of("a@slow.cz", "b@bulk1.cz", "c@bulk2.cz"));
    try (Stream<BulkResult> stream = resolver.discoverAll(inputs,
        BulkOptions.builder().discovery(discovery.toBuilder().requestTimeout(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(30)).build())
            .ordered(false).build())) {
      // As completed: the two fast domains come first, the hanging one is never waited for.
      List<BulkResult> firstTwo = stream.limit(2).collect(Collectors.toList());
      assertThat(firstTwo).extracting(BulkResult::input).containsExactlyInAnyOrder("b@bulk1.cz", "c@bulk2.cz");
    }
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (https.hangingRequests() > 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(https.hangingRequests()).as("the hanging domain's exchange was cancelled with the stream").isZero();

    try (Stream<BulkResult> ordered = resolver.discoverAll(inputs().subList(0, 60), BulkOptions.builder().discovery(discovery).ordered(true).build())) {
      assertThat(ordered.map(BulkResult::index).collect(Collectors.toList()))
          .containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(i -> (long) i).collect(Collectors.toList()));
    }
  }

  @Test
  void aReadyResultIsHandedOutBeforeTheNextInputIsWaitedFor() {
    // An input read slowly (a pipe a person types into): the second address comes only after
    // the first one's answer was taken, so waiting for the input first would stall.
    java.util.concurrent.CountDownLatch firstTaken = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean waitedInVain = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.Iterator<String> slowInput = new java.util.Iterator<>() {
      private int given;

      @Override
      public boolean hasNext() {
        if (given == 1) {
          try {
            waitedInVain.set(!firstTaken.await(5, java.util.concurrent.TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return given < 2;
      }

      @Override
      public String next() {
        return given++ == 0 ? "info@vizus.cz" : "x@gmail.com";
      }
    };
    Iterable<String> input = () -> slowInput;
    List<String> seen = new ArrayList<>();
    try (Stream<BulkResult> stream = resolver.discoverAll(input, BulkOptions.builder().discovery(discovery).build())) {
      stream.forEach(result -> {
        seen.add(result.input());
        firstTaken.countDown();
      });
    }
    assertThat(waitedInVain).as("the first answer was held back until the next input came").isFalse();
    assertThat(seen).containsExactly("info@vizus.cz", "x@gmail.com");
  }
}
