package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Sends Nimbus' HTTP requests with the JDK's {@link HttpClient}, bounded: only {@code https},
 * no redirects, the connection within the connect timeout, the whole exchange (body included)
 * within the request's read timeout, and at most {@code maxBytes} of answer. An interrupted or
 * timed-out exchange is aborted, not left reading.
 */
public final class BoundedSender implements HTTPRequestSender {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration defaultTimeout;
  private final int maxBytes;

  /**
   * A sender with its own HTTP client.
   *
   * @param sslContext the TLS context, or the JDK's default
   * @param connectTimeout the bound of opening a connection
   * @param defaultTimeout the bound of a whole exchange when the request names none
   * @param maxBytes the largest answer read
   */
  public BoundedSender(Optional<SSLContext> sslContext, Duration connectTimeout, Duration defaultTimeout, int maxBytes) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout);
    sslContext.ifPresent(builder::sslContext);
    this.client = builder.build();
    this.defaultTimeout = defaultTimeout;
    this.maxBytes = maxBytes;
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    URI uri = request.getURI();
    if (uri == null || !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IOException("Only https is used to reach an authorization server, not " + (uri == null ? "no address" : uri.getScheme()));
    }
    Duration timeout = request.getReadTimeout() > 0 ? Duration.ofMillis(request.getReadTimeout()) : defaultTimeout;
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValue()) {
        builder.header(header.getKey(), value);
      }
    }
    String body = request.getBody();
    String method = request.getMethod().name();
    builder.method(
        method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(builder.build(), info -> new CappedSubscriber(maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1)));
    HttpResponse<byte[]> answer;
    try {
      answer = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("No complete answer from " + uri.getHost() + " within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting for " + uri.getHost());
      interrupted.initCause(e);
      throw interrupted;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof TooLargeException tooLarge) {
          throw tooLarge;
        }
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(uri.getHost() + ": " + cause.getClass().getSimpleName(), cause);
    }

    return response(answer.statusCode(), answer.headers(), answer.body());
  }

  /**
   * Nimbus' form of an answer: the status, the headers Nimbus reads and the body decoded by its
   * {@code Content-Type}'s charset (UTF-8 by default). An unreadable {@code Content-Type} is left
   * out: Nimbus then refuses the answer as not JSON.
   */
  static HTTPResponse response(int status, java.net.http.HttpHeaders headers, byte[] body) {
    HTTPResponse response = new HTTPResponse(status);
    Optional<String> contentType = headers.firstValue("content-type");
    Charset charset = StandardCharsets.UTF_8;
    if (contentType.isPresent()) {
      try {
        response.setContentType(contentType.get());
        charset = charsetOf(contentType.get());
      } catch (ParseException | IllegalArgumentException e) {
        // Nimbus refuses some malformed types ("text/", no subtype) with IllegalArgumentException
      }
    }
    for (String name : List.of("www-authenticate", "cache-control", "pragma", "location")) {
      List<String> values = headers.allValues(name);
      if (!values.isEmpty()) {
        response.setHeader(canonical(name), values.toArray(new String[0]));
      }
    }
    response.setBody(new String(body, charset));
    return response;
  }

  private static Charset charsetOf(String contentType) {
    for (String parameter : contentType.split(";", -1)) {
      String[] pair = parameter.strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        try {
          return Charset.forName(pair[1].strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String canonical(String lower) {
    return switch (lower) {
      case "www-authenticate" -> "WWW-Authenticate";
      case "cache-control" -> "Cache-Control";
      case "pragma" -> "Pragma";
      default -> "Location";
    };
  }

  /** An answer larger than the cap: not read further. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** Collects the body, failing as soon as it grows past the cap. */
  private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.@Nullable Subscription subscription;

    CappedSubscriber(int maxBytes, long declaredLength) {
      this.maxBytes = maxBytes;
      if (declaredLength > maxBytes) {
        result.completeExceptionally(tooLarge());
      }
    }

    private IOException tooLarge() {
      return new TooLargeException("The answer is larger than " + maxBytes + " bytes");
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
          result.completeExceptionally(tooLarge());
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
      result.complete(bytes.toByteArray());
    }
  }
}
