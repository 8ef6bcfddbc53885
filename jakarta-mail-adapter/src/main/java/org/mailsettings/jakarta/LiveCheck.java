package org.mailsettings.jakarta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.check.CheckResult;
import org.mailsettings.check.Evidence;
import org.mailsettings.check.Finding;
import org.mailsettings.check.FindingCode;
import org.mailsettings.check.TypedSettings;
import org.mailsettings.jakarta.internal.LoginReplies;
import org.mailsettings.probe.ProbeOptions;
import org.mailsettings.probe.ProbeResult;
import org.mailsettings.probe.ProbeStatus;
import org.mailsettings.probe.Prober;

/**
 * The settings check with the server itself, opt-in: what probing the typed settings without
 * credentials shows (not reachable, refused or timed out; STARTTLS not offered; TLS spoken to a
 * plaintext port and the other way round; a certificate that does not name the host, with the
 * name it does carry; the login mechanism not offered) and, with credentials, what the login
 * says, in the user's terms: a wrong password, a login the server refused for another reason,
 * or a provider that wants OAuth 2.0.
 *
 * <p>It adds these findings to the offline check's {@link CheckResult}; see {@link FindingCode}
 * for the codes. The settings the user typed are the user's own choice ({@link
 * Source#USER_INPUT}): they are probed and logged in to as typed, loopback and private addresses
 * included, over TLS with the host name checked, and a password never goes over an unencrypted
 * connection unless the connector's options allow plaintext. Fixes it proposes (a certificate's
 * name, another port) are probed, never logged in to.
 *
 * <pre>{@code
 * LiveCheck live = LiveCheck.create(client, connector);
 * CheckResult result = live.logIn(client.settingsCheck().check(form), Credentials.password(secret));
 * }</pre>
 *
 * <p>Thread-safe; it runs on the calling thread, each probe bounded by the probe options'
 * timeouts and the login by the connector's.
 */
public final class LiveCheck {
  private static final List<String> PASSWORD_MECHANISMS =
      List.of("PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "NTLM");
  private static final List<String> OAUTH2_MECHANISMS = List.of("XOAUTH2", "OAUTHBEARER");

  private final MailSettingsResolver client;
  private final MailConnector connector;
  private final Prober prober;

  private LiveCheck(MailSettingsResolver client, MailConnector connector, Prober prober) {
    this.client = client;
    this.connector = connector;
    this.prober = prober;
  }

  /**
   * A live check with the client's prober (default probe options) and the connector's logins.
   *
   * @param client the client whose settings check and prober the check uses
   * @param connector the connector whose logins the check uses
   * @return the live check
   */
  public static LiveCheck create(MailSettingsResolver client, MailConnector connector) {
    return create(client, connector, ProbeOptions.defaults());
  }

  /**
   * A live check with the client's prober (its threads and TLS context) and the connector's
   * logins.
   *
   * @param client the client whose settings check and prober the check uses
   * @param connector the connector whose logins the check uses
   * @param options how the prober connects
   * @return the live check
   */
  public static LiveCheck create(MailSettingsResolver client, MailConnector connector, ProbeOptions options) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(connector, "connector");
    return new LiveCheck(client, connector, client.prober(Objects.requireNonNull(options, "options")));
  }

  /**
   * Checks the form offline with the client's settings check, then probes it.
   *
   * @param typed the settings as the user typed them
   * @return the offline findings with what the probe showed
   */
  public CheckResult probe(TypedSettings typed) {
    return probe(client.settingsCheck().check(typed));
  }

  /**
   * Probes the settings of an offline result without credentials and adds what the probe showed.
   * Settings that cannot be read are not probed ({@link FindingCode#LIVE_CHECK_SKIPPED}).
   *
   * @param offline the offline check of the form
   * @return {@code offline} with what the probe showed
   */
  public CheckResult probe(CheckResult offline) {
    return run(offline, null);
  }

  /**
   * Checks the form offline with the client's settings check, then probes it and logs in.
   *
   * @param typed the settings as the user typed them
   * @param credentials the user's credentials
   * @return the offline findings with what the probe and the login showed
   */
  public CheckResult logIn(TypedSettings typed, Credentials credentials) {
    return logIn(client.settingsCheck().check(typed), credentials);
  }

