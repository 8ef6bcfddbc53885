package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.check.CheckResult;
import org.mailsettings.check.Finding;
import org.mailsettings.check.FindingCode;
import org.mailsettings.check.Severity;
import org.mailsettings.check.SettingsField;
import org.mailsettings.check.TypedSettings;
import org.mailsettings.jakarta.testing.Dovecot;
import org.mailsettings.probe.ProbeOptions;
import org.mailsettings.testing.ScriptedServer;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Each live finding against real servers on 127.0.0.1: GreenMail (every protocol, plain and
 * implicit TLS), SubEthaSMTP with STARTTLS (and an authentication handler that answers as real
 * servers do: a wrong password, a disabled account, basic authentication switched off) and
 * without, scripted TLS servers whose certificate names another host or signs itself, and a real
 * Dovecot. The settings are typed as a user would, with the address of an unknown domain.
 */
class LiveCheckTest {
  private static final String ADDRESS = "Jan Novák <" + GreenMailServers.JAN + ">";
  private static final String SMTP_PASSWORD = "smtp-secret";
  private static final String LOCKED = "locked@example.cz";
  private static final String BASIC_OFF = "basic-off@example.cz";
  private static final List<String> AUTH_LINES = new CopyOnWriteArrayList<>();

  private static GreenMailServers greenMail;
  private static SMTPServer startTls;
  private static SMTPServer withoutTls;
  private static MailSettingsResolver client;
  private static MailConnector connector;
  private static LiveCheck live;

