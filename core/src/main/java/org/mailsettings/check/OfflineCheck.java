package org.mailsettings.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.UnknownSecurityLabelException;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderStore;
import org.mailsettings.internal.resolve.ProviderCandidates;

/**
 * One run of the offline check on one form: read what can be read, find the provider through the
 * client's pipeline, compare, work out the corrected settings, and give each finding its fix
 * (the fields it concerns taken from the corrected settings, the others as typed).
 */
final class OfflineCheck {
  /** Ports that are for implicit TLS (RFC 8314). */
  private static final Set<Integer> IMPLICIT_PORTS = Set.of(465, 993, 995);
  /** Ports that start in plaintext (and upgrade with STARTTLS, or stay plaintext). */
  private static final Set<Integer> PLAINTEXT_START_PORTS = Set.of(587, 143, 110, 25, 26, 2525);

  private final MailSettingsResolver client;
  private final ProviderStore store;
  private final Function<String, Optional<ProviderStore.Match>> byServerHost;
  private final TypedSettings typed;
  private final Protocol protocol;

  private final List<Pending> pending = new ArrayList<>();

  // What could be read.
  private @Nullable EmailAddress address;
  private @Nullable String host;
  /** The port when it is 1 to 65535, else 0. */
  private int port;
  /** Whether the port is another protocol's own (993 for SMTP). */
  private boolean portOfOtherProtocol;
  /** What the label says without the port ("SSL": implicit TLS), or the typed Security. */
  private @Nullable Security meant;
  /** What the library reads (the label with its port: "SSL" on 587 is STARTTLS). */
  private @Nullable Security read;
  /** The security as the user chose it: the label as typed, or the Security's name. */
  private String chosen = "";
  private boolean usernameReadable = true;
  private boolean prefixReadable = true;

  // The provider.
  private @Nullable Provider provider;
  private @Nullable ProviderEntry entry;
  private List<Candidate> known = List.of();
  /** For a hoster whose certificate names the hosting server: the domain of those servers. */
  private @Nullable String serverNameDomain;
  /** That hosting server's name, from the MX hosts. */
  private @Nullable String serverName;
  /** Whether the host typed is one of the hoster's server names. */
  private boolean serverNameTyped;
  private @Nullable Candidate closest;
  /** Whether the security contradicts the port or the provider (reported once, not again as plaintext). */
  private boolean securityConflict;

  /** A finding before the corrected settings are known: which fields its fix takes from them. */
  private record Pending(Finding.Builder finding, Set<SettingsField> fixes) {}

  OfflineCheck(
      MailSettingsResolver client,
      ProviderStore store,
      Function<String, Optional<ProviderStore.Match>> byServerHost,
      TypedSettings typed) {
    this.client = client;
    this.store = store;
    this.byServerHost = byServerHost;
    this.typed = typed;
    this.protocol = typed.protocol();
  }

  CheckResult run() {
    readAddress();
    readHost();
    readPort();
    readSecurity();
    readUsernameAndPrefix();
    findProvider();
    checkSecurityAgainstPort();
    checkEncryptionAndPort25();
    checkAgainstProvider();
    checkLogin();
    checkUsername();
    checkImapPathPrefix();

    Optional<ServerSettings> settings = asRead();
    Optional<ServerSettings> corrected = corrected();
    Optional<ServerSettings> base = settings.isPresent() ? settings : patched(corrected);
    List<Finding> findings = new ArrayList<>();
    for (Pending p : pending) {
      Finding.Builder finding = p.finding();
      if (!p.fixes().isEmpty() && corrected.isPresent() && base.isPresent()) {
        ServerSettings fix = fix(base.get(), corrected.get(), p.fixes());
        if (changesAField(fix, base.get(), p.fixes())) {
          finding.fix(fix);
        }
      }
      findings.add(finding.build());
    }
    CheckResult.Builder result =
        CheckResult.builder().input(typed).findings(findings).providerSettings(known);
    if (address != null) {
      result.address(address);
    }
    settings.ifPresent(result::settings);
    corrected.ifPresent(result::corrected);
    if (provider != null) {
      result.provider(provider);
    }
    return result.build();
  }

