package org.mailsettings.internal.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.OAuth2Settings;
import org.mailsettings.Provider;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.OAuth2Config;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.net.HostNames;

/** One provider of a database: its parsed section, its public description, and its origin. */
public final class ProviderEntry {
  // Either the section itself, or the bundled document it is decoded from on first use.
  private final @Nullable EmailProviderConfig config;
  private final Optional<OAuth2Config> oauth2;
  private final CompiledDatabase.@Nullable LazyDocument document;
  private final int section;
  private final List<String> domains;
  private final List<String> mxDomains;
  private final Source source;
  private final String origin;
  // Built on first use: a resolver starts with every bundled entry (200 providers, 1,000
  // domains), and building each one's description and server prototypes at start-up cost more
  // than 100 ms of a fresh JVM; a resolution needs one or two.
  private volatile @Nullable Derived derived;

  /** What is built from the section on first use. */
  private static final class Derived {
    final Provider provider;
    // The very section objects of this entry, incoming first, and their prototypes (null where
    // the host has a placeholder); never modified after construction.
    final ServerConfig[] servers;
    final @Nullable ServerSettings[] prototypes;
    // The section's own lists: a caller that passes one of them (every resolution does) finds a
    // server's prototype by its position, without hashing or comparing any section.
    final List<ServerConfig> incoming;
    final List<ServerConfig> outgoing;
    final boolean publicHosts;

    Derived(Provider provider, ServerConfig[] servers, @Nullable ServerSettings[] prototypes, List<ServerConfig> incoming,
        List<ServerConfig> outgoing, boolean publicHosts) {
      this.provider = provider;
      this.servers = servers;
      this.prototypes = prototypes;
      this.incoming = incoming;
      this.outgoing = outgoing;
      this.publicHosts = publicHosts;
    }
  }

  /**
   * Wraps a parsed section read from {@code origin} by {@code source}, with the OAuth 2.0 block
   * of its document.
   */
  public ProviderEntry(EmailProviderConfig config, Optional<OAuth2Config> oauth2, Source source, String origin) {
    this.config = config;
    this.oauth2 = oauth2;
    this.document = null;
    this.section = 0;
    this.domains = config.domains();
    this.mxDomains = config.mxDomains();
    this.source = source;
    this.origin = origin;
  }

  private ProviderEntry(CompiledDatabase.LazyDocument document, int section, Source source) {
    this.config = null;
    this.oauth2 = Optional.empty(); // the document's, once decoded
    this.document = document;
    this.section = section;
    this.domains = document.sections().get(section).domains();
    this.mxDomains = document.sections().get(section).mxDomains();
    this.source = source;
    this.origin = document.sourceName();
  }

  /** The entries of a compiled document's sections, decoded when one is first used. */
  static List<ProviderEntry> of(CompiledDatabase.LazyDocument document, Source source) {
    List<ProviderEntry> entries = new java.util.ArrayList<>(document.sections().size());
    for (int section = 0; section < document.sections().size(); section++) {
      entries.add(new ProviderEntry(document, section, source));
    }
    return entries;
  }

  private Derived derived() {
    Derived known = derived;
    if (known == null) {
      known = derive(); // two threads may both build it: equal values, one is kept
      derived = known;
    }
    return known;
  }

  private Derived derive() {
    EmailProviderConfig section = config();
    Optional<OAuth2Config> block = oauth2();
    Provider.Builder builder =
        Provider.builder()
            .id(section.id().isEmpty() ? origin : section.id())
            .name(section.name())
            .addAllNotes(section.notes())
            .addAllDomains(section.domains())
            .source(source)
            .origin(origin);
    if (!section.documentationUrls().isEmpty()) {
      builder.documentationUrl(section.documentationUrls().get(0));
    }
    if (block.isPresent()) { // (no lambdas: this runs for the first resolution of a process)
      Optional<OAuth2Settings> settings = oauth2Settings(block.get());
      if (settings.isPresent()) {
        builder.oauth2(settings.get());
      }
    }
    int count = section.incomingServers().size() + section.outgoingServers().size();
    ServerConfig[] servers = new ServerConfig[count];
    @Nullable ServerSettings[] fixed = new ServerSettings[count];
    boolean publicHosts = true;
    int index = 0;
    for (List<ServerConfig> direction : List.of(section.incomingServers(), section.outgoingServers())) {
      for (ServerConfig server : direction) {
        Optional<String> host = server.hostname().indexOf('%') < 0 ? HostNames.normalise(server.hostname()) : Optional.empty();
        servers[index] = server;
        if (host.isPresent()) {
          fixed[index] = prototype(server, host.get());
          publicHosts &= !HostNames.isLocalOrPrivate(host.get());
        } else {
          publicHosts = false; // known only once expanded for an address
        }
        index++;
      }
    }
    return new Derived(
        builder.build(), servers, fixed, section.incomingServers(), section.outgoingServers(), publicHosts);
  }