  /**
   * Probes the settings of an offline result, then, when the probe found nothing wrong and the
   * settings log in, logs in with {@code credentials} and adds what the server said.
   *
   * @param offline the offline check of the form
   * @param credentials the user's credentials
   * @return {@code offline} with what the probe and the login showed
   */
  public CheckResult logIn(CheckResult offline, Credentials credentials) {
    return run(offline, Objects.requireNonNull(credentials, "credentials"));
  }

  private CheckResult run(CheckResult offline, @Nullable Credentials credentials) {
    Optional<ServerSettings> typed = offline.settings();
    if (typed.isEmpty()) {
      return CheckResult.builder().from(offline).addFindings(Finding.of(FindingCode.LIVE_CHECK_SKIPPED)).build();
    }
    ServerSettings settings = typed.get();
    Candidate candidate = userInput(settings);
    ProbeResult probe = prober.probe(candidate);
    List<Finding> live = new ArrayList<>(probeFindings(offline, settings, probe));
    boolean probeFailed = live.stream().anyMatch(f -> f.severity().isError());
    if (credentials != null && !probeFailed && logsIn(settings)) {
      live.add(login(offline, candidate, probe, credentials));
    }
    CheckResult.Builder result = CheckResult.builder().from(offline).addAllFindings(live);
    for (Finding finding : live) {
      if (finding.severity().isError() && finding.fix().isPresent()) {
        result.corrected(withEndpoint(offline.corrected().orElse(settings), finding.fix().get()));
        break;
      }
    }
    return result.build();
  }

  private static Candidate userInput(ServerSettings settings) {
    return Candidate.of(settings, Source.USER_INPUT, Trust.TRUSTED, Note.of(NoteCode.FROM_USER_INPUT));
  }

  private static boolean logsIn(ServerSettings settings) {
    return settings.authMethods().isEmpty()
        || !settings.authMethods().stream().allMatch(m -> m.equals(AuthMethod.NONE) || m.equals(AuthMethod.CLIENT_IP_ADDRESS));
  }

  private static boolean oauth2(ServerSettings settings) {
    return settings.preferredAuthMethod().filter(AuthMethod.OAUTH2::equals).isPresent();
  }

  /** The corrected settings with the host, port and security of a live fix. */
  private static ServerSettings withEndpoint(ServerSettings corrected, ServerSettings fix) {
    return ServerSettings.builder().from(corrected).host(fix.host()).port(fix.port()).security(fix.security()).build();
  }

  private List<Finding> probeFindings(CheckResult offline, ServerSettings settings, ProbeResult probe) {
    String host = settings.host();
    String where = settings.address();
    Evidence evidence = Evidence.builder().probe(probe).build();
    List<Finding> findings = new ArrayList<>();
    ProbeStatus status = probe.status();
    switch (status) {
      case REACHABLE -> {
        if (!probe.certificateMatches().orElse(true)) {
          Finding.Builder mismatch = Finding.builder()
              .code(FindingCode.CERTIFICATE_NAME_MISMATCH)
              .arguments(List.of(host, String.join(", ", probe.certificateNames())))
              .evidence(Evidence.builder().from(evidence).certificateNames(probe.certificateNames()).build());
          probe.proposal().ifPresent(p -> mismatch.fix(p.settings()).fixNeedsConfirmation(true));
          findings.add(mismatch.build());
        } else {
          findings.add(Finding.builder().code(FindingCode.SERVER_ANSWERS).arguments(List.of(where, settings.protocol().name()))
              .evidence(evidence).build());
        }
        mechanismNotOffered(settings, probe).ifPresent(findings::add);
      }
      case STARTTLS_NOT_OFFERED -> {
        Finding.Builder finding = Finding.builder().code(FindingCode.STARTTLS_NOT_OFFERED).arguments(List.of(where)).evidence(evidence);
        ServerSettings implicit = offline.corrected().filter(c -> c.security() == Security.IMPLICIT_TLS && c.host().equals(host))
            .orElseGet(() -> ServerSettings.builder().from(settings).port(settings.protocol().implicitTlsPort()).security(Security.IMPLICIT_TLS).build());
        answering(implicit).ifPresent(finding::fix);
        findings.add(finding.build());
      }
      case PROTOCOL_MISMATCH -> findings.add(mismatch(settings, probe, evidence));
      case TLS_FAILED -> findings.add(Finding.builder().code(FindingCode.TLS_FAILED).arguments(List.of(host))
          .evidence(Evidence.builder().from(evidence).detail(details(probe)).build()).build());
      case REFUSED -> findings.add(Finding.builder().code(FindingCode.CONNECTION_REFUSED)
          .arguments(List.of(host, String.valueOf(settings.port()))).evidence(evidence).build());
      case TIMEOUT -> findings.add(Finding.builder().code(FindingCode.CONNECTION_TIMED_OUT)
          .arguments(List.of(host, String.valueOf(settings.port()))).evidence(evidence).build());
      case UNREACHABLE -> findings.add(probe.details().stream().anyMatch(n -> n.code() == NoteCode.DOES_NOT_RESOLVE)
          ? Finding.builder().code(FindingCode.HOST_NOT_FOUND).arguments(List.of(host)).evidence(evidence).build()
          : Finding.builder().code(FindingCode.SERVER_UNREACHABLE).arguments(List.of(where)).evidence(evidence).build());
      case PROBE_FAILED -> findings.add(Finding.builder().code(FindingCode.PROBE_FAILED).arguments(List.of(details(probe)))
          .evidence(evidence).build());
    }
    return findings;
  }

