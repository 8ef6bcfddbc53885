package org.mailsettings.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;

/**
 * Every source starts at once, even when starting one blocks the thread that starts it: the JDK's
 * HTTP client resolves a host name inside {@code sendAsync}, for up to the system resolver's
 * timeout, and the other sources must not wait for it.
 */
class DiscoveryLaunchTest {

  @Test
  void aSourceWhoseStartBlocksDoesNotHoldBackTheOthers() throws Exception {
    CountDownLatch secondStarted = new CountDownLatch(1);
    AtomicBoolean othersStartedMeanwhile = new AtomicBoolean();
    SourceTask blocking = task(Source.AUTOCONFIG, () -> {
      // Blocks as a slow host-name lookup does, until the next source has started (or 10 s).
      othersStartedMeanwhile.set(await(secondStarted));
      return Results.nothing(Source.AUTOCONFIG, "blocking", Duration.ZERO);
    });
    SourceTask second = task(Source.SRV, () -> {
      secondStarted.countDown();
      return Results.nothing(Source.SRV, "second", Duration.ZERO);
    });
    try (MailSettingsResolver client = MailSettingsResolver.create()) {
      DiscoveryContext context = new DiscoveryContext(
          ResolutionRequest.of(EmailAddress.parse("jan@example.org")),
          DiscoveryOptions.builder().deadline(Duration.ofSeconds(30)).build(),
          ClientAccess.runtime(client));

      Resolution resolution = Discovery.start(context, List.of(blocking, second)).get(30, TimeUnit.SECONDS);

      assertThat(othersStartedMeanwhile).isTrue();
      assertThat(resolution.sourceReports()).hasSize(2);
    }
  }

  @Test
  void startsThatBlockDoNotHoldTheWorkersThatCarryAnswers() throws Exception {
    CountDownLatch workerRan = new CountDownLatch(1);
    AtomicBoolean workerRanMeanwhile = new AtomicBoolean();
    // One worker only: were the start on the workers, the worker's own task below could not run
    // until the start had given up waiting for it.
    try (MailSettingsResolver client = MailSettingsResolver.builder().maxThreads(1).build()) {
      PipelineRuntime runtime = ClientAccess.runtime(client);
      SourceTask blocking = task(Source.AUTOCONFIG, () -> {
        runtime.executor().execute(workerRan::countDown);
        workerRanMeanwhile.set(await(workerRan)); // as a slow host-name lookup blocks
        return Results.nothing(Source.AUTOCONFIG, "blocking", Duration.ZERO);
      });
      DiscoveryContext context = new DiscoveryContext(
          ResolutionRequest.of(EmailAddress.parse("jan@example.org")),
          DiscoveryOptions.builder().deadline(Duration.ofSeconds(30)).build(), runtime);

      Resolution resolution = Discovery.start(context, List.of(blocking)).get(30, TimeUnit.SECONDS);

      assertThat(workerRanMeanwhile).isTrue();
      assertThat(resolution.sourceReports()).hasSize(1);
      // The HTTP client sets up its exchanges (host-name lookup included) on the same threads.
      assertThat(runtime.httpClient().executor()).containsSame(runtime.network());
      assertThat(runtime.network()).isNotSameAs(runtime.executor());
    }
  }

  @Test
  void aStartThatFailsToLinkFailsItsSourceAtOnce() throws Exception {
    SourceTask unlinked = task(Source.SRV, () -> {
      throw new NoClassDefFoundError("org/slf4j/LoggerFactory"); // as a jar without SLF4J gave
    });
    try (MailSettingsResolver client = MailSettingsResolver.create()) {
      DiscoveryContext context = new DiscoveryContext(
          ResolutionRequest.of(EmailAddress.parse("jan@example.org")),
          DiscoveryOptions.builder().deadline(Duration.ofSeconds(30)).build(), ClientAccess.runtime(client));
      long start = System.nanoTime();

      Resolution resolution = Discovery.start(context, List.of(unlinked)).get(30, TimeUnit.SECONDS);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(resolution.sourceReports()).singleElement()
          .satisfies(report -> assertThat(report.outcome()).isEqualTo(SourceOutcome.ERROR))
          .satisfies(report -> assertThat(report.toString()).contains("LoggerFactory"));
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static SourceTask task(Source source, java.util.function.Supplier<SourceResult> start) {
    return new SourceTask() {
      @Override
      public Source source() {
        return source;
      }

      @Override
      public String query() {
        return source.toString();
      }

      @Override
      public CompletableFuture<SourceResult> start() {
        return CompletableFuture.completedFuture(start.get()); // the work itself runs in start()
      }
    };
  }
}
