package org.mailsettings.internal.discovery;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
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
  private final Source source;
  private final URI uri;
  private final DiscoveryContext context;
  private final boolean trustedWhenHttps;
  private final List<Source> alsoVouching;
  private final Note reason;

  /**
   * @param trustedWhenHttps whether an HTTPS answer that stayed in its domain is trusted
   * @param alsoVouching further sources the candidates name (MX, for MX-derived lookups)
   * @param reason why its candidates are there
   */
  public DocumentTask(
      Source source, URI uri, DiscoveryContext context, boolean trustedWhenHttps, List<Source> alsoVouching, Note reason) {
    this.source = source;
    this.uri = uri;
    this.context = context;
    this.trustedWhenHttps = trustedWhenHttps;
    this.alsoVouching = List.copyOf(alsoVouching);
    this.reason = reason;
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public String query() {
    return uri.toString();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = context.nanoTime();
    CompletableFuture<HttpFetcher.Response> fetch = context.get(uri);
    CompletableFuture<SourceResult> result =
        fetch.handle((response, failure) ->
            failure != null ? Results.failed(source, query(), failure, context.since(start)) : read(response, start));
    // A run that no longer needs this source cancels the result: pass it on to the fetch.
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        fetch.cancel(true);
      }
    });
    return result;
  }

  private SourceResult read(HttpFetcher.Response response, long start) {
    if (response.status() == 404 || response.status() == 410) {
      return Results.nothing(source, query(), context.since(start), Note.of(NoteCode.HTTP_STATUS, response.status()));
    }
    if (response.status() != 200) {
      return Results.httpError(source, query(), response.status(), context.since(start));
    }
    ClientConfig document;
    try {
      document = context.parser().parse(new ByteArrayInputStream(response.body()), response.uri().toString());
    } catch (ClientConfigException e) {
      return Results.failed(source, query(), e, context.since(start));
    }
    boolean trusted = trustedWhenHttps && response.https() && !response.crossedDomains();
    List<Note> reasons = new ArrayList<>();
    reasons.add(reason);
    if (!response.https()) {
      reasons.add(Note.of(NoteCode.FETCHED_OVER_PLAIN_HTTP));
    }
    if (response.crossedDomains()) {
      reasons.add(Note.of(NoteCode.REDIRECTED_TO, String.valueOf(response.uri().getHost())));
    }
    return Results.fromDocument(
        source, query(), document, context.address(), trusted ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION, reasons,
        alsoVouching, context.since(start));
  }
}
