package org.mailsettings.jakarta;

import org.mailsettings.testing.DelayingProxy;
import org.mailsettings.testing.ScriptedServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;

/** The best candidate is the best-ranked one that works, not the first to answer. */
class VerificationOrderTest {
  private static final EmailAddress JAN = EmailAddress.parse(GreenMailServers.JAN);
  private static final Credentials PASSWORD = Credentials.password(GreenMailServers.JAN_PASSWORD);
  private static GreenMailServers servers;
  private static MailConnector connector;

  @BeforeAll
  static void start() {
    servers = new GreenMailServers();
    connector = MailConnector.create(TestTls.clientOptions().build());
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static Candidate imaps(int port) {
    ServerSettings direct = servers.settings(Protocol.IMAP, Security.IMPLICIT_TLS, GreenMailServers.JAN);
    return GreenMailServers.candidate(ServerSettings.builder().from(direct).port(port).build());
  }

  @Test
  void aSlowerBetterRankedCandidateWinsOverAFasterOne() throws Exception {
    int direct = servers.port(Protocol.IMAP, Security.IMPLICIT_TLS);
    try (DelayingProxy slow = new DelayingProxy(direct, Duration.ofMillis(700))) {
      VerificationReport report =
          connector.verify(
              List.of(imaps(slow.port()), imaps(direct)),
              JAN,
              PASSWORD,
              VerifyOptions.builder().stagger(Duration.ofMillis(20)).build());
      assertThat(report.best()).hasValueSatisfying(best ->
          assertThat(best.candidate().settings().port()).isEqualTo(slow.port()));
      VerificationOutcome first = report.outcomes().get(0);
      VerificationOutcome second = report.outcomes().get(1);
      // The faster one answered first, and both are reported.
      assertThat(second.status()).isEqualTo(VerificationStatus.OK);
      assertThat(second.elapsed()).isLessThan(first.elapsed());
    }
  }

  @Test
  void aFailingFirstCandidateLeavesTheNextWorkingOne() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    VerificationReport report =
        connector.verify(List.of(imaps(closed), imaps(servers.port(Protocol.IMAP, Security.IMPLICIT_TLS))), JAN, PASSWORD);
    assertThat(report.outcomes()).extracting(VerificationOutcome::status)
        .containsExactly(VerificationStatus.CONNECT_FAILED, VerificationStatus.OK);
    assertThat(report.best()).hasValueSatisfying(best -> assertThat(best.candidate()).isEqualTo(report.outcomes().get(1).candidate()));
  }

  @Test
  void onceTheBestIsKnownWorseRankedCandidatesAreNotAwaited() throws Exception {
    try (ScriptedServer silent = ScriptedServer.silent()) {
      VerificationReport report =
          connector.verify(
              List.of(imaps(servers.port(Protocol.IMAP, Security.IMPLICIT_TLS)), imaps(silent.port())),
              JAN,
              PASSWORD,
              VerifyOptions.builder().stagger(Duration.ZERO).build());
      assertThat(report.best()).isPresent();
      assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(4)); // the silent one would take 5 s
      assertThat(report.outcomes()).hasSize(2);
      assertThat(report.outcomes().get(1).status()).isEqualTo(VerificationStatus.CANCELLED);
    }
  }
}
