package org.mailsettings.internal.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.UnknownSecurityLabelException;
import org.mailsettings.internal.http.HttpFetcher;

/**
 * Microsoft Autodiscover (POX): its IMAP, POP3 and SMTP sections, from the endpoints tried in
 * order. Trusted like autoconfig: over HTTPS without leaving the domain. Redirects to other
 * addresses are reported, not followed.
 */
public final class AutodiscoverTask implements SourceTask {
  private final DiscoveryContext context;
  private final List<URI> endpoints;

  /** Autodiscover at the endpoints the templates give, in order. */
  public AutodiscoverTask(DiscoveryContext context, List<String> templates) {
    this.context = context;
    List<URI> uris = new ArrayList<>();
    for (String template : templates) {
      uris.add(context.url(template, context.address().asciiDomain()));
    }
    this.endpoints = List.copyOf(uris);
  }

  @Override
  public Source source() {
    return Source.AUTODISCOVER;
  }

  @Override
  public String query() {
    return endpoints.isEmpty() ? "Autodiscover (no endpoint)" : "POST " + endpoints.get(0);
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = context.nanoTime();
    if (endpoints.isEmpty()) {
      return CompletableFuture.completedFuture(Results.nothing(source(), query(), context.since(start), Note.of(NoteCode.NO_ENDPOINT)));
    }
    byte[] request =
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + context.address().asciiAddress() + "</EMailAddress>"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema></Request></Autodiscover>")
            .getBytes(StandardCharsets.UTF_8);
    List<CompletableFuture<SourceResult>> attempts = new ArrayList<>();
    List<CompletableFuture<?>> exchanges = new ArrayList<>();
    for (URI endpoint : endpoints) {
      CompletableFuture<org.mailsettings.internal.http.HttpFetcher.Response> exchange =
          context.post(endpoint, "text/xml; charset=utf-8", request);
      exchanges.add(exchange);
      attempts.add(
          exchange.handle((response, failure) ->
              failure != null ? Results.failed(source(), "POST " + endpoint, failure, context.since(start)) : read(endpoint, response, start)));
    }
    CompletableFuture<SourceResult> chain = attempts.get(0);
    for (int i = 1; i < attempts.size(); i++) {
      CompletableFuture<SourceResult> next = attempts.get(i);
      chain = chain.thenCompose(previous -> previous.found() ? CompletableFuture.completedFuture(previous) : next);
    }
    CompletableFuture<SourceResult> result = chain;
    // A discovery that no longer needs this source cancels the result: abort the exchanges.
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        exchanges.forEach(x -> x.cancel(true));
      }
    });
    return result;
  }

  private SourceResult read(URI endpoint, HttpFetcher.Response response, long start) {
    String query = "POST " + endpoint;
    if (response.status() != 200) {
      return response.status() == 404 || response.status() == 401 || response.status() == 403
          ? Results.nothing(source(), query, context.since(start), Note.of(NoteCode.HTTP_STATUS, response.status()))
          : Results.httpError(source(), query, response.status(), context.since(start));
    }
    AutodiscoverParser.Response parsed;
    try {
      parsed = AutodiscoverParser.parse(response.body());
    } catch (AutodiscoverParser.MalformedException e) {
      return Results.failed(source(), query, e, context.since(start));
    }
    if (!parsed.redirect().isEmpty()) {
      return Results.nothing(source(), query, context.since(start), Note.of(NoteCode.AUTODISCOVER_REDIRECT, parsed.redirect()));
    }
    Trust trust = response.https() && !response.crossedDomains() ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION;
    List<Candidate> candidates =
        candidates(parsed, context.address().asciiAddress(), trust, String.valueOf(response.uri().getHost()));
    List<Candidate> incoming = candidates.stream().filter(c -> c.settings().protocol().isIncoming()).toList();
    List<Candidate> outgoing = candidates.stream().filter(c -> !c.settings().protocol().isIncoming()).toList();
    if (incoming.isEmpty() && outgoing.isEmpty()) {
      return Results.nothing(source(), query, context.since(start), Note.of(NoteCode.DOCUMENT_WITHOUT_SERVERS));
    }
    return Results.found(source(), Ranks.of(source()), incoming, outgoing, Optional.empty(), List.of(), query,
        List.of(Note.of(NoteCode.DOCUMENT_FOUND, "Autodiscover", incoming.size(), outgoing.size())), context.since(start));
  }

  /**
   * The candidates of a parsed response's {@code Protocol} sections, in the response's order;
   * a section without a type this library reads, without a server, or with a value that cannot
   * make settings (a port that is no number, an invalid host) is dropped alone.
   *
   * @param defaultLogin the username of sections without a {@code LoginName}
   * @param endpointHost the host that answered, for the candidates' notes
   */
  static List<Candidate> candidates(AutodiscoverParser.Response parsed, String defaultLogin, Trust trust, String endpointHost) {
    List<Candidate> candidates = new ArrayList<>();
    for (AutodiscoverParser.Section section : parsed.protocols()) {
      Optional<Protocol> protocol = switch (section.get("Type").toUpperCase(java.util.Locale.ROOT)) {
        case "IMAP" -> Optional.of(Protocol.IMAP);
        case "POP3" -> Optional.of(Protocol.POP3);
        case "SMTP" -> Optional.of(Protocol.SMTP);
        default -> Optional.empty();
      };
      if (protocol.isEmpty() || section.get("Server").isEmpty()) {
        continue;
      }
      try {
        int port = section.get("Port").isEmpty()
            ? protocol.get().implicitTlsPort()
            : Integer.parseInt(section.get("Port"));
        Security security = security(section, port);
        String login = section.get("LoginName").isEmpty() ? defaultLogin : section.get("LoginName");
        ServerSettings settings =
            ServerSettings.builder()
                .protocol(protocol.get())
                .host(section.get("Server"))
                .port(port)
                .security(security)
                .addAuthMethods(section.get("SPA").equalsIgnoreCase("on") ? AuthMethod.NTLM : AuthMethod.PASSWORD_CLEARTEXT)
                .username(login)
                .build();
        Candidate candidate =
            Candidate.of(settings, Source.AUTODISCOVER, trust, Note.of(NoteCode.FROM_AUTODISCOVER, endpointHost));
        candidates.add(candidate);
      } catch (IllegalArgumentException e) {
        // NumberFormatException, an unreadable encryption label or an invalid host: this
        // section is dropped alone.
      }
    }
    return List.copyOf(candidates);
  }

  private static Security security(AutodiscoverParser.Section section, int port) {
    String encryption = section.get("Encryption");
    if (!encryption.isEmpty() && !encryption.equalsIgnoreCase("auto")) {
      try {
        return Security.fromLabel(encryption, port);
      } catch (UnknownSecurityLabelException e) {
        // fall back on the SSL flag
      }
    }
    return section.get("SSL").equalsIgnoreCase("off") ? Security.NONE : Security.fromLabel("SSL", port);
  }
}
