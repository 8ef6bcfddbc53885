package org.mailsettings.internal.pacc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.json.Json;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.text.Texts;

/**
 * A PACC document ({@code user-agent-configuration.json}) as draft-ietf-mailmaint-pacc-03 has it,
 * with -02's {@code smtp} read as -03's {@code submit}: the host of each mail protocol (always on
 * its implicit-TLS port: IMAP 993, POP3 995, submission 465; the full address as the username),
 * the HTTP services' URLs, how the provider lets users sign in ({@code authentication}: passwords,
 * and the issuer of the OAuth profile for open public clients), and the provider's name and help.
 *
 * <p>Read after its digest matched (never before). A document without {@code protocols} or
 * {@code info.provider.name} is malformed; unknown members and protocols are ignored, as the
 * draft asks; a known entry that cannot be used (a host that is not a host name, a URL that is
 * not https) is ignored with a note in {@link #ignored()}. Text for people has control and
 * bidirectional characters replaced.
 *
 * <p>Not read yet: -04 (its text was not available when this was written), {@code managesieve}
 * (-03 gives it no implicit-TLS port), logos, {@code help.contact}.
 */
public final class PaccDocument {
  /** The revision this reading follows. */
  public static final String REVISION = "draft-ietf-mailmaint-pacc-03";
  /** Where the document is served, below {@code https://ua-auto-config.<domain>}. */
  public static final String WELL_KNOWN_PATH = "/.well-known/user-agent-configuration.json";
  /** The longest provider name the draft allows. */
  static final int MAX_NAME = 60;
  /** The longest short name the draft allows. */
  static final int MAX_SHORT_NAME = 20;
  /** The HTTP services read, in this order. */
  public static final List<String> SERVICES = List.of("jmap", "caldav", "carddav", "webdav");

