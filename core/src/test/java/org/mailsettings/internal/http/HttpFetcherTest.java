package org.mailsettings.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mailsettings.internal.psl.PublicSuffixList;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

class HttpFetcherTest {

  private static void awaitActive(TestHttpServer server, int expected) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (server.activeConnections() != expected && System.nanoTime() < until) {
      Thread.sleep(20);
    }
  }

  @Test
  void cancellingAFetchAbortsTheExchange() throws Exception {
    try (TestHttpServer hanging = TestHttpServer.https(TestTls.server("localhost"))) {
      hanging.route("/never", Response.neverAnswer());
      HttpFetcher fetcher =
          new HttpFetcher(
              HttpFetcher.newClient(Duration.ofSeconds(2), TestTls.client(), null, Runnable::run),
              Duration.ofSeconds(30),
              100_000,
              3,
              PublicSuffixList.bundled());
      CompletableFuture<HttpFetcher.Response> fetch = fetcher.get(URI.create(hanging.base() + "/never"));
      awaitActive(hanging, 1);
      assertThat(hanging.activeConnections()).isEqualTo(1);
      fetch.cancel(true);
      awaitActive(hanging, 0);
      // The exchange was aborted, not left to its 30 s timeout.
      assertThat(hanging.activeConnections()).isZero();
    }
  }
}
