package org.mailsettings.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.probe.ProbeResult;

/** One resolution as one line of JSON, the command line's {@code --json} format. */
final class ResolutionJson {
  private ResolutionJson() {}

  static String of(Resolution resolution) {
    return of(resolution, null, null, List.of());
  }

  static String of(
      Resolution resolution,
      Verifying.@Nullable Result verified,
      @Nullable Map<String, String> properties,
      List<ProbeResult> findings) {
    return Json.write(map(resolution, verified, properties, findings));
  }

  /** The object of {@link #of}, for a caller that adds members of its own. */
  static Map<String, Object> map(
      Resolution resolution,
      Verifying.@Nullable Result verified,
      @Nullable Map<String, String> properties,
      List<ProbeResult> findings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("address", resolution.address().address());
    root.put("provider", resolution.provider().map(ResolutionJson::provider).orElse(null));
    root.put("incoming", candidates(resolution.incoming()));
    root.put("outgoing", candidates(resolution.outgoing()));
    root.put("notes", notes(resolution.notes()));
    root.put("requiresConfirmation", resolution.requiresConfirmation());
    root.put("hostDomains", resolution.hostDomains());
    if (!resolution.serviceUrls().isEmpty()) {
      // PACC's HTTP services (JMAP, CalDAV, CardDAV, WebDAV), only when a document named some.
      Map<String, Object> services = new LinkedHashMap<>();
      resolution.serviceUrls().forEach((name, url) -> services.put(name, url.toString()));
      root.put("serviceUrls", services);
    }
    if (!resolution.sourceReports().isEmpty()) {
      root.put("sources", resolution.sourceReports().stream().map(r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source().name());
        m.put("query", r.query());
        m.put("outcome", r.outcome().name());
        m.put("details", notes(r.details()));
        m.put("millis", r.elapsed().toMillis());
        return m;
      }).collect(Collectors.toList()));
    }
    if (properties != null) {
      root.put("properties", properties);
    }
    if (!findings.isEmpty()) {
      root.put("probe", findings.stream().map(ResolutionJson::finding).collect(Collectors.toList()));
    }
    if (verified != null) {
      root.put("verification", verified.json());
    }
    return root;
  }

  static String error(String input, String message) {
    return Json.write(errorMap(input, message));
  }

  /** The object of {@link #error}, for a caller that adds members of its own. */
  static Map<String, Object> errorMap(String input, String message) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("address", input);
    root.put("error", message);
    return root;
  }

  private static Map<String, Object> finding(ProbeResult f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protocol", f.candidate().protocol().name());
    m.put("host", f.candidate().settings().host());
    m.put("port", f.candidate().settings().port());
    m.put("security", f.candidate().settings().security().name());
    m.put("status", f.status().name());
    m.put("details", notes(f.details()));
    m.put("greeting", f.greeting());
    m.put("tlsVersion", f.tlsVersion().orElse(null));
    m.put("certificateNames", f.certificateNames());
    m.put("certificateMatches", f.certificateMatches().orElse(null));
    m.put("startTlsOffered", f.startTlsOffered().orElse(null));
    m.put("mechanismsBeforeTls", f.mechanismsBeforeTls());
    m.put("mechanismsAfterTls", f.mechanismsAfterTls());
    m.put("millis", f.elapsed().toMillis());
    m.put("proposal", f.proposal().map(p -> p.settings().address()).orElse(null));
    return m;
  }

  /** Notes as objects: the code, the arguments, and the English text. */
  private static List<Object> notes(List<Note> notes) {
    return notes.stream().map(n -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", n.code().name());
      m.put("arguments", n.arguments());
      m.put("text", n.toString());
      return (Object) m;
    }).collect(Collectors.toList());
  }

  private static Map<String, Object> provider(Provider provider) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", provider.id());
    map.put("name", provider.name());
    map.put("documentation", provider.documentationUrl().orElse(null));
    map.put("notes", provider.notes());
    map.put("source", provider.source().name());
    map.put("origin", provider.origin());
    provider.oauth2().ifPresent(oauth -> {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("issuer", oauth.issuer());
      o.put("scopes", oauth.scopes());
      o.put("authorizationEndpoint", oauth.authorizationEndpoint().toString());
      o.put("tokenEndpoint", oauth.tokenEndpoint().toString());
      o.put("deviceAuthorizationEndpoint", oauth.deviceAuthorizationEndpoint().map(Object::toString).orElse(null));
      map.put("oauth2", o);
    });
    provider.publicClientIssuer().ifPresent(issuer -> map.put("publicClientIssuer", issuer.toString()));
    return map;
  }

  private static List<Object> candidates(List<Candidate> candidates) {
    return candidates.stream().map(ResolutionJson::candidate).collect(Collectors.toList());
  }

  private static Map<String, Object> candidate(Candidate candidate) {
    ServerSettings settings = candidate.settings();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("protocol", settings.protocol().name());
    map.put("host", settings.host());
    map.put("port", settings.port());
    map.put("security", settings.security().name());
    map.put("username", settings.username());
    map.put("auth", settings.authMethods().stream().map(AuthMethod::autoconfigName).collect(Collectors.toList()));
    map.put("source", candidate.source().name());
    map.put("trust", candidate.trust().name());
    map.put("sources", candidate.sources().stream().map(Source::name).collect(Collectors.toList()));
    map.put("hostDomain", candidate.hostDomain());
    map.put("reasons", notes(candidate.reasons()));
    return map;
  }
}