  /**
   * The document's OAuth 2.0 block as settings; empty when it lacks the issuer, the scopes or an
   * HTTPS authorization or token endpoint (a client cannot sign in with less).
   */
  static Optional<OAuth2Settings> oauth2Settings(OAuth2Config block) {
    if (block.issuer().isEmpty() || block.scope().isEmpty() || block.authUrl().isEmpty() || block.tokenUrl().isEmpty()) {
      return Optional.empty();
    }
    try {
      OAuth2Settings.Builder settings =
          OAuth2Settings.builder()
              .issuer(block.issuer().get())
              .addAllScopes(scopes(block.scope().get()))
              .authorizationEndpoint(new URI(block.authUrl().get()))
              .tokenEndpoint(new URI(block.tokenUrl().get()));
      if (block.deviceAuthUrl().isPresent()) {
        settings.deviceAuthorizationEndpoint(new URI(block.deviceAuthUrl().get()));
      }
      return Optional.of(settings.build());
    } catch (URISyntaxException | InvalidSettingsException e) {
      return Optional.empty();
    }
  }

  /** The scopes of a space-separated list (a loop, not a regular expression: start-up). */
  private static List<String> scopes(String list) {
    List<String> scopes = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i <= list.length(); i++) {
      boolean space = i == list.length() || Character.isWhitespace(list.charAt(i));
      if (space && start >= 0) {
        scopes.add(list.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return scopes;
  }

  private static ServerSettings prototype(ServerConfig server, String host) {
    return settings(server, host, "");
  }

  /**
   * The concrete settings of a server section, once its host name and username are known: the one
   * place where a section's values become {@link ServerSettings}.
   */
  public static ServerSettings settings(ServerConfig server, String host, String username) {
    ServerSettings.Builder settings =
        ServerSettings.builder()
            .protocol(server.protocol())
            .host(host)
            .port(server.port())
            .security(server.security())
            .addAllAuthMethods(server.authMethods())
            .username(username)
            .addAllTlsVersions(server.tlsVersions());
    if (server.imapPathPrefix().isPresent()) {
      settings.imapPathPrefix(server.imapPathPrefix().get());
    }
    if (server.maxMessageSize().isPresent()) {
      settings.maxMessageSize(server.maxMessageSize().getAsLong());
    }
    if (server.leaveMessagesOnServer().isPresent()) {
      settings.leaveMessagesOnServer(server.leaveMessagesOnServer().get());
    }
    return settings.build();
  }

  /**
   * The settings of a server section whose host is fixed (no placeholder), built once, with an
   * empty username: each resolution only sets the username. Null when the host has a placeholder
   * or {@code server} is not one of this entry's sections; {@code server} is {@code
   * servers.get(index)}.
   */
  // Identity on purpose: the keys are this entry's very section objects, and comparing by value
  // would compare every field of every section.
  @SuppressWarnings("ReferenceEquality")
  public @Nullable ServerSettings prototype(List<ServerConfig> servers, int index, ServerConfig server) {
    Derived known = derived();
    if (servers == known.incoming) {
      return known.prototypes[index];
    }
    if (servers == known.outgoing) {
      return known.prototypes[known.incoming.size() + index];
    }
    for (int i = 0; i < known.servers.length; i++) { // a selection of the caller's (the settings check)
      if (known.servers[i] == server) {
        return known.prototypes[i];
      }
    }
    return null;
  }

  /**
   * Whether every server of the section has a fixed host and none of them is this machine or a
   * private network: then no candidate of this entry needs the assembly's check of its host.
   */
  public boolean publicHosts() {
    return derived().publicHosts;
  }

  /** The parsed section with its server templates. */
  public EmailProviderConfig config() {
    EmailProviderConfig eager = config;
    if (eager != null) {
      return eager;
    }
    return java.util.Objects.requireNonNull(document, "document").document().emailProviders().get(section);
  }

  private Optional<OAuth2Config> oauth2() {
    return document == null ? oauth2 : document.document().oAuth2();
  }

  /** The section's mail domains, known without decoding it. */
  public List<String> domains() {
    return domains;
  }

  /** The section's MX domains, known without decoding it. */
  public List<String> mxDomains() {
    return mxDomains;
  }

  /** The public description. */
  public Provider provider() {
    return derived().provider;
  }

  /** The kind of source it was read from. */
  public Source source() {
    return source;
  }

  /** The file or resource it was read from. */
  public String origin() {
    return origin;
  }
}
