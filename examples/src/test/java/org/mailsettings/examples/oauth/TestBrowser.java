package org.mailsettings.examples.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailsettings.oauth2.Browser;
import org.mailsettings.testing.TestTls;

/**
 * Plays the user's browser for a sign-in the example runs on the test's own thread: given the
 * sign-in address, it follows it (on a thread of its own, as a real browser would) to the
 * authorization server, which signs the user in without a form, and then the server's redirect
 * to the example's loopback listener. It remembers the addresses it was sent to and the pages the
 * listener showed.
 */
public final class TestBrowser implements Browser {
  private final HttpClient http =
      HttpClient.newBuilder()
          .sslContext(TestTls.client())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<URI> opened = new CopyOnWriteArrayList<>();
  private final List<Integer> loopbackStatuses = new CopyOnWriteArrayList<>();

  @Override
  public void open(URI authorizationUrl) {
    opened.add(authorizationUrl);
    Thread user = new Thread(() -> follow(authorizationUrl), "test-browser");
    user.setDaemon(true);
    user.start();
  }

  /** {@return the sign-in addresses the example opened} */
  public List<URI> opened() {
    return List.copyOf(opened);
  }

  /** {@return the statuses of the loopback listener's pages} */
  public List<Integer> loopbackStatuses() {
    return List.copyOf(loopbackStatuses);
  }

  private void follow(URI authorizationUrl) {
    try {
      HttpResponse<String> authorized = get(authorizationUrl);
      URI redirect = URI.create(authorized.headers().firstValue("location").orElseThrow());
      loopbackStatuses.add(get(redirect).statusCode());
    } catch (Exception e) {
      loopbackStatuses.add(-1); // the example's sign-in then ends at its deadline; the test sees -1
    }
  }

  private HttpResponse<String> get(URI uri) throws java.io.IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
