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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** Where the exchanges of every fetcher here wait: daemon threads made as needed. */
  private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "test-exchange");
    thread.setDaemon(true);
    return thread;
  });

  /** A fetcher with a 30 s bound on each exchange, through {@code client}. */
  private static HttpFetcher fetcher(HttpClient client) {
    return new HttpFetcher(client, EXCHANGES, Duration.ofSeconds(30), 100_000, 3, PublicSuffixList.bundled());
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
   * The answer is the response as it came in, not the end of the client's exchange: the client
   * completes that later, after it has put the connection back in its pool, and stopping the
   * exchange in between (the client cancels it) closes that pooled connection, under whichever
   * exchange has taken it meanwhile. This client's send returns only when the test ends.
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
      await(client.cancelled::get, 1); // a stop would show within this wait
      assertThat(client.cancelled).hasValue(0);
      assertThat(fetcher.get(URI.create(server.base() + "/doc")).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(server.connectionCount()).isEqualTo(1); // the one connection served both
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Each exchange waits on a pooled thread: {@code sendAsync} would hand every response over
   * through {@code CompletableFuture}'s default executor, which on two cores (a common pool of
   * one thread) starts a new thread for each response.
   */
  @Test
  void responsesStartNoThreadsOfTheirOwn() throws Exception {
    try (TestHttpServer server = TestHttpServer.http()) {
      server.route("/doc", Response.ok("<clientConfig/>"));
      HttpFetcher fetcher = fetcher();
      URI doc = URI.create(server.base() + "/doc");
      assertThat(fetcher.get(doc).get(10, TimeUnit.SECONDS).status()).isEqualTo(200); // the client's own threads start
      long before = threadsMade();

      for (int i = 0; i < 50; i++) {
        assertThat(fetcher.get(doc).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      }

      assertThat(threadsMade() - before).isLessThan(10);
    }
  }

  /** How many threads this JVM has made so far, and one more: thread ids are a counter. */
  private static long threadsMade() {
    return new Thread(() -> {}).getId();
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

  /** A client whose exchanges end only when the test is over (never, here). */
  private static final class HeldBack extends HttpClient {
    private final HttpClient delegate;
    final CompletableFuture<Void> handedOver = new CompletableFuture<>();
    final AtomicInteger cancelled = new AtomicInteger();

    HeldBack(HttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromises) {
      return sendAsync(request, handler);
    }

    /** As the JDK's send: the exchange's future, waited for (held back here), cancelled when the wait is interrupted. */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
      CompletableFuture<HttpResponse<T>> real = delegate.sendAsync(request, handler);
      try {
        return handedOver.thenCombine(real, (ignored, response) -> response).get();
      } catch (InterruptedException e) {
        cancelled.incrementAndGet();
        real.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        throw new IOException(e.getCause());
      }
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
