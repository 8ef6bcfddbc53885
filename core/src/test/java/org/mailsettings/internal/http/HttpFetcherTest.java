package org.mailsettings.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.mailsettings.internal.psl.PublicSuffixList;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

class HttpFetcherTest {

  /** Waits up to 3 s for {@code count} to reach {@code expected}. */
  private static void await(IntSupplier count, int expected) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (count.getAsInt() != expected && System.nanoTime() < until) {
      Thread.sleep(20);
    }
  }

  /** A fetcher with a 30 s bound on each exchange, through {@code client}. */
  private static HttpFetcher fetcher(HttpClient client) {
    return new HttpFetcher(client, Duration.ofSeconds(30), 100_000, 3, PublicSuffixList.bundled());
  }

  /** A fetcher through a client of its own that runs everything on the calling threads. */
  private static HttpFetcher fetcher() {
    return fetcher(HttpFetcher.newClient(Duration.ofSeconds(2), TestTls.client(), null, Runnable::run));
  }

  @Test
  void cancellingAFetchAbortsTheExchange() throws Exception {
    try (TestHttpServer hanging = TestHttpServer.https(TestTls.server("localhost"))) {
      hanging.route("/never", Response.neverAnswer());
      CompletableFuture<HttpFetcher.Response> fetch = fetcher().get(URI.create(hanging.base() + "/never"));
      await(hanging::activeConnections, 1);
      assertThat(hanging.activeConnections()).isEqualTo(1);
      fetch.cancel(true);
      await(hanging::activeConnections, 0);
      // The exchange was aborted, not left to its 30 s timeout.
      assertThat(hanging.activeConnections()).isZero();
    }
  }

  @Test
  void cancellingAFetchAbortsTheExchangeOfTheRedirectUnderWay() throws Exception {
    try (TestHttpServer server = TestHttpServer.https(TestTls.server("localhost"))) {
      server.route("/moved", Response.redirect(server.base() + "/never"));
      server.route("/never", Response.neverAnswer());
      CompletableFuture<HttpFetcher.Response> fetch = fetcher().get(URI.create(server.base() + "/moved"));
      await(server::hangingRequests, 1);
      assertThat(server.hangingRequests()).isEqualTo(1);

      fetch.cancel(true);

      await(server::hangingRequests, 0);
      assertThat(server.hangingRequests()).isZero(); // aborted, not left to its 30 s timeout
    }
  }

  /**
   * The answer is the response as it came in, not the client's future: the JDK hands that over
   * later (on two cores through a new thread for each response), after it has put the connection
   * back in its pool, and a cancel in between closes that pooled connection, under whichever
   * exchange has taken it meanwhile. This client holds its futures back until the test ends.
   */
  @Test
  void theAnswerIsTakenWhenTheLastByteIsInAndCancellingItThenAbortsNothing() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (TestHttpServer server = TestHttpServer.http()) {
      server.route("/doc", Response.ok("<clientConfig/>"));
      HeldBack client = new HeldBack(HttpFetcher.newClient(Duration.ofSeconds(2), TestTls.client(), null, executor));
      HttpFetcher fetcher = fetcher(client);

      CompletableFuture<HttpFetcher.Response> fetch = fetcher.get(URI.create(server.base() + "/doc"));

      HttpFetcher.Response response = fetch.get(10, TimeUnit.SECONDS);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).asString().isEqualTo("<clientConfig/>");
      assertThat(client.handedOver).isNotDone();
      fetch.cancel(true); // a discovery that no longer needs the source, too late
      assertThat(client.handedOver).isNotCancelled();
      assertThat(fetcher.get(URI.create(server.base() + "/doc")).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(server.connectionCount()).isEqualTo(1); // the one connection served both
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * A client closes its idle connections (and ends its selector thread) once it is unreachable,
   * and on Java 17 that is the only way: so what its connections keep of their last exchange
   * must not hold it. A fetcher whose body handler held the fetcher (and so the client) kept every
   * closed resolver's client and connections for good.
   */
  @Test
  void aClientNobodyHoldsIsCollectedWithItsConnections() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (TestHttpServer server = TestHttpServer.http()) {
      server.route("/doc", Response.ok("<clientConfig/>"));
      WeakReference<HttpClient> client = fetchOnce(server, executor);
      assertThat(server.activeConnections()).isEqualTo(1); // kept alive in the client's pool

      for (int i = 0; i < 100 && (client.get() != null || server.activeConnections() > 0); i++) {
        System.gc();
        Thread.sleep(50);
      }

      assertThat(client.get()).isNull();
      assertThat(server.activeConnections()).isZero();
    } finally {
      executor.shutdownNow();
    }
  }

  private static WeakReference<HttpClient> fetchOnce(TestHttpServer server, Executor executor) throws Exception {
    HttpClient client = HttpFetcher.newClient(Duration.ofSeconds(2), TestTls.client(), null, executor);
    assertThat(fetcher(client).get(URI.create(server.base() + "/doc")).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    return new WeakReference<>(client);
  }

  /** A client whose response futures complete only when the test is over (never, here). */
  private static final class HeldBack extends HttpClient {
    private final HttpClient delegate;
    final CompletableFuture<Void> handedOver = new CompletableFuture<>();

    HeldBack(HttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      CompletableFuture<HttpResponse<T>> real = delegate.sendAsync(request, handler);
      return handedOver.thenCombine(real, (ignored, response) -> response);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromises) {
      return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
      return delegate.send(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }
  }
}