  private Pending add(FindingCode code, Set<SettingsField> fixes, Object... arguments) {
    Finding.Builder builder = Finding.builder().code(code).arguments(Finding.texts(arguments));
    Pending p = new Pending(builder, fixes);
    pending.add(p);
    return p;
  }

  private Pending add(FindingCode code, Object... arguments) {
    return add(code, Set.of(), arguments);
  }

  private Evidence providerEvidence() {
    Evidence.Builder evidence = Evidence.builder();
    for (Candidate candidate : known) {
      evidence.addProviderSettings(candidate.settings());
    }
    return evidence.build();
  }

  // ---- Reading ------------------------------------------------------------------------------

  private void readAddress() {
    try {
      address = EmailAddress.parse(typed.address());
    } catch (InvalidEmailAddressException e) {
      add(FindingCode.ADDRESS_INVALID, typed.address().strip())
          .finding().evidence(Evidence.builder().detail(String.valueOf(e.getMessage())).build());
    }
  }

  private void readHost() {
    String text = typed.host().strip();
    if (text.isEmpty()) {
      add(FindingCode.HOST_MISSING, EnumSet.of(SettingsField.HOST));
      return;
    }
    Optional<String> normalised = HostNames.normalise(text);
    if (normalised.isEmpty()) {
      add(FindingCode.HOST_INVALID, EnumSet.of(SettingsField.HOST), text);
      return;
    }
    host = normalised.get();
  }

  private void readPort() {
    int typedPort = typed.port();
    if (typedPort < 1 || typedPort > 65535) {
      add(FindingCode.PORT_OUT_OF_RANGE, EnumSet.of(SettingsField.PORT, SettingsField.SECURITY), typedPort);
      return;
    }
    port = typedPort;
    Protocol owner = ownerOf(port);
    if (owner != null && owner != protocol) {
      portOfOtherProtocol = true;
      add(FindingCode.PORT_OF_OTHER_PROTOCOL, EnumSet.of(SettingsField.PORT, SettingsField.SECURITY), port, owner, protocol);
    }
  }

  /** The protocol whose own port this is, when it belongs to exactly one. */
  private static @Nullable Protocol ownerOf(int port) {
    return switch (port) {
      case 143, 993 -> Protocol.IMAP;
      case 110, 995 -> Protocol.POP3;
      case 25, 26, 465, 587, 2525 -> Protocol.SMTP;
      default -> null;
    };
  }

  private void readSecurity() {
    if (typed.security().isPresent()) {
      meant = typed.security().get();
      read = meant;
      chosen = meant.name();
      return;
    }
    String label = typed.securityLabel().orElse("").strip();
    if (label.isEmpty()) {
      add(FindingCode.SECURITY_MISSING, EnumSet.of(SettingsField.SECURITY, SettingsField.PORT));
      return;
    }
    try {
      meant = Security.fromLabel(label);
      read = Security.fromLabel(label, port);
      chosen = label;
    } catch (UnknownSecurityLabelException e) {
      add(FindingCode.SECURITY_LABEL_UNKNOWN, EnumSet.of(SettingsField.SECURITY, SettingsField.PORT), label)
          .finding().evidence(Evidence.builder().detail(String.valueOf(e.getMessage())).build());
    }
  }

  private void readUsernameAndPrefix() {
    if (!readable(typed.username())) {
      usernameReadable = false;
      add(FindingCode.USERNAME_INVALID, EnumSet.of(SettingsField.USERNAME));
    }
    if (protocol == Protocol.IMAP && typed.imapPathPrefix().isPresent() && !readable(typed.imapPathPrefix().get())) {
      prefixReadable = false;
      add(FindingCode.IMAP_PATH_PREFIX_INVALID, EnumSet.of(SettingsField.IMAP_PATH_PREFIX));
    }
  }

