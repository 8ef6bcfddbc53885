package org.mailsettings.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.testing.ScriptedServer;
import org.mailsettings.testing.TestTls;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/** The prober against real servers on 127.0.0.1, each finding within its bound. */
class ProberTest {
  private static final Duration READ = Duration.ofMillis(700);
  private static GreenMail greenMail;
  private static SMTPServer startTls;
  private static SMTPServer stripping;
  private static final MailSettingsResolver CLIENT = MailSettingsResolver.builder().sslContext(TestTls.client()).build();
  private static final Prober PROBER =
      CLIENT.prober(ProbeOptions.builder().readTimeout(READ).connectTimeout(Duration.ofSeconds(1)).build());

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    greenMail = new GreenMail(ServerSetup.createCopy(ServerSetup.ALL, s -> new ServerSetup(0, "127.0.0.1", s.getProtocol()).dynamicPort()));
    greenMail.start();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    startTls = SMTPServer.port(0).bindAddress(loopback).hostName("localhost").enableTLS()
        .startTlsSocketFactory(TestTls.server("localhost"))
        .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, c) -> { }))
        .build();
    startTls.start();
    stripping = SMTPServer.port(0).bindAddress(loopback).hostName("localhost").enableTLS().hideTLS()
        .startTlsSocketFactory(TestTls.server("localhost"))
        .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, c) -> { }))
        .build();
    stripping.start();
  }

  @AfterAll
  static void stop() {
    CLIENT.close();
    greenMail.stop();
    startTls.stop();
    stripping.stop();
  }

  private static Candidate candidate(Protocol protocol, String host, int port, Security security) {
    return Candidate.of(
        ServerSettings.builder().protocol(protocol).host(host).port(port).security(security).username("jan@example.cz").build(),
        Source.GUESS, Trust.UNVERIFIED, Note.of(NoteCode.FROM_GUESS, "example.cz"));
  }

  @Test
  void implicitTlsServersAreReachableWithTheirCertificateAndMechanisms() {
    for (var entry : List.of(
        new Object[] {Protocol.IMAP, greenMail.getImaps().getPort()},
        new Object[] {Protocol.POP3, greenMail.getPop3s().getPort()},
        new Object[] {Protocol.SMTP, greenMail.getSmtps().getPort()})) {
      ProbeResult result = PROBER.probe(candidate((Protocol) entry[0], "localhost", (int) entry[1], Security.IMPLICIT_TLS));
      assertThat(result.status()).as(result.toString()).isEqualTo(ProbeStatus.REACHABLE);
      assertThat(result.tlsVersion()).hasValueSatisfying(v -> assertThat(v).startsWith("TLSv1."));
      assertThat(result.certificateNames()).containsExactly("localhost", "127.0.0.1");
      assertThat(result.certificateMatches()).hasValue(true);
      assertThat(result.usable()).isTrue();
      assertThat(result.mechanismsAfterTls()).as(result.toString()).isNotEmpty();
    }
  }

  @Test
  void startTlsIsUpgradedAndTheCapabilitiesAreAskedAgain() {
    ProbeResult result = PROBER.probe(candidate(Protocol.SMTP, "localhost", startTls.getPortAllocated(), Security.STARTTLS));
    assertThat(result.status()).as(result.toString()).isEqualTo(ProbeStatus.REACHABLE);
    assertThat(result.startTlsOffered()).hasValue(true);
    assertThat(result.mechanismsAfterTls()).contains("PLAIN", "LOGIN");
    assertThat(result.certificateMatches()).hasValue(true);
  }

  @Test
  void aServerThatStripsStartTlsIsReportedAsSuch() {
    ProbeResult stripped = PROBER.probe(candidate(Protocol.SMTP, "localhost", stripping.getPortAllocated(), Security.STARTTLS));
    assertThat(stripped.status()).isEqualTo(ProbeStatus.STARTTLS_NOT_OFFERED);
    assertThat(stripped.startTlsOffered()).hasValue(false);
    for (var entry : List.of(
        new Object[] {Protocol.IMAP, greenMail.getImap().getPort()},
        new Object[] {Protocol.POP3, greenMail.getPop3().getPort()})) {
      ProbeResult result = PROBER.probe(candidate((Protocol) entry[0], "localhost", (int) entry[1], Security.STARTTLS));
      assertThat(result.status()).as(result.toString()).isEqualTo(ProbeStatus.STARTTLS_NOT_OFFERED);
      assertThat(result.mechanismsBeforeTls()).as(result.toString()).isNotEmpty();
    }
  }

  @Test
  void aCertificateForAnotherHostIsReportedWithItsNames() throws Exception {
    try (ScriptedServer server = new ScriptedServer(TestTls.server("other-host"), "* OK IMAP4rev1 ready",
        line -> line.contains("CAPABILITY") ? "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + line.split(" ")[0] + " OK" : line.split(" ")[0] + " OK")) {
      ProbeResult result = PROBER.probe(candidate(Protocol.IMAP, "localhost", server.port(), Security.IMPLICIT_TLS));
      assertThat(result.status()).isEqualTo(ProbeStatus.REACHABLE);
      assertThat(result.certificateNames()).containsExactly("mail.other-host.example");
      assertThat(result.certificateMatches()).hasValue(false);
      assertThat(result.usable()).isFalse();
      assertThat(result.proposal()).isEmpty(); // that name does not point here
      assertThat(server.received()).noneMatch(l -> l.toUpperCase().contains("LOGIN") || l.toUpperCase().contains("AUTHENTICATE"));
    }
  }

  @Test
  void aCertificateNameThatPointsToTheSameAddressIsProposed() throws Exception {
    try (ScriptedServer server = new ScriptedServer(TestTls.server("localhost-only"), "* OK IMAP4rev1 ready",
        line -> line.contains("CAPABILITY") ? "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + line.split(" ")[0] + " OK" : line.split(" ")[0] + " OK")) {
      ProbeResult result = PROBER.probe(candidate(Protocol.IMAP, "127.0.0.1", server.port(), Security.IMPLICIT_TLS));
      assertThat(result.certificateMatches()).hasValue(false);
      assertThat(result.proposal()).hasValueSatisfying(p -> {
        assertThat(p.settings().host()).isEqualTo("localhost");
        assertThat(p.settings().port()).isEqualTo(server.port());
        assertThat(p.source()).isEqualTo(Source.PROBE);
        assertThat(p.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
      });
    }
  }

  @Test
  void theWrongProtocolIsAMismatch() {
    ProbeResult smtpOnImap = PROBER.probe(candidate(Protocol.IMAP, "localhost", greenMail.getSmtp().getPort(), Security.NONE));
    assertThat(smtpOnImap.status()).isEqualTo(ProbeStatus.PROTOCOL_MISMATCH);
    assertThat(smtpOnImap.details()).containsExactly(Note.of(NoteCode.SPEAKS_OTHER_PROTOCOL, Protocol.SMTP, Protocol.IMAP));

    ProbeResult tlsOnPlain = PROBER.probe(candidate(Protocol.IMAP, "localhost", greenMail.getImap().getPort(), Security.IMPLICIT_TLS));
    assertThat(tlsOnPlain.status()).as(tlsOnPlain.toString()).isEqualTo(ProbeStatus.PROTOCOL_MISMATCH);

    ProbeResult plainOnTls = PROBER.probe(candidate(Protocol.IMAP, "localhost", greenMail.getImaps().getPort(), Security.STARTTLS));
    assertThat(plainOnTls.status()).as(plainOnTls.toString()).isEqualTo(ProbeStatus.PROTOCOL_MISMATCH);
    assertThat(plainOnTls.details()).extracting(Note::code).containsExactly(NoteCode.TLS_ON_PLAINTEXT_PORT);
    assertThat(plainOnTls.elapsed()).isLessThan(READ.multipliedBy(3).plusSeconds(1));
  }

  @Test
  void aSilentPortTimesOutAndAClosedOneIsRefused() throws Exception {
    try (ScriptedServer silent = ScriptedServer.silent()) {
      ProbeResult result = PROBER.probe(candidate(Protocol.SMTP, "localhost", silent.port(), Security.IMPLICIT_TLS));
      assertThat(result.status()).isEqualTo(ProbeStatus.TIMEOUT);
      assertThat(result.elapsed()).isLessThan(READ.plusSeconds(1));
    }
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    assertThat(PROBER.probe(candidate(Protocol.SMTP, "localhost", closed, Security.IMPLICIT_TLS)).status()).isEqualTo(ProbeStatus.REFUSED);
    assertThat(PROBER.probe(candidate(Protocol.SMTP, "no-such-host.invalid", 465, Security.IMPLICIT_TLS)).status())
        .isEqualTo(ProbeStatus.UNREACHABLE);
  }

  @Test
  void aBatchEndsAtItsDeadline() throws Exception {
    Prober impatient = CLIENT.prober(ProbeOptions.builder()
        .readTimeout(Duration.ofSeconds(30)).deadline(Duration.ofMillis(600)).build());
    try (ScriptedServer silent = ScriptedServer.silent()) {
      long start = System.nanoTime();
      List<ProbeResult> results = impatient.probeAll(List.of(
          candidate(Protocol.IMAP, "localhost", silent.port(), Security.IMPLICIT_TLS),
          candidate(Protocol.IMAP, "localhost", greenMail.getImaps().getPort(), Security.IMPLICIT_TLS)));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600 + 700));
      assertThat(results).extracting(ProbeResult::status).containsExactly(ProbeStatus.TIMEOUT, ProbeStatus.REACHABLE);
      // Once the batch has returned, no probe holds a connection to the silent server.
      long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (silent.openConnections() > 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(silent.openConnections()).isZero();
    }
  }

  @Test
  void aBatchThatEndedStartsNoFurtherProbes() throws Exception {
    Prober oneAtATime = CLIENT.prober(ProbeOptions.builder().concurrency(1)
        .readTimeout(Duration.ofSeconds(30)).deadline(Duration.ofMillis(400)).build());
    try (ScriptedServer silent = ScriptedServer.silent()) {
      List<Candidate> candidates = List.of(
          candidate(Protocol.IMAP, "localhost", silent.port(), Security.IMPLICIT_TLS),
          candidate(Protocol.IMAP, "localhost", silent.port(), Security.STARTTLS),
          candidate(Protocol.POP3, "localhost", silent.port(), Security.STARTTLS));
      List<ProbeResult> results = oneAtATime.probeAll(candidates);
      assertThat(results).extracting(ProbeResult::status).containsOnly(ProbeStatus.TIMEOUT);
      Thread.sleep(300);
      assertThat(silent.acceptedConnections()).isEqualTo(1);
      assertThat(silent.openConnections()).isZero();
    }
  }

  @Test
  void refinedGuessesKeepWhatAnswersWithTheMechanismsItOffers() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    Candidate answering = candidate(Protocol.IMAP, "localhost", greenMail.getImaps().getPort(), Security.IMPLICIT_TLS);
    Candidate dead = candidate(Protocol.IMAP, "localhost", closed, Security.IMPLICIT_TLS);
    Candidate smtp = candidate(Protocol.SMTP, "localhost", greenMail.getSmtps().getPort(), Security.IMPLICIT_TLS);
    Resolution guesses = Resolution.builder()
        .address(EmailAddress.parse("jan@example.cz"))
        .addIncoming(dead, answering)
        .addOutgoing(smtp)
        .build();
    Resolution refined = PROBER.refineGuesses(guesses);
    assertThat(refined.incoming()).as(refined.toString()).hasSize(1);
    assertThat(refined.incoming().get(0).settings().port()).isEqualTo(answering.settings().port());
    assertThat(refined.incoming().get(0).settings().authMethods()).contains(AuthMethod.PASSWORD_CLEARTEXT);
    assertThat(refined.incoming().get(0).reasons()).extracting(Note::code).contains(NoteCode.ANSWERED_PROBE_OFFERING);
    assertThat(refined.outgoing()).hasSize(1);
    assertThat(refined.notes()).contains(Note.of(NoteCode.GUESSES_PROBED, 3, 2));
  }
}