  private Finding mismatch(ServerSettings settings, ProbeResult probe, Evidence evidence) {
    String where = settings.address();
    String port = String.valueOf(settings.port());
    for (Note detail : probe.details()) {
      if (detail.code() == NoteCode.TLS_ON_PLAINTEXT_PORT) {
        // The prober saw TLS answer on this very port: the fix needs no second look.
        return Finding.builder().code(FindingCode.TLS_EXPECTED).arguments(List.of(port)).evidence(evidence)
            .fix(ServerSettings.builder().from(settings).security(Security.IMPLICIT_TLS).build()).build();
      }
      if (detail.code() == NoteCode.PLAINTEXT_ON_TLS_PORT) {
        Finding.Builder finding = Finding.builder().code(FindingCode.TLS_NOT_SPOKEN).arguments(List.of(port)).evidence(evidence);
        answering(ServerSettings.builder().from(settings).security(Security.STARTTLS).build()).ifPresent(finding::fix);
        return finding.build();
      }
      if (detail.code() == NoteCode.SPEAKS_OTHER_PROTOCOL && !detail.arguments().isEmpty()) {
        return Finding.builder().code(FindingCode.OTHER_PROTOCOL_ANSWERS)
            .arguments(List.of(where, detail.arguments().get(0), settings.protocol().name())).evidence(evidence).build();
      }
    }
    return Finding.builder().code(FindingCode.NOT_A_MAIL_SERVER).arguments(List.of(where)).evidence(evidence).build();
  }

  /** The settings, when a probe shows they answer with a certificate that fits: a fix worth proposing. */
  private Optional<ServerSettings> answering(ServerSettings settings) {
    ProbeResult result = prober.probe(userInput(settings));
    return result.usable() ? Optional.of(settings) : Optional.empty();
  }