  /** Whether ServerSettings takes the text: no control character, no lone surrogate. */
  private static boolean readable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // ---- The provider -------------------------------------------------------------------------

  private void findProvider() {
    EmailAddress email = address;
    if (email == null) {
      return;
    }
    ResolutionRequest request =
        ResolutionRequest.builder()
            .address(email)
            .mxHosts(typed.mxHosts())
            .mxHostsAuthenticated(typed.mxHostsAuthenticated())
            .policy(ResolutionPolicy.builder().allowPlaintext(true).build())
            .build();
    Resolution resolution = client.resolve(request);
    if (resolution.provider().isPresent()) {
      provider = resolution.provider().get();
      known = fromProvider(resolution.candidates(protocol));
      Optional<ProviderStore.Match> match = store.byDomain(email.asciiDomain());
      if (match.isEmpty()) {
        match = store.byMxHosts(typed.mxHosts());
      }
      entry = match.map(ProviderStore.Match::entry).orElse(null);
      String mxHost = match.map(ProviderStore.Match::mxHost).orElse(null);
      if (mxHost != null) {
        add(FindingCode.PROVIDER_BY_MX, provider.name(), email.domain(), mxHost);
      } else {
        add(FindingCode.PROVIDER_KNOWN, provider.name(), email.domain());
      }
    } else if (host != null && byServerHost.apply(host).isPresent()) {
      ProviderStore.Match match = byServerHost.apply(host).get();
      ProviderEntry found = match.entry();
      entry = found;
      provider = found.provider();
      List<ServerConfig> servers = new ArrayList<>();
      for (ServerConfig server : protocol.isIncoming() ? found.config().incomingServers() : found.config().outgoingServers()) {
        if (server.protocol() == protocol) {
          servers.add(server);
        }
      }
      known =
          ProviderCandidates.expand(
              servers, found, email, List.of(match.layer().source()), Trust.TRUSTED,
              List.of(Note.of(NoteCode.FROM_PROVIDER_DOMAIN, match.layer().description(), found.provider().name(), host)),
              new ArrayList<>());
      add(FindingCode.PROVIDER_BY_HOST, provider.name(), host);
    } else {
      add(FindingCode.PROVIDER_UNKNOWN, email.domain());
    }
    Provider p = provider;
    if (p != null) {
      serverNameDomain = HosterRules.serverNameDomain(p);
      String domain = serverNameDomain;
      if (domain != null) {
        for (String mx : typed.mxHosts()) {
          if (mx.endsWith("." + domain)) {
            serverName = mx;
            break;
          }
        }
        serverNameTyped = host != null && host.endsWith("." + domain);
      }
    }
  }

