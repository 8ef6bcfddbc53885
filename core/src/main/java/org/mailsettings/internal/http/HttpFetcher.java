package org.mailsettings.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.psl.PublicSuffixList;

/**
 * The one HTTP fetcher of discovery. Every request is bounded in time (the whole exchange, body
 * included) and size; redirects are followed by hand, only to HTTPS and at most a few times, and
 * a redirect to another registrable domain is reported so that trust can drop; TLS errors are
 * failures, never a reason to try plain HTTP.
 */
public final class HttpFetcher {

  /** What went wrong. */
  public enum Failure {
    TIMEOUT,
    TOO_LARGE,
    TLS,
    CONNECT,
    REDIRECT_REFUSED,
    OTHER
  }

  /** A failed fetch, with its kind. */
  public static final class FetchException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    FetchException(Failure failure, String message, @Nullable Throwable cause) {
      super(message, cause);
      this.failure = failure;
    }

    /** What went wrong. */
    public Failure failure() {
      return failure;
    }
  }

  /** A response: its final address, status and body, and whether a redirect left the domain. */
  public static final class Response {
    private final URI uri;
    private final int status;
    private final byte[] body;
    private final boolean crossedDomains;
    private final List<URI> redirects;

    Response(URI uri, int status, byte[] body, boolean crossedDomains, List<URI> redirects) {
      this.uri = uri;
      this.status = status;
      this.body = body;
      this.crossedDomains = crossedDomains;
      this.redirects = redirects;
    }

    /** The final address. */
    public URI uri() {
      return uri;
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }

    /** The body (a copy). */
    public byte[] body() {
      return body.clone();
    }

    /** Whether a redirect led to another registrable domain. */
    public boolean crossedDomains() {
      return crossedDomains;
    }

    /** The addresses of the redirect chain, the first included; empty without redirects. */
    public List<URI> redirects() {
      return redirects;
    }

    /** Whether the final address is HTTPS. */
    public boolean https() {
      return "https".equalsIgnoreCase(uri.getScheme());
    }
  }

  private final HttpClient client;
  // The client's executor; a caller's client without one gets answers on the client's thread.
  private final Executor executor;
  private final Duration timeout;
  private final int maxBytes;
  private final int maxRedirects;
  private final PublicSuffixList publicSuffixes;

  /**
   * @param timeout the bound of one exchange, headers and body
   * @param maxBytes the largest body accepted
   */
  public HttpFetcher(HttpClient client, Duration timeout, int maxBytes, int maxRedirects, PublicSuffixList publicSuffixes) {
    this.client = client;
    this.executor = client.executor().orElse(Runnable::run);
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.maxRedirects = maxRedirects;
    this.publicSuffixes = publicSuffixes;
  }

  /** A client that never follows redirects itself (this fetcher does, by its rules). */
  public static HttpClient newClient(
      Duration connectTimeout, javax.net.ssl.SSLContext sslContext,
      java.net.@Nullable ProxySelector proxy, java.util.concurrent.Executor executor) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(sslContext)
            .executor(executor);
    if (proxy != null) {
      builder.proxy(proxy);
    }
    return builder.build();
  }

  private static final String ACCEPT_XML = "application/xml, text/xml;q=0.9, */*;q=0.1";

  /** GET with redirects. */
  public CompletableFuture<Response> get(URI uri) {
    return exchange(uri, null, null, new ArrayList<>(), maxRedirects, ACCEPT_XML);
  }

  /**
   * GET that follows no redirect at all (PACC: a redirect is a {@link Failure#REDIRECT_REFUSED}
   * failure), asking for {@code accept}. No {@code Accept-Encoding} is sent, so the body is the
   * resource's bytes as they are (what a digest is computed over).
   */
  public CompletableFuture<Response> getWithoutRedirects(URI uri, String accept) {
    return exchange(uri, null, null, new ArrayList<>(), 0, accept);
  }

  /** POST (Autodiscover), with redirects. */
  public CompletableFuture<Response> post(URI uri, String contentType, byte[] body) {
    return exchange(uri, contentType, body, new ArrayList<>(), maxRedirects, ACCEPT_XML);
  }

  /** A response as it came in: status, headers and the whole body (not copied). */
  private static final class Received {
    final int status;
    final HttpHeaders headers;
    final byte[] body;

    Received(int status, HttpHeaders headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }
  }

  private CompletableFuture<Response> exchange(
      URI uri, @Nullable String contentType, byte @Nullable [] body, List<URI> redirects, int redirectLimit, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept);
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.GET();
    }
    // The answer is taken from the body subscriber when the last byte is in; by then the client
    // has put the connection back in its pool (perhaps under another exchange already), and
    // cancelling the client's future would close it: so an exchange that has answered is not
    // cancelled (only a cancel in the instant between the two still can). The client's own
    // future completes later, handed over through CompletableFuture's default executor (on two
    // cores, where that is not the common pool, a new thread for each response); the answer is
    // handed to the client's executor instead.
    AtomicBoolean in = new AtomicBoolean();
    CompletableFuture<Received> answer = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> send;
    try {
      send = client.sendAsync(request.build(), handler(maxBytes, in, answer, executor));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new FetchException(Failure.OTHER, "bad URL " + uri + ": " + e.getMessage(), e));
    }
    // Failures (and a response that reached no body subscriber) come from the client's future.
    var unusedRelay = send.whenComplete((response, failure) -> {
      if (failure != null) {
        answer.completeExceptionally(failure);
      } else {
        answer.complete(new Received(response.statusCode(), response.headers(), response.body()));
      }
    });
    CompletableFuture<Received> bounded =
        answer.copy()
            .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .whenComplete((r, e) -> {
              if (e != null) {
                abort(send, in); // no socket is left reading
              }
            });
    AtomicReference<@Nullable CompletableFuture<Response>> hop = new AtomicReference<>();
    CompletableFuture<Response> result = bounded
        .thenCompose(response -> {
          int status = response.status;
          if (status >= 300 && status < 400 && status != 304) {
            CompletableFuture<Response> next = redirect(uri, response, contentType, body, redirects, redirectLimit, accept);
            hop.set(next);
            return next;
          }
          URI first = redirects.isEmpty() ? uri : redirects.get(0);
          return CompletableFuture.completedFuture(
              new Response(uri, status, response.body, crossed(first, uri, redirects), List.copyOf(redirects)));
        })
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure, uri)));
    // Whoever cancels the answer (a discovery that no longer needs it) aborts the exchange, or
    // the redirect's exchange under way.
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        abort(send, in);
        CompletableFuture<Response> next = hop.get();
        if (next != null) {
          next.cancel(true);
        }
      }
    });
    return result;
  }

  /** Aborts an exchange whose answer is not in yet; one that has answered is left alone. */
  private static void abort(CompletableFuture<?> send, AtomicBoolean in) {
    if (!in.get()) {
      send.cancel(true);
    }
  }

  /**
   * The body handler of one exchange. Static, and holding nothing of this fetcher: the client's
   * idle connections keep their last exchange's handler, and a handler that held the fetcher
   * would hold the client, which on Java 17 closes its connections only once it is unreachable.
   */
  private static HttpResponse.BodyHandler<byte[]> handler(
      int maxBytes, AtomicBoolean in, CompletableFuture<Received> answer, Executor executor) {
    return info -> new CappedSubscriber(maxBytes, info, received -> {
      in.set(true);
      // Completed on the client's executor, off the client's own reading task.
      try {
        executor.execute(() -> answer.complete(received));
      } catch (RejectedExecutionException e) {
        answer.complete(received); // the client is closing
      }
    });
  }

  private CompletableFuture<Response> redirect(
      URI uri, Received response, @Nullable String contentType, byte @Nullable [] body, List<URI> redirects,
      int redirectLimit, String accept) {
    if (redirectLimit == 0) {
      return CompletableFuture.failedFuture(new FetchException(
          Failure.REDIRECT_REFUSED, "HTTP " + response.status + " from " + uri + ": this request follows no redirects", null));
    }
    Optional<String> location = response.headers.firstValue("location");
    if (location.isEmpty()) {
      return CompletableFuture.failedFuture(new FetchException(Failure.OTHER, "redirect without a Location from " + uri, null));
    }
    // The chain holds the first address and every redirect target so far.
    int followed = redirects.isEmpty() ? 0 : redirects.size() - 1;
    if (followed >= redirectLimit) {
      return CompletableFuture.failedFuture(
          new FetchException(Failure.REDIRECT_REFUSED, "more than " + redirectLimit + " redirects from " + firstOf(uri, redirects), null));
    }
    URI next;
    try {
      next = uri.resolve(location.get().strip());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new FetchException(Failure.OTHER, "bad redirect target " + location.get(), e));
    }
    if (!"https".equalsIgnoreCase(next.getScheme())) {
      return CompletableFuture.failedFuture(
          new FetchException(Failure.REDIRECT_REFUSED, "redirect to " + next + " refused: only HTTPS is followed", null));
    }
    List<URI> chain = new ArrayList<>(redirects);
    if (chain.isEmpty()) {
      chain.add(uri);
    }
    chain.add(next);
    return exchange(next, contentType, body, chain, redirectLimit, accept);
  }

  private static URI firstOf(URI uri, List<URI> redirects) {
    return redirects.isEmpty() ? uri : redirects.get(0);
  }

  private boolean crossed(URI first, URI last, List<URI> redirects) {
    if (redirects.isEmpty()) {
      return false;
    }
    Optional<String> from = domainOf(first);
    for (URI hop : redirects) {
      if (!from.equals(domainOf(hop))) {
        return true;
      }
    }
    return !from.equals(domainOf(last));
  }

  private Optional<String> domainOf(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return Optional.empty();
    }
    String lower = host.toLowerCase(Locale.ROOT);
    return Optional.of(publicSuffixes.registrableDomain(lower).orElse(lower));
  }

  private FetchException translate(Throwable failure, URI uri) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof FetchException fetch) {
      return fetch;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof FetchException fetch) {
        return fetch;
      }
      if (t instanceof SSLException) {
        return new FetchException(Failure.TLS, "TLS failed for " + uri + ": " + t.getMessage(), t);
      }
      if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
        return new FetchException(Failure.CONNECT, "cannot connect to " + uri + ": " + describe(t), t);
      }
      if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
        return new FetchException(Failure.TIMEOUT, "no complete answer from " + uri + " within " + timeout.toMillis() + " ms", t);
      }
    }
    return new FetchException(Failure.OTHER, uri + ": " + describe(cause), cause);
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /**
   * Collects the body, failing as soon as it grows past the cap; when the last byte is in, hands
   * the whole response to {@code onReceived}.
   */
  private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final HttpResponse.ResponseInfo info;
    private final Consumer<Received> onReceived;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private Flow.@Nullable Subscription subscription;

    CappedSubscriber(int maxBytes, HttpResponse.ResponseInfo info, Consumer<Received> onReceived) {
      this.maxBytes = maxBytes;
      this.info = info;
      this.onReceived = onReceived;
      long declaredLength = info.headers().firstValueAsLong("content-length").orElse(-1);
      if (declaredLength > maxBytes) {
        result.completeExceptionally(
            new FetchException(Failure.TOO_LARGE, "response of " + declaredLength + " bytes; at most " + maxBytes + " are read", null));
      }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (result.isDone()) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          result.completeExceptionally(
              new FetchException(Failure.TOO_LARGE, "response larger than " + maxBytes + " bytes", null));
          Flow.Subscription s = subscription;
          if (s != null) {
            s.cancel();
          }
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return; // too large: the failure comes through the client's future
      }
      byte[] all = bytes.toByteArray();
      onReceived.accept(new Received(info.statusCode(), info.headers(), all));
      result.complete(all);
    }
  }
}
