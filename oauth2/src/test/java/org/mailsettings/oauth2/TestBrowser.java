package org.mailsettings.oauth2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mailsettings.testing.TestTls;

/**
 * Plays the user's browser: receives the sign-in address (as a {@link Browser}) and then, when
 * the test says so, follows it with the JDK's HTTP client (trusting the test authority): the
 * authorization server's answer, and its redirect to the application's loopback listener, each
 * by hand so that a test can change them on the way.
 */
final class TestBrowser implements Browser {
  private final CompletableFuture<URI> opened = new CompletableFuture<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .sslContext(TestTls.client())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A page the browser got. */
  record Page(int status, String body, URI uri) {}

  @Override
  public void open(URI authorizationUrl) {
    opened.complete(authorizationUrl);
  }

  /** The sign-in address the library opened. */
  URI authorizationUrl() throws Exception {
    return opened.get(10, TimeUnit.SECONDS);
  }

  /** GETs the authorization address and returns where the server redirects (the loopback URI with code and state). */
  URI authorize() throws Exception {
    return authorize(authorizationUrl());
  }

  /** GETs {@code url} at the authorization server and returns where it redirects. */
  URI authorize(URI url) throws Exception {
    HttpResponse<String> response = get(url);
    if (response.statusCode() / 100 != 3) {
      throw new IllegalStateException("The authorization server answered " + response.statusCode() + ": " + response.body());
    }
    return URI.create(response.headers().firstValue("location").orElseThrow());
  }

  /** GETs a page (the loopback redirect, say) and returns what came back. */
  Page visit(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = get(uri);
    return new Page(response.statusCode(), response.body(), uri);
  }

  /** The whole sign-in as a user would do it: authorize, then follow the redirect. */
  Page signIn() throws Exception {
    return visit(authorize());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