  /** The login mechanism the settings need and the server does not offer, when the probe saw its list. */
  private static Optional<Finding> mechanismNotOffered(ServerSettings settings, ProbeResult probe) {
    if (!logsIn(settings)) {
      return Optional.empty();
    }
    List<String> offered = probe.mechanismsAfterTls().isEmpty() ? probe.mechanismsBeforeTls() : probe.mechanismsAfterTls();
    if (offered.isEmpty()) {
      return Optional.empty(); // no list: IMAP LOGIN and POP3 USER need none, and some SMTP relays take no login
    }
    List<String> wanted;
    if (oauth2(settings)) {
      wanted = OAUTH2_MECHANISMS;
    } else if (settings.protocol() == Protocol.SMTP) {
      wanted = PASSWORD_MECHANISMS;
    } else {
      return Optional.empty(); // IMAP LOGIN and POP3 USER/PASS take a password whatever SASL lists
    }
    for (String mechanism : offered) {
      if (wanted.contains(mechanism.toUpperCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    return Optional.of(Finding.builder()
        .code(FindingCode.AUTH_MECHANISM_NOT_OFFERED)
        .arguments(List.of(settings.host(), String.join(" ", wanted.subList(0, 2)), String.join(" ", offered)))
        .evidence(Evidence.builder().probe(probe).build())
        .build());
  }

  private Finding login(CheckResult offline, Candidate candidate, ProbeResult probe, Credentials credentials) {
    ServerSettings settings = candidate.settings();
    String host = settings.host();
    Optional<EmailAddress> address = offline.address();
    if (address.isEmpty()) {
      return Finding.of(FindingCode.LOGIN_NOT_TRIED);
    }
    List<VerificationOutcome> outcomes = connector.verify(List.of(candidate), address.get(), credentials).outcomes();
    if (outcomes.isEmpty()) {
      return Finding.of(FindingCode.LOGIN_NOT_TRIED); // unencrypted, and plaintext is not allowed
    }
    VerificationOutcome outcome = outcomes.get(0);
    String username = outcome.username().orElse(credentials.username().orElse(settings.username()));
    Evidence evidence = Evidence.builder().probe(probe).serverReply(outcome.message()).certificateNames(outcome.certificateNames()).build();
    Finding.Builder finding = Finding.builder().evidence(evidence);
    switch (outcome.status()) {
      case OK -> finding.code(FindingCode.LOGIN_OK).arguments(List.of(username));
      case AUTH_FAILED -> {
        LoginReplies.Reason reason = LoginReplies.classify(settings.protocol(), outcome.message());
        boolean providerWantsOAuth =
            credentials.kind() == Credentials.Kind.PASSWORD
                && (offline.has(FindingCode.OAUTH2_REQUIRED) || offline.has(FindingCode.OAUTH2_OR_APP_PASSWORD));
        if (reason == LoginReplies.Reason.OAUTH2 || (reason == LoginReplies.Reason.CREDENTIALS && providerWantsOAuth)) {
          finding.code(FindingCode.LOGIN_NEEDS_OAUTH2).arguments(List.of(host));
        } else if (reason == LoginReplies.Reason.REFUSED) {
          finding.code(FindingCode.LOGIN_REFUSED).arguments(List.of(host, outcome.message()));
        } else {
          finding.code(FindingCode.LOGIN_FAILED).arguments(List.of(username));
        }
      }
      case AUTH_METHOD_UNSUPPORTED -> {
        List<String> offered = probe.mechanismsAfterTls().isEmpty() ? probe.mechanismsBeforeTls() : probe.mechanismsAfterTls();
        finding.code(FindingCode.AUTH_MECHANISM_NOT_OFFERED).arguments(List.of(host,
            oauth2(settings) || credentials.kind() == Credentials.Kind.OAUTH2 ? "XOAUTH2 OAUTHBEARER" : "PLAIN LOGIN",
            offered.isEmpty() ? "-" : String.join(" ", offered)));
      }
      case SIGN_IN_REQUIRED -> finding.code(FindingCode.SIGN_IN_REQUIRED).arguments(List.of());
      case STARTTLS_NOT_OFFERED -> finding.code(FindingCode.STARTTLS_NOT_OFFERED).arguments(List.of(settings.address()));
      case TLS_FAILED -> {
        if (outcome.certificateNames().isEmpty()) {
          finding.code(FindingCode.TLS_FAILED).arguments(List.of(host));
        } else {
          finding.code(FindingCode.CERTIFICATE_NAME_MISMATCH).arguments(List.of(host, String.join(", ", outcome.certificateNames())));
        }
      }
      case CONNECT_FAILED -> finding.code(FindingCode.CONNECTION_REFUSED).arguments(List.of(host, String.valueOf(settings.port())));
      case TIMEOUT -> finding.code(FindingCode.CONNECTION_TIMED_OUT).arguments(List.of(host, String.valueOf(settings.port())));
      case PROTOCOL_ERROR, CANCELLED, NOT_CONFIRMED ->
          finding.code(FindingCode.LOGIN_ERROR).arguments(List.of(host, outcome.message().isEmpty() ? outcome.status().name() : outcome.message()));
    }
    return finding.build();
  }

  private static String details(ProbeResult probe) {
    StringBuilder text = new StringBuilder();
    for (Note note : probe.details()) {
      text.append(text.length() == 0 ? "" : "; ").append(note);
    }
    return text.length() == 0 ? probe.status().name() : text.toString();
  }
}