  private static List<Candidate> fromProvider(List<Candidate> candidates) {
    List<Candidate> own = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.source() != Source.GUESS) {
        own.add(candidate);
      }
    }
    return List.copyOf(own);
  }

  /** The host to compare with the provider's: the hoster's server names stand for its own host. */
  private @Nullable String comparedHost() {
    if (serverNameTyped && !known.isEmpty()) {
      return known.get(0).settings().host();
    }
    return host;
  }

  private boolean hostTemplated() {
    ProviderEntry e = entry;
    if (e == null) {
      return false;
    }
    for (ServerConfig server : protocol.isIncoming() ? e.config().incomingServers() : e.config().outgoingServers()) {
      if (server.protocol() == protocol && server.hostname().indexOf('%') >= 0) {
        return true;
      }
    }
    return false;
  }

  private String providerName() {
    Provider p = provider;
    return p == null ? "" : p.name();
  }

  // ---- Comparisons --------------------------------------------------------------------------

  private static @Nullable Security portStandard(int port) {
    if (IMPLICIT_PORTS.contains(port)) {
      return Security.IMPLICIT_TLS;
    }
    return PLAINTEXT_START_PORTS.contains(port) ? Security.STARTTLS : null;
  }

  private static boolean implicit(@Nullable Security security) {
    return security == Security.IMPLICIT_TLS;
  }

  private void checkSecurityAgainstPort() {
    Security chosenSecurity = meant;
    if (chosenSecurity == null || port == 0 || portOfOtherProtocol) {
      return;
    }
    Security standard = portStandard(port);
    Security providers = null;
    String compared = comparedHost();
    for (Candidate candidate : known) {
      if (candidate.settings().port() == port && candidate.settings().host().equals(compared)) {
        providers = candidate.settings().security();
        break;
      }
    }
    Security expected = providers != null ? providers : standard;
    if (expected == null || implicit(chosenSecurity) == implicit(expected)) {
      return;
    }
    securityConflict = true;
    Set<SettingsField> fixes = EnumSet.of(SettingsField.SECURITY, SettingsField.PORT);
    if (standard != null && implicit(standard) == implicit(expected)) {
      add(FindingCode.SECURITY_CONTRADICTS_PORT, fixes, port, standard.name(), chosen).finding().evidence(providerEvidence());
    } else {
      add(FindingCode.SECURITY_NOT_PROVIDERS, fixes, providerName(), compared + ":" + port, expected.name(), chosen)
          .finding().evidence(providerEvidence());
    }
  }

  private void checkEncryptionAndPort25() {
    if (read == Security.NONE && !securityConflict) {
      if (typed.loginRequired()) {
        add(FindingCode.PASSWORD_UNENCRYPTED, EnumSet.of(SettingsField.SECURITY, SettingsField.PORT));
      } else {
        add(FindingCode.UNENCRYPTED);
      }
    }
    if (protocol == Protocol.SMTP && port == Protocol.SMTP_RELAY_PORT && typed.loginRequired()) {
      add(FindingCode.PORT_25_SUBMISSION, EnumSet.of(SettingsField.PORT, SettingsField.SECURITY));
    }
  }

  private void checkAgainstProvider() {
    String typedHost = host;
    String compared = comparedHost();
    EmailAddress email = address;
    if (known.isEmpty() || typedHost == null || compared == null || email == null) {
      return;
    }
    List<String> hosts = new ArrayList<>(new LinkedHashSet<>(known.stream().map(c -> c.settings().host()).toList()));
    if (!hosts.contains(compared)) {
      if (hostTemplated()) {
        add(FindingCode.HOST_NOT_HOSTERS_RULE, EnumSet.of(SettingsField.HOST), providerName(), email.domain(), hosts.get(0), typedHost)
            .finding().evidence(providerEvidence());
      } else {
        add(FindingCode.HOST_NOT_PROVIDERS, EnumSet.of(SettingsField.HOST), providerName(), typedHost, String.join(", ", hosts))
            .finding().evidence(providerEvidence());
      }
    } else if (port != 0 && !portOfOtherProtocol
        && known.stream().noneMatch(c -> c.settings().host().equals(compared) && c.settings().port() == port)) {
      List<String> ports = new ArrayList<>();
      for (Candidate candidate : known) {
        String p = String.valueOf(candidate.settings().port());
        if (candidate.settings().host().equals(compared) && !ports.contains(p)) {
          ports.add(p);
        }
      }
      add(FindingCode.PORT_NOT_PROVIDERS, EnumSet.of(SettingsField.PORT, SettingsField.SECURITY), providerName(), typedHost, port, String.join(", ", ports))
          .finding().evidence(providerEvidence());
    }
    if (serverNameDomain != null && read != null && read.isEncrypted() && !serverNameTyped && hosts.contains(typedHost)) {
      String name = serverName != null ? serverName : "<server>." + serverNameDomain;
      Pending p = add(FindingCode.CERTIFICATE_NAMES_SERVER, serverName != null ? EnumSet.of(SettingsField.HOST) : Set.of(),
          providerName(), typedHost, name);
      p.finding().evidence(providerEvidence()).fixNeedsConfirmation(!typed.mxHostsAuthenticated());
    }
  }

  private static boolean passwordMethod(AuthMethod method) {
    return method.kind() == AuthMethod.Kind.PASSWORD_CLEARTEXT || method.kind() == AuthMethod.Kind.PASSWORD_ENCRYPTED;
  }

  private void checkLogin() {
    Candidate c = closest();
    if (c == null) {
      return;
    }
    List<AuthMethod> methods = c.settings().authMethods();
    if (methods.isEmpty()) {
      return;
    }
    if (!typed.loginRequired()) {
      if (!methods.stream().anyMatch(m -> m.equals(AuthMethod.NONE) || m.equals(AuthMethod.CLIENT_IP_ADDRESS))) {
        add(FindingCode.LOGIN_REQUIRED, EnumSet.of(SettingsField.AUTHENTICATION, SettingsField.USERNAME), providerName())
            .finding().evidence(providerEvidence());
      }
      return;
    }
    if (typed.authMethod().equals(AuthMethod.OAUTH2)) {
      if (!methods.contains(AuthMethod.OAUTH2)) {
        add(FindingCode.OAUTH2_NOT_OFFERED, EnumSet.of(SettingsField.AUTHENTICATION), providerName()).finding().evidence(providerEvidence());
      }
      return;
    }
    if (methods.get(0).equals(AuthMethod.OAUTH2)) {
      boolean password = methods.stream().anyMatch(OfflineCheck::passwordMethod);
      add(password ? FindingCode.OAUTH2_OR_APP_PASSWORD : FindingCode.OAUTH2_REQUIRED, EnumSet.of(SettingsField.AUTHENTICATION), providerName())
          .finding().evidence(providerEvidence());
    }
  }

  /** How the provider's rule forms the user name. */
  private enum UsernameForm {
    FULL_ADDRESS,
    MAILBOX_NAME,
    OTHER,
    UNKNOWN
  }

  private UsernameForm usernameForm(@Nullable Candidate c, EmailAddress email) {
    if (c == null || !c.usernameAlternatives().isEmpty() || c.settings().username().isEmpty()) {
      return UsernameForm.UNKNOWN;
    }
    String expected = c.settings().username();
    if (expected.equalsIgnoreCase(email.asciiAddress()) || expected.equalsIgnoreCase(email.address())) {
      return UsernameForm.FULL_ADDRESS;
    }
    return expected.equals(email.localPart()) ? UsernameForm.MAILBOX_NAME : UsernameForm.OTHER;
  }

  private void checkUsername() {
    EmailAddress email = address;
    if (!typed.loginRequired() || !usernameReadable || email == null) {
      return;
    }
    Candidate c = closest();
    UsernameForm form = usernameForm(c, email);
    String username = typed.username().strip();
    Set<SettingsField> fixes = EnumSet.of(SettingsField.USERNAME);
    if (username.isEmpty()) {
      add(FindingCode.USERNAME_MISSING, fixes, correctedUsername(email)).finding().evidence(providerEvidence());
    } else if (form == UsernameForm.FULL_ADDRESS && username.indexOf('@') < 0) {
      add(FindingCode.USERNAME_NOT_FULL_ADDRESS, fixes, username, correctedUsername(email)).finding().evidence(providerEvidence());
    } else if (form == UsernameForm.MAILBOX_NAME && username.indexOf('@') >= 0) {
      add(FindingCode.USERNAME_NOT_MAILBOX_NAME, fixes, username, correctedUsername(email)).finding().evidence(providerEvidence());
    } else if (form == UsernameForm.OTHER && c != null && !username.equalsIgnoreCase(c.settings().username())) {
      add(FindingCode.USERNAME_DIFFERS, fixes, providerName(), username, c.settings().username()).finding().evidence(providerEvidence());
    }
  }

  /** The user name to use: the typed one in the provider's form, else the rule's, else the address. */
  private String correctedUsername(EmailAddress email) {
    Candidate c = closest();
    UsernameForm form = usernameForm(c, email);
    String username = usernameReadable ? typed.username().strip() : "";
    String expected = c != null && form != UsernameForm.UNKNOWN ? c.settings().username() : email.asciiAddress();
    if (username.isEmpty()) {
      return expected;
    }
    return switch (form) {
      case FULL_ADDRESS -> username.indexOf('@') < 0 ? username + expected.substring(expected.lastIndexOf('@')) : username;
      case MAILBOX_NAME -> username.indexOf('@') >= 0 ? username.substring(0, username.lastIndexOf('@')) : username;
      case OTHER -> username.equalsIgnoreCase(expected) ? username : expected;
      case UNKNOWN -> username;
    };
  }

  private void checkImapPathPrefix() {
    Candidate c = closest();
    if (protocol != Protocol.IMAP || !prefixReadable || c == null || c.settings().imapPathPrefix().isEmpty()) {
      return;
    }
    String expected = c.settings().imapPathPrefix().get();
    String prefix = typed.imapPathPrefix().orElse("").strip();
    Set<SettingsField> fixes = EnumSet.of(SettingsField.IMAP_PATH_PREFIX);
    if (expected.isEmpty() && !prefix.isEmpty()) {
      add(FindingCode.IMAP_PATH_PREFIX_MUST_BE_EMPTY, fixes, providerName(), prefix).finding().evidence(providerEvidence());
    } else if (!expected.isEmpty() && !prefix.equals(expected)) {
      add(FindingCode.IMAP_PATH_PREFIX_DIFFERS, fixes, providerName(), prefix, expected).finding().evidence(providerEvidence());
    }
  }

  // ---- Settings -----------------------------------------------------------------------------

  /** Whether the corrected settings log in: the form says so, or the provider requires it. */
  private boolean loginAfterFix() {
    if (typed.loginRequired()) {
      return true;
    }
    Candidate c = closest();
    return c != null && !c.settings().authMethods().isEmpty()
        && c.settings().authMethods().stream().noneMatch(m -> m.equals(AuthMethod.NONE) || m.equals(AuthMethod.CLIENT_IP_ADDRESS));
  }

  /**
   * The provider's server closest to the form: the same host and port first, then the same host,
   * the same port, the same kind of security; never plaintext when a login is needed and the
   * provider has an encrypted server, nor SMTP port 25 when it has another.
   */
  private @Nullable Candidate closest() {
    if (closest != null || known.isEmpty()) {
      return closest;
    }
    boolean login = typed.loginRequired();
    List<Candidate> pool = new ArrayList<>();
    for (Candidate candidate : known) {
      if (!login || candidate.settings().security().isEncrypted()) {
        pool.add(candidate);
      }
    }
    if (pool.isEmpty()) {
      pool.addAll(known);
    }
    boolean other25 = pool.stream().anyMatch(c -> c.settings().port() != Protocol.SMTP_RELAY_PORT);
    String compared = comparedHost();
    Candidate best = pool.get(0);
    int bestScore = Integer.MIN_VALUE;
    for (Candidate candidate : pool) {
      ServerSettings s = candidate.settings();
      int score = 0;
      if (s.host().equals(compared)) {
        score += 8;
      }
      if (s.port() == port && !portOfOtherProtocol) {
        score += 4;
      }
      if (meant != null && implicit(s.security()) == implicit(meant)) {
        score += 1;
      }
      if (protocol == Protocol.SMTP && login && s.port() == Protocol.SMTP_RELAY_PORT && other25) {
        score -= 16;
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    closest = best;
    return best;
  }

  /** The form as the library reads it, when host, port and security can be read. */
  private Optional<ServerSettings> asRead() {
    Security security = read;
    if (host == null || port == 0 || security == null || !usernameReadable || !prefixReadable) {
      return Optional.empty();
    }
    return build(host, port, security, typed.loginRequired() ? typed.username().strip() : "",
        protocol == Protocol.IMAP ? typed.imapPathPrefix().map(String::strip).orElse(null) : null,
        typedMethods());
  }

  private List<AuthMethod> typedMethods() {
    return typed.loginRequired() ? List.of(typed.authMethod()) : List.of(AuthMethod.NONE);
  }

  /** The form with what cannot be read taken from the corrected settings. */
  private Optional<ServerSettings> patched(Optional<ServerSettings> corrected) {
    if (corrected.isEmpty()) {
      return Optional.empty();
    }
    ServerSettings c = corrected.get();
    String prefix = protocol == Protocol.IMAP && prefixReadable ? typed.imapPathPrefix().map(String::strip).orElse(null) : c.imapPathPrefix().orElse(null);
    return build(
        host != null ? host : c.host(),
        port != 0 ? port : c.port(),
        read != null ? read : c.security(),
        usernameReadable ? (typed.loginRequired() ? typed.username().strip() : "") : c.username(),
        prefix,
        typedMethods());
  }

  private Optional<ServerSettings> corrected() {
    EmailAddress email = address;
    Candidate c = closest();
    boolean login = loginAfterFix();
    if (c != null && email != null) {
      ServerSettings s = c.settings();
      String correctedHost = s.host();
      if (serverNameDomain != null && s.security().isEncrypted()) {
        String typedHost = host;
        if (serverNameTyped && typedHost != null) {
          correctedHost = typedHost;
        } else if (serverName != null) {
          correctedHost = serverName;
        }
      }
      List<AuthMethod> methods = s.authMethods();
      if (methods.isEmpty()) {
        methods = login ? List.of(typed.authMethod()) : List.of(AuthMethod.NONE);
      } else if (login && typed.authMethod().equals(AuthMethod.OAUTH2) && methods.contains(AuthMethod.OAUTH2)) {
        List<AuthMethod> oauthFirst = new ArrayList<>(List.of(AuthMethod.OAUTH2));
        methods.stream().filter(m -> !m.equals(AuthMethod.OAUTH2)).forEach(oauthFirst::add);
        methods = oauthFirst;
      }
      String prefix = null;
      if (protocol == Protocol.IMAP) {
        prefix = s.imapPathPrefix().isPresent() ? s.imapPathPrefix().get() : typedPrefixOrEmpty();
      }
      return build(correctedHost, s.port(), s.security(), login ? correctedUsername(email) : "", prefix, methods, s);
    }
    if (host == null) {
      return Optional.empty();
    }
    Security security = meant;
    int p = port != 0 && !portOfOtherProtocol ? port : 0;
    if (p == 0) {
      Security base = security == null || (security == Security.NONE && login) ? Security.IMPLICIT_TLS : security;
      p = protocol.defaultPort(base);
      security = base;
    }
    Security standard = portStandard(p);
    if (security == null) {
      security = standard != null ? standard : Security.IMPLICIT_TLS;
    }
    if (standard != null && implicit(security) != implicit(standard)) {
      security = standard;
    }
    if (security == Security.NONE && login) {
      security = Security.STARTTLS;
    }
    if (protocol == Protocol.SMTP && p == Protocol.SMTP_RELAY_PORT && login) {
      p = protocol.startTlsPort();
      security = Security.STARTTLS;
    }
    String username = "";
    if (login) {
      String typedName = usernameReadable ? typed.username().strip() : "";
      username = !typedName.isEmpty() ? typedName : email != null ? email.asciiAddress() : "";
    }
    String prefix = protocol == Protocol.IMAP ? typedPrefixOrEmpty() : null;
    return build(host, p, security, username, prefix, login ? List.of(typed.authMethod()) : List.of(AuthMethod.NONE));
  }

  /** The typed IMAP path prefix when it can be read; empty (cleared) when it cannot; null when there is none. */
  private @Nullable String typedPrefixOrEmpty() {
    if (typed.imapPathPrefix().isEmpty()) {
      return null;
    }
    return prefixReadable ? typed.imapPathPrefix().get().strip() : "";
  }

  private Optional<ServerSettings> build(
      String host, int port, Security security, String username, @Nullable String prefix, List<AuthMethod> methods) {
    return build(host, port, security, username, prefix, methods, null);
  }

  private Optional<ServerSettings> build(
      String host,
      int port,
      Security security,
      String username,
      @Nullable String prefix,
      List<AuthMethod> methods,
      @Nullable ServerSettings from) {
    try {
      ServerSettings.Builder builder = ServerSettings.builder();
      if (from != null) {
        builder.from(from);
      }
      builder.protocol(protocol).host(host).port(port).security(security).username(username).authMethods(methods);
      builder.imapPathPrefix(Optional.ofNullable(prefix));
      return Optional.of(builder.build());
    } catch (InvalidSettingsException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code fix} changes at least one of the fields its finding concerns from what the form
   * holds ({@code base}: the form as read, with what cannot be read taken from the corrected
   * settings). A fix that leaves them all as they are is no fix, whichever the finding: the
   * corrected settings may have gone another way (to an unencrypted port, where no certificate
   * name matters, for a finding about the host) and applying it would leave the finding. A field
   * that cannot be read always changes. The security changes when the fix's differs from what the
   * form reads or from what its label says without the port ("SSL" on 587 reads as STARTTLS, yet
   * the form must still change to say so).
   */
  private boolean changesAField(ServerSettings fix, ServerSettings base, Set<SettingsField> fields) {
    for (SettingsField field : fields) {
      boolean changes = switch (field) {
        case HOST -> host == null || !fix.host().equals(base.host());
        case PORT -> port == 0 || fix.port() != base.port();
        case SECURITY -> read == null || fix.security() != read || fix.security() != meant;
        case USERNAME -> !usernameReadable || !fix.username().equals(base.username());
        // How the user logs in, and the user name a login needs (fix() fills it in with the login).
        case AUTHENTICATION -> !fix.authMethods().equals(base.authMethods()) || !fix.username().equals(base.username());
        case IMAP_PATH_PREFIX -> !prefixReadable || !fix.imapPathPrefix().equals(base.imapPathPrefix());
        case ADDRESS, PASSWORD -> false; // not part of the server settings: no fix changes them
      };
      if (changes) {
        return true;
      }
    }
    return false;
  }

  /** The form's settings with the fields a finding concerns taken from the corrected settings. */
  private static ServerSettings fix(ServerSettings base, ServerSettings corrected, Set<SettingsField> fields) {
    ServerSettings.Builder fix = ServerSettings.builder().from(base);
    if (fields.contains(SettingsField.HOST)) {
      fix.host(corrected.host());
    }
    if (fields.contains(SettingsField.PORT)) {
      fix.port(corrected.port());
    }
    if (fields.contains(SettingsField.SECURITY)) {
      fix.security(corrected.security());
    }
    if (fields.contains(SettingsField.PORT) || fields.contains(SettingsField.SECURITY)) {
      // The provider's rules for the server (TLS versions, message size) come with it.
      fix.tlsVersions(corrected.tlsVersions());
      fix.maxMessageSize(corrected.maxMessageSize());
    }
    if (fields.contains(SettingsField.USERNAME)) {
      fix.username(corrected.username());
    }
    if (fields.contains(SettingsField.AUTHENTICATION)) {
      fix.authMethods(corrected.authMethods());
      if (base.username().isEmpty()) {
        fix.username(corrected.username());
      }
    }
    if (fields.contains(SettingsField.IMAP_PATH_PREFIX)) {
      fix.imapPathPrefix(corrected.imapPathPrefix());
    }
    return fix.build();
  }
}
