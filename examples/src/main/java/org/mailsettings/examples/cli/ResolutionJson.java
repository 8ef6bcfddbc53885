package org.mailsettings.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.ServerSettings;
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
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("address", resolution.address().address());
    root.put("provider", resolution.provider().map(ResolutionJson::provider).orElse(null));
    root.put("incoming", candidates(resolution.incoming()));
    root.put("outgoing", candidates(resolution.outgoing()));
    root.put("notes", resolution.notes());
    root.put("requiresConfirmation", resolution.requiresConfirmation());
    root.put("hostDomains", resolution.hostDomains());
    if (!resolution.sourceReports().isEmpty()) {
      root.put("sources", resolution.sourceReports().stream().map(r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source().name());
        m.put("query", r.query());
        m.put("outcome", r.outcome().name());
        m.put("detail", r.detail());
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
    return Json.write(root);
  }

  static String error(String input, String message) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("address", input);
    root.put("error", message);
    return Json.write(root);
  }

  private static Map<String, Object> finding(ProbeResult f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protocol", f.candidate().protocol().name());
    m.put("host", f.candidate().settings().host());
    m.put("port", f.candidate().settings().port());
    m.put("security", f.candidate().settings().security().name());
    m.put("status", f.status().name());
    m.put("detail", f.detail());
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

  private static Map<String, Object> provider(Provider provider) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", provider.id());
    map.put("name", provider.name());
    map.put("documentation", provider.documentationUrl().orElse(null));
    map.put("notes", provider.notes());
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
    map.put("sources", candidate.sources().stream().map(Enum::name).collect(Collectors.toList()));
    map.put("reason", candidate.reason());
    return map;
  }
}
