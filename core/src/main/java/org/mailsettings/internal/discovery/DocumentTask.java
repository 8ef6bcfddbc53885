package org.mailsettings.internal.discovery;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.internal.http.HttpFetcher;

/**
 * A clientConfig document over HTTP(S): autoconfig 1.1, 1.2 and 1.3, and the ISPDB. Trusted
 * when it came over HTTPS without leaving the domain's registrable domain (or from the ISPDB
 * over HTTPS); anything else needs the user's confirmation.
 */
public final class DocumentTask implements SourceTask {
  private final Source level;
  private final URI uri;
  private final DiscoveryContext context;
  private final boolean trustedWhenHttps;
  private final List<Source> alsoVouching;
  private final String reason;

  /**
   * @param trustedWhenHttps whether an HTTPS answer that stayed in its domain is trusted
   * @param alsoVouching further sources the candidates name (MX, for MX-derived lookups)
   */
  public DocumentTask(
      Source level, URI uri, DiscoveryContext context, boolean trustedWhenHttps, List<Source> alsoVouching, String reason) {
    this.level = level;
    this.uri = uri;
    this.context = context;
    this.trustedWhenHttps = trustedWhenHttps;
    this.alsoVouching = List.copyOf(alsoVouching);
    this.reason = reason;
  }

  @Override
  public Source level() {
    return level;
  }

  @Override
  public String query() {
    return uri.toString();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = System.nanoTime();
    CompletableFuture<HttpFetcher.Response> fetch = context.get(uri);
    CompletableFuture<SourceResult> result =
        fetch.handle(
            (response, failure) -> {
              if (failure != null) {
                return Results.failed(level, query(), failure, start);
              }
              return read(response, start);
            });
    // A discovery that no longer needs this source cancels the result: pass it on to the fetch.
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        fetch.cancel(true);
      }
    });
    return result;
  }

  private SourceResult read(HttpFetcher.Response response, long start) {
    if (response.status() == 404 || response.status() == 410) {
      return Results.nothing(level, query(), "HTTP " + response.status(), start);
    }
    if (response.status() != 200) {
      return Results.failed(level, query(), new IllegalStateException("HTTP " + response.status()), start);
    }
    ClientConfig document;
    try {
      document =
          context.parser().parse(new java.io.ByteArrayInputStream(response.body()), response.uri().toString());
    } catch (ClientConfigException e) {
      return Results.failed(level, query(), e, start);
    }
    boolean trusted = trustedWhenHttps && response.https() && !response.crossedDomains();
    String why =
        reason
            + (response.https() ? "" : " over plain HTTP")
            + (response.crossedDomains() ? ", redirected to " + response.uri().getHost() : "");
    return Results.fromDocument(
        level, query(), document, context.address(), trusted ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION, why, alsoVouching, start);
  }
}