  /** A document that is not JSON or lacks what the draft requires. */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exception, saying what is wrong. */
    public MalformedException(String message) {
      super(message);
    }
  }

  /** A known entry that was not used: where, and why. */
  public record Ignored(String member, String reason) {}

  private final Optional<String> imapHost;
  private final Optional<String> pop3Host;
  private final Optional<String> submitHost;
  private final Map<String, URI> services;
  private final Optional<Boolean> password;
  private final Optional<URI> issuer;
  private final String providerName;
  private final Optional<String> shortName;
  private final Optional<URI> documentation;
  private final Optional<URI> developer;
  private final List<Ignored> ignored;

  /** A document from its parts (for publishing); the hosts must be host names, the URLs usable. */
  public PaccDocument(
      Optional<String> imapHost, Optional<String> pop3Host, Optional<String> submitHost, Map<String, URI> services,
      Optional<Boolean> password, Optional<URI> issuer, String providerName, Optional<String> shortName,
      Optional<URI> documentation, Optional<URI> developer) {
    this(imapHost, pop3Host, submitHost, services, password, issuer, providerName, shortName, documentation, developer, List.of());
  }

  private PaccDocument(
      Optional<String> imapHost, Optional<String> pop3Host, Optional<String> submitHost, Map<String, URI> services,
      Optional<Boolean> password, Optional<URI> issuer, String providerName, Optional<String> shortName,
      Optional<URI> documentation, Optional<URI> developer, List<Ignored> ignored) {
    this.imapHost = imapHost;
    this.pop3Host = pop3Host;
    this.submitHost = submitHost;
    this.services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    this.password = password;
    this.issuer = issuer;
    this.providerName = providerName;
    this.shortName = shortName;
    this.documentation = documentation;
    this.developer = developer;
    this.ignored = List.copyOf(ignored);
  }

  /** The IMAP host (port 993, implicit TLS). */
  public Optional<String> imapHost() {
    return imapHost;
  }

  /** The POP3 host (port 995, implicit TLS). */
  public Optional<String> pop3Host() {
    return pop3Host;
  }

  /** The submission host (port 465, implicit TLS): -03's {@code submit}, or -02's {@code smtp}. */
  public Optional<String> submitHost() {
    return submitHost;
  }

  /** The HTTP services' URLs by their PACC names ({@code jmap}, {@code caldav}, {@code carddav}, {@code webdav}). */
  public Map<String, URI> services() {
    return services;
  }

  /** {@code authentication.password}: whether the provider accepts passwords; absent when the document does not say. */
  public Optional<Boolean> password() {
    return password;
  }

  /** {@code authentication.oauth-public.issuer}: an RFC 8414 issuer, exactly as written. */
  public Optional<URI> issuer() {
    return issuer;
  }

  /** {@code info.provider.name}. */
  public String providerName() {
    return providerName;
  }

  /** {@code info.provider.shortName}. */
  public Optional<String> shortName() {
    return shortName;
  }

  /** {@code info.help.documentation}. */
  public Optional<URI> documentation() {
    return documentation;
  }

  /** {@code info.help.developer}. */
  public Optional<URI> developer() {
    return developer;
  }

  /** Known entries that could not be used. */
  public List<Ignored> ignored() {
    return ignored;
  }

  /**
   * Reads a document's bytes.
   *
   * @throws MalformedException when they are not strict JSON within the bounds, or lack {@code
   *     protocols} or {@code info.provider.name}
   */
  public static PaccDocument read(byte[] bytes, int maxBytes) throws MalformedException {
    Object root;
    try {
      root = Json.parse(bytes, maxBytes);
    } catch (Json.JsonException e) {
      throw new MalformedException("not JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> document)) {
      throw new MalformedException("the document is not a JSON object");
    }
    List<Ignored> ignored = new ArrayList<>();
    if (!(document.get("protocols") instanceof Map<?, ?> protocols)) {
      throw new MalformedException("no \"protocols\" object");
    }
    if (!(document.get("info") instanceof Map<?, ?> info)
        || !(info.get("provider") instanceof Map<?, ?> provider)
        || !(provider.get("name") instanceof String name)
        || name.isBlank()) {
      throw new MalformedException("no \"info.provider.name\"");
    }
    Optional<String> imap = host(protocols, "imap", ignored);
    Optional<String> pop3 = host(protocols, "pop3", ignored);
    Optional<String> submit = host(protocols, "submit", ignored);
    if (submit.isEmpty()) {
      submit = host(protocols, "smtp", ignored); // -02's name
    }
    Map<String, URI> services = new LinkedHashMap<>();
    for (String service : SERVICES) {
      Object entry = protocols.get(service);
      if (entry == null) {
        continue;
      }
      Object url = entry instanceof Map<?, ?> object ? object.get("url") : null;
      String member = "protocols." + service + ".url";
      if (!(url instanceof String text)) {
        ignored.add(new Ignored(member, "not a string"));
        continue;
      }
      Optional<URI> uri = httpsUrl(text, member, ignored);
      if (uri.isPresent() && !service.equals("jmap") && (uri.get().getRawPath() == null || uri.get().getRawPath().length() <= 1)) {
        ignored.add(new Ignored(member, "a DAV URL needs a context path, not the server's root"));
        continue;
      }
      uri.ifPresent(u -> services.put(service, u));
    }
    Optional<Boolean> password = Optional.empty();
    Optional<URI> issuer = Optional.empty();
    if (document.get("authentication") instanceof Map<?, ?> authentication) {
      Object allowed = authentication.get("password");
      if (allowed instanceof Boolean b) {
        password = Optional.of(b);
      } else if (allowed != null) {
        ignored.add(new Ignored("authentication.password", "not true or false"));
      }
      Object oauth = authentication.get("oauth-public");
      if (oauth instanceof Map<?, ?> profile && profile.get("issuer") instanceof String text) {
        issuer = issuer(text, ignored);
      } else if (oauth != null) {
        ignored.add(new Ignored("authentication.oauth-public.issuer", "not a string"));
      }
    }
    String providerName = Texts.safe(name.strip());
    if (providerName.codePointCount(0, providerName.length()) > MAX_NAME) {
      providerName = providerName.substring(0, providerName.offsetByCodePoints(0, MAX_NAME)).strip();
      ignored.add(new Ignored("info.provider.name", "longer than " + MAX_NAME + " characters: shortened"));
    }
    Optional<String> shortName = Optional.empty();
    if (provider.get("shortName") instanceof String s && !s.isBlank()) {
      String safe = Texts.safe(s.strip());
      if (safe.codePointCount(0, safe.length()) <= MAX_SHORT_NAME) {
        shortName = Optional.of(safe);
      } else {
        ignored.add(new Ignored("info.provider.shortName", "longer than " + MAX_SHORT_NAME + " characters"));
      }
    }
    Optional<URI> documentation = Optional.empty();
    Optional<URI> developer = Optional.empty();
    if (info.get("help") instanceof Map<?, ?> help) {
      if (help.get("documentation") instanceof String text) {
        documentation = httpsUrl(text, "info.help.documentation", ignored);
      }
      if (help.get("developer") instanceof String text) {
        developer = httpsUrl(text, "info.help.developer", ignored);
      }
    }
    return new PaccDocument(imap, pop3, submit, services, password, issuer, providerName, shortName, documentation,
        developer, ignored);
  }

  private static Optional<String> host(Map<?, ?> protocols, String protocol, List<Ignored> ignored) {
    Object entry = protocols.get(protocol);
    if (entry == null) {
      return Optional.empty();
    }
    String member = "protocols." + protocol + ".host";
    if (!(entry instanceof Map<?, ?> object) || !(object.get("host") instanceof String host)) {
      ignored.add(new Ignored(member, "not a string"));
      return Optional.empty();
    }
    Optional<String> normalised = HostNames.normalise(host).filter(h -> !HostNames.isIpLiteral(h));
    if (normalised.isEmpty()) {
      ignored.add(new Ignored(member, "not a host name"));
    }
    return normalised;
  }

  private static Optional<URI> httpsUrl(String text, String member, List<Ignored> ignored) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      ignored.add(new Ignored(member, "not a URL"));
      return Optional.empty();
    }
    if (!uri.isAbsolute()
        || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null
        || HostNames.normalise(uri.getHost()).isEmpty()
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      ignored.add(new Ignored(member, "not an https URL with a host"));
      return Optional.empty();
    }
    if (uri.getPort() != -1) {
      ignored.add(new Ignored(member, "an explicit port"));
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /**
   * The issuer as RFC 8414 and the open public client profile (draft-ietf-mailmaint-oauth-public-06,
   * 3.2) want it: https, a host, no user, query or fragment, no dot segments; kept exactly as
   * written (a trailing {@code /} included), since the metadata's issuer must match it exactly.
   */
  private static Optional<URI> issuer(String text, List<Ignored> ignored) {
    String member = "authentication.oauth-public.issuer";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      ignored.add(new Ignored(member, "not a URL"));
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!uri.isAbsolute()
        || !"https".equals(uri.getScheme())
        || uri.getHost() == null
        || HostNames.normalise(uri.getHost()).isEmpty()
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || ("/" + path + "/").contains("/./")
        || ("/" + path + "/").contains("/../")) {
      ignored.add(new Ignored(member, "not an https issuer without user, query, fragment or dot segments"));
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /** The document as JSON values, in the draft's member order, for {@link Json#write}. */
  public Map<String, Object> toJson() {
    Map<String, Object> protocols = new LinkedHashMap<>();
    services.forEach((service, url) -> {
      if (service.equals("jmap")) {
        protocols.put(service, Map.of("url", url.toString()));
      }
    });
    imapHost.ifPresent(h -> protocols.put("imap", Map.of("host", h)));
    pop3Host.ifPresent(h -> protocols.put("pop3", Map.of("host", h)));
    submitHost.ifPresent(h -> protocols.put("submit", Map.of("host", h)));
    services.forEach((service, url) -> {
      if (!service.equals("jmap")) {
        protocols.put(service, Map.of("url", url.toString()));
      }
    });
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("protocols", protocols);
    if (password.isPresent() || issuer.isPresent()) {
      Map<String, Object> authentication = new LinkedHashMap<>();
      issuer.ifPresent(i -> authentication.put("oauth-public", Map.of("issuer", i.toString())));
      password.ifPresent(p -> authentication.put("password", p));
      document.put("authentication", authentication);
    }
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("name", providerName);
    shortName.ifPresent(s -> provider.put("shortName", s));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("provider", provider);
    if (documentation.isPresent() || developer.isPresent()) {
      Map<String, Object> help = new LinkedHashMap<>();
      documentation.ifPresent(d -> help.put("documentation", d.toString()));
      developer.ifPresent(d -> help.put("developer", d.toString()));
      info.put("help", help);
    }
    document.put("info", info);
    return document;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PaccDocument d
        && imapHost.equals(d.imapHost) && pop3Host.equals(d.pop3Host) && submitHost.equals(d.submitHost)
        && services.equals(d.services) && password.equals(d.password) && issuer.equals(d.issuer)
        && providerName.equals(d.providerName) && shortName.equals(d.shortName)
        && documentation.equals(d.documentation) && developer.equals(d.developer);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(imapHost, pop3Host, submitHost, services, password, issuer, providerName, shortName);
  }

  @Override
  public String toString() {
    return "PaccDocument" + toJson();
  }
}