  @BeforeAll
  static void start() throws Exception {
    greenMail = new GreenMailServers();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    startTls = SMTPServer.port(0).bindAddress(loopback).hostName("localhost").enableTLS().requireTLS()
        .startTlsSocketFactory(TestTls.serverContext("localhost"))
        .authenticationHandlerFactory(new RealisticPlain())
        .build();
    startTls.start();
    withoutTls = SMTPServer.port(0).bindAddress(loopback).hostName("localhost")
        .authenticationHandlerFactory(new RealisticPlain())
        .build();
    withoutTls.start();
    client = MailSettingsResolver.builder().sslContext(org.mailsettings.testing.TestTls.client()).build();
    connector = MailConnector.create(client, TestTls.clientOptions().build());
    live = LiveCheck.create(client, connector,
        ProbeOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(1500)).build());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable resource : new AutoCloseable[] {greenMail, connector, client}) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    for (SMTPServer server : new SMTPServer[] {startTls, withoutTls}) {
      if (server != null) {
        server.stop();
      }
    }
  }

  /**
   * SASL PLAIN as real servers refuse it: a wrong password with 535 5.7.8, a disabled account
   * with 535 5.7.13, and basic authentication switched off (Microsoft's 535 5.7.139).
   */
  private static final class RealisticPlain implements AuthenticationHandlerFactory {
    @Override
    public List<String> getAuthenticationMechanisms() {
      return List.of("PLAIN");
    }

    @Override
    public AuthenticationHandler create() {
      return new AuthenticationHandler() {
        private Object identity = "";

        @Override
        public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
          AUTH_LINES.add(clientInput);
          String response = clientInput;
          if (clientInput.toUpperCase(Locale.ROOT).startsWith("AUTH")) {
            String[] parts = clientInput.trim().split(" ");
            if (parts.length < 3) {
              return Optional.of("334 ");
            }
            response = parts[2];
          }
          String[] fields = new String(Base64.getDecoder().decode(response.trim()), StandardCharsets.UTF_8).split("\0", -1);
          String user = fields.length > 1 ? fields[1] : "";
          String password = fields.length > 2 ? fields[2] : "";
          if (user.equals(LOCKED)) {
            throw new RejectException(535, "5.7.13 User account disabled");
          }
          if (user.equals(BASIC_OFF)) {
            throw new RejectException(535, "5.7.139 Authentication unsuccessful, basic authentication is disabled.");
          }
          if (!password.equals(SMTP_PASSWORD)) {
            throw new RejectException(535, "5.7.8 Authentication credentials invalid");
          }
          identity = user;
          return Optional.empty();
        }

        @Override
        public Object getIdentity() {
          return identity;
        }
      };
    }
  }

  private static TypedSettings.Builder form(Protocol protocol, int port, Security security) {
    return TypedSettings.builder().address(ADDRESS).protocol(protocol).host("localhost").port(port).security(security)
        .username(GreenMailServers.JAN);
  }

  private static Finding only(CheckResult result, FindingCode code) {
    List<Finding> found = result.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(found).as(result.toString()).hasSize(1);
    return found.get(0);
  }

  private static List<FindingCode> errors(CheckResult result) {
    return result.findings(Severity.ERROR).stream().map(Finding::code).toList();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String imapScript(String line) {
    String tag = line.split(" ")[0];
    return line.toUpperCase(Locale.ROOT).contains("CAPABILITY") ? "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK" : tag + " OK";
  }

  // ---- What works ----

  @Test
  void greenMailAnswersAndTheLoginWorksOnEveryProtocol() {
    for (Protocol protocol : Protocol.values()) {
      CheckResult result = live.logIn(form(protocol, greenMail.port(protocol, Security.IMPLICIT_TLS), Security.IMPLICIT_TLS).build(),
          Credentials.password(GreenMailServers.JAN_PASSWORD));
      assertThat(errors(result)).as(result.toString()).isEmpty();
      assertThat(only(result, FindingCode.SERVER_ANSWERS).arguments()).containsExactly("localhost:" + greenMail.port(protocol, Security.IMPLICIT_TLS), protocol.name());
      assertThat(only(result, FindingCode.LOGIN_OK).arguments()).containsExactly(GreenMailServers.JAN);
    }
  }

  // ---- The login in the user's terms ----

  @Test
  void aWrongPasswordAndARefusedLoginAreToldApart() {
    int port = startTls.getPortAllocated();
    CheckResult wrong = live.logIn(form(Protocol.SMTP, port, Security.STARTTLS).username("jan@example.cz").build(), Credentials.password("wrong"));
    Finding failed = only(wrong, FindingCode.LOGIN_FAILED);
    assertThat(failed.field()).isEqualTo(SettingsField.PASSWORD);
    assertThat(failed.evidence().serverReply()).hasValueSatisfying(r -> assertThat(r).contains("5.7.8"));

    CheckResult locked = live.logIn(form(Protocol.SMTP, port, Security.STARTTLS).username(LOCKED).build(), Credentials.password(SMTP_PASSWORD));
    Finding refused = only(locked, FindingCode.LOGIN_REFUSED);
    assertThat(refused.field()).isEqualTo(SettingsField.AUTHENTICATION);
    assertThat(refused.arguments().get(1)).contains("User account disabled");
    assertThat(locked.has(FindingCode.LOGIN_FAILED)).isFalse();

    CheckResult basicOff = live.logIn(form(Protocol.SMTP, port, Security.STARTTLS).username(BASIC_OFF).build(), Credentials.password(SMTP_PASSWORD));
    assertThat(errors(basicOff)).containsExactly(FindingCode.LOGIN_NEEDS_OAUTH2);

    CheckResult ok = live.logIn(form(Protocol.SMTP, port, Security.STARTTLS).username("jan@example.cz").build(), Credentials.password(SMTP_PASSWORD));
    assertThat(ok.has(FindingCode.LOGIN_OK)).as(ok.toString()).isTrue();
  }

  @Test
  void greenMailRefusesAWrongPassword() {
    CheckResult result = live.logIn(form(Protocol.IMAP, greenMail.port(Protocol.IMAP, Security.IMPLICIT_TLS), Security.IMPLICIT_TLS).build(),
        Credentials.password("wrong"));
    assertThat(errors(result)).containsExactly(FindingCode.LOGIN_FAILED);
    assertThat(only(result, FindingCode.LOGIN_FAILED).message(Locale.forLanguageTag("cs")))
        .isEqualTo("Server odmítl uživatelské jméno jan@example.cz nebo heslo: zkontrolujte obojí.");
  }

  @Test
  void dovecotLogsInOverStartTlsAndRefusesAWrongPassword() throws Exception {
    try (Dovecot dovecot = Dovecot.start()) {
      for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3)) {
        int port = protocol == Protocol.IMAP ? dovecot.imapPort() : dovecot.pop3Port();
        CheckResult ok = live.logIn(form(protocol, port, Security.STARTTLS).username(Dovecot.USER).build(), Credentials.password(Dovecot.PASSWORD));
        assertThat(errors(ok)).as(ok + "\n" + dovecot.log()).isEmpty();
        assertThat(ok.has(FindingCode.LOGIN_OK)).isTrue();
      }
      // Typed as SSL/TLS on Dovecot's STARTTLS port: the fix is STARTTLS, and the probe saw it work.
      CheckResult tls = live.probe(form(Protocol.IMAP, dovecot.imapPort(), Security.IMPLICIT_TLS).build());
      assertThat(only(tls, FindingCode.TLS_NOT_SPOKEN).fix()).map(ServerSettings::security).hasValue(Security.STARTTLS);
      assertThat(tls.corrected()).map(ServerSettings::security).hasValue(Security.STARTTLS);
    }
    try (Dovecot fresh = Dovecot.start()) {
      CheckResult wrong = live.logIn(form(Protocol.IMAP, fresh.imapPort(), Security.STARTTLS).username(Dovecot.USER).build(), Credentials.password("wrong"));
      assertThat(errors(wrong)).as(wrong.toString()).containsExactly(FindingCode.LOGIN_FAILED);
      assertThat(fresh.log()).contains("Password mismatch");
    }
  }

  // ---- Security as typed against what the port speaks ----

  @Test
  void startTlsNotOfferedStopsBeforeThePassword() {
    AUTH_LINES.clear();
    CheckResult result = live.logIn(form(Protocol.SMTP, withoutTls.getPortAllocated(), Security.STARTTLS).build(),
        Credentials.password(SMTP_PASSWORD));
    assertThat(errors(result)).containsExactly(FindingCode.STARTTLS_NOT_OFFERED);
    assertThat(result.has(FindingCode.LOGIN_OK) || result.has(FindingCode.LOGIN_FAILED)).isFalse();
    assertThat(AUTH_LINES).isEmpty();
  }

  @Test
  void tlsToAPlaintextPortAndTheOtherWayRound() {
    CheckResult expected = live.probe(form(Protocol.IMAP, greenMail.port(Protocol.IMAP, Security.IMPLICIT_TLS), Security.STARTTLS).build());
    Finding tlsExpected = only(expected, FindingCode.TLS_EXPECTED);
    assertThat(tlsExpected.fix()).map(ServerSettings::security).hasValue(Security.IMPLICIT_TLS);
    CheckResult fixed = live.probe(expected.input().apply(tlsExpected.fix().orElseThrow()));
    assertThat(errors(fixed)).as(fixed.toString()).isEmpty();

    CheckResult notSpoken = live.probe(form(Protocol.SMTP, startTls.getPortAllocated(), Security.IMPLICIT_TLS).build());
    assertThat(only(notSpoken, FindingCode.TLS_NOT_SPOKEN).fix()).map(ServerSettings::security).hasValue(Security.STARTTLS);

    // GreenMail's plain IMAP offers no STARTTLS: no fix that the probe could confirm.
    CheckResult noFix = live.probe(form(Protocol.IMAP, greenMail.port(Protocol.IMAP, Security.NONE), Security.IMPLICIT_TLS).build());
    assertThat(only(noFix, FindingCode.TLS_NOT_SPOKEN).fix()).isEmpty();
  }

  @Test
  void anotherProtocolOnThePort() {
    CheckResult result = live.probe(form(Protocol.IMAP, greenMail.port(Protocol.SMTP, Security.NONE), Security.NONE).loginRequired(false).build());
    assertThat(only(result, FindingCode.OTHER_PROTOCOL_ANSWERS).arguments())
        .containsExactly("localhost:" + greenMail.port(Protocol.SMTP, Security.NONE), "SMTP", "IMAP");
  }

  @Test
  void somethingElseThanAMailServerOnThePort() throws Exception {
    try (ScriptedServer http = new ScriptedServer("HTTP/1.1 400 Bad Request", line -> "")) {
      CheckResult result = live.probe(form(Protocol.SMTP, http.port(), Security.STARTTLS).build());
      assertThat(only(result, FindingCode.NOT_A_MAIL_SERVER).arguments()).containsExactly("localhost:" + http.port());
    }
  }

  @Test
  void aServerThatHangsUpOnTheLoginIsALoginError() throws Exception {
    java.util.concurrent.atomic.AtomicInteger greetings = new java.util.concurrent.atomic.AtomicInteger();
    try (ScriptedServer smtp = new ScriptedServer(TestTls.serverContext("localhost"), "220 localhost ESMTP", line -> {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        // The probe's EHLO is answered; the login's connection is dropped at once.
        return greetings.incrementAndGet() == 1 ? "250-localhost\r\n250 AUTH PLAIN" : null;
      }
      return upper.startsWith("QUIT") ? "221 bye" : "250 OK";
    })) {
      CheckResult result = live.logIn(form(Protocol.SMTP, smtp.port(), Security.IMPLICIT_TLS).build(), Credentials.password("secret"));
      assertThat(result.has(FindingCode.SERVER_ANSWERS)).isTrue();
      assertThat(errors(result)).as(result.toString()).containsExactly(FindingCode.LOGIN_ERROR);
    }
  }

  @Test
  void anOAuthSignInThatIsGoneIsSignInRequired() throws Exception {
    try (ScriptedServer smtp = new ScriptedServer(TestTls.serverContext("localhost"), "220 localhost ESMTP", line -> {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        return "250-localhost\r\n250 AUTH PLAIN XOAUTH2";
      }
      return upper.startsWith("QUIT") ? "221 bye" : "535 5.7.8 no";
    })) {
      Credentials gone = Credentials.oauth2(() -> {
        throw new SignInRequiredException("the refresh token was revoked");
      });
      CheckResult result = live.logIn(form(Protocol.SMTP, smtp.port(), Security.IMPLICIT_TLS).authMethod(AuthMethod.OAUTH2).build(), gone);
      assertThat(errors(result)).as(result.toString()).containsExactly(FindingCode.SIGN_IN_REQUIRED);
      assertThat(smtp.received()).noneMatch(l -> l.toUpperCase(Locale.ROOT).startsWith("AUTH"));
    }
  }

  // ---- Certificates ----

  @Test
  void aCertificateForAnotherHostIsReportedWithItsName() throws Exception {
    try (ScriptedServer server = new ScriptedServer(TestTls.serverContext("other-host"), "* OK IMAP4rev1 ready", LiveCheckTest::imapScript)) {
      CheckResult result = live.logIn(form(Protocol.IMAP, server.port(), Security.IMPLICIT_TLS).build(), Credentials.password("never-sent"));
      Finding mismatch = only(result, FindingCode.CERTIFICATE_NAME_MISMATCH);
      assertThat(mismatch.arguments()).containsExactly("localhost", "mail.other-host.example");
      assertThat(mismatch.evidence().certificateNames()).containsExactly("mail.other-host.example");
      assertThat(mismatch.fix()).isEmpty(); // that name does not point here
      assertThat(server.received()).noneMatch(l -> l.toUpperCase(Locale.ROOT).contains("LOGIN") || l.toUpperCase(Locale.ROOT).contains("AUTHENTICATE"));
    }
    try (ScriptedServer server = new ScriptedServer(TestTls.serverContext("localhost-only"), "* OK IMAP4rev1 ready", LiveCheckTest::imapScript)) {
      CheckResult result = live.probe(form(Protocol.IMAP, server.port(), Security.IMPLICIT_TLS).host("127.0.0.1").build());
      Finding mismatch = only(result, FindingCode.CERTIFICATE_NAME_MISMATCH);
      assertThat(mismatch.fix()).map(ServerSettings::host).hasValue("localhost");
      assertThat(mismatch.fixNeedsConfirmation()).isTrue();
      assertThat(result.corrected()).map(ServerSettings::host).hasValue("localhost");
    }
  }

  @Test
  void anUntrustedCertificateIsTlsFailed() throws Exception {
    try (ScriptedServer server = new ScriptedServer(TestTls.serverContext("self-signed"), "* OK IMAP4rev1 ready", LiveCheckTest::imapScript)) {
      CheckResult result = live.probe(form(Protocol.IMAP, server.port(), Security.IMPLICIT_TLS).build());
      assertThat(only(result, FindingCode.TLS_FAILED).evidence().detail()).isPresent();
    }
  }

  // ---- Reachability ----

  @Test
  void refusedTimedOutAndUnknownHostsAreToldApart() throws Exception {
    int closed = closedPort();
    CheckResult refused = live.probe(form(Protocol.SMTP, closed, Security.IMPLICIT_TLS).build());
    assertThat(only(refused, FindingCode.CONNECTION_REFUSED).arguments()).containsExactly("localhost", String.valueOf(closed));
    try (ScriptedServer silent = ScriptedServer.silent()) {
      CheckResult timedOut = live.probe(form(Protocol.SMTP, silent.port(), Security.IMPLICIT_TLS).build());
      assertThat(errors(timedOut)).containsExactly(FindingCode.CONNECTION_TIMED_OUT);
    }
    CheckResult unknown = live.probe(form(Protocol.SMTP, 465, Security.IMPLICIT_TLS).host("no-such-host.invalid").build());
    assertThat(only(unknown, FindingCode.HOST_NOT_FOUND).arguments()).containsExactly("no-such-host.invalid");
  }

  // ---- Login mechanisms and plaintext ----

  @Test
  void oauthChosenWhereTheServerOffersOnlyPasswords() {
    CheckResult result = live.probe(form(Protocol.SMTP, startTls.getPortAllocated(), Security.STARTTLS).authMethod(AuthMethod.OAUTH2).build());
    Finding mechanism = only(result, FindingCode.AUTH_MECHANISM_NOT_OFFERED);
    assertThat(mechanism.arguments()).containsExactly("localhost", "XOAUTH2 OAUTHBEARER", "PLAIN");
  }

  @Test
  void aPasswordIsNeverSentUnencrypted() {
    CheckResult result = live.logIn(form(Protocol.SMTP, greenMail.port(Protocol.SMTP, Security.NONE), Security.NONE).build(),
        Credentials.password(GreenMailServers.JAN_PASSWORD));
    assertThat(result.has(FindingCode.PASSWORD_UNENCRYPTED)).isTrue(); // offline
    assertThat(result.has(FindingCode.LOGIN_NOT_TRIED)).isTrue();
    assertThat(result.has(FindingCode.LOGIN_OK)).isFalse();
  }

  @Test
  void settingsThatCannotBeReadAreNotProbed() {
    CheckResult result = live.probe(form(Protocol.SMTP, 465, Security.IMPLICIT_TLS).host("not a host").build());
    assertThat(result.has(FindingCode.HOST_INVALID)).isTrue();
    assertThat(result.has(FindingCode.LIVE_CHECK_SKIPPED)).isTrue();
  }
}
