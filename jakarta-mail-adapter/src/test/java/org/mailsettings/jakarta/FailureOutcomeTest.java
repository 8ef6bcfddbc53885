package org.mailsettings.jakarta;

import org.mailsettings.testing.DelayingProxy;
import org.mailsettings.testing.ScriptedServer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;

/** Servers that fail in the ways real ones do, each giving its own outcome within its bound. */
class FailureOutcomeTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");
  private static final String SECRET = "s3cret-never-sent";

  private static Candidate candidate(Protocol protocol, int port, Security security) {
    return GreenMailServers.candidate(
        ServerSettings.builder()
            .protocol(protocol)
            .host("localhost")
            .port(port)
            .security(security)
            .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT)
            .username(JAN.address())
            .build());
  }

  private static VerificationOutcome verifyOne(MailConnector connector, Candidate candidate) {
    return connector.verify(List.of(candidate), JAN, Credentials.password(SECRET)).outcomes().get(0);
  }

  @Test
  void aCertificateForAnotherNameIsTlsFailedWithThatName() throws Exception {
    try (ScriptedServer server = new ScriptedServer(TestTls.serverContext("other-host"), "* OK IMAP ready", line -> null)) {
      VerificationOutcome outcome =
          verifyOne(MailConnector.create(TestTls.clientOptions().build()), candidate(Protocol.IMAP, server.port(), Security.IMPLICIT_TLS));
      assertThat(outcome.status()).isEqualTo(VerificationStatus.TLS_FAILED);
      assertThat(outcome.certificateNames()).as(outcome.toString()).containsExactly("mail.other-host.example");
      assertThat(outcome.message()).contains("localhost").contains("mail.other-host.example");
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void anUntrustedCertificateIsTlsFailed() throws Exception {
    // The JDK's own trust store does not know the test authority.
    try (ScriptedServer server = new ScriptedServer(TestTls.serverContext("localhost"), "* OK IMAP ready", line -> null)) {
      MailConnector jdkTrust = MailConnector.create(MailOptions.builder().readTimeout(Duration.ofSeconds(5)).build());
      VerificationOutcome outcome = verifyOne(jdkTrust, candidate(Protocol.IMAP, server.port(), Security.IMPLICIT_TLS));
      assertThat(outcome.status()).isEqualTo(VerificationStatus.TLS_FAILED);
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void aSilentPortIsATimeoutWithinTheConfiguredBound() throws Exception {
    Duration bound = Duration.ofMillis(800);
    MailConnector connector = MailConnector.create(TestTls.clientOptions().readTimeout(bound).build());
    try (ScriptedServer silent = ScriptedServer.silent()) {
      for (Security security : List.of(Security.IMPLICIT_TLS, Security.STARTTLS)) {
        VerificationOutcome outcome = verifyOne(connector, candidate(Protocol.IMAP, silent.port(), security));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(VerificationStatus.TIMEOUT);
        assertThat(outcome.elapsed()).isLessThan(bound.plusSeconds(2));
      }
    }
  }

  @Test
  void theOverallDeadlineBoundsAVerificationOfSilentServers() throws Exception {
    MailConnector connector = MailConnector.create(TestTls.clientOptions().readTimeout(Duration.ofSeconds(30)).build());
    try (ScriptedServer silent = ScriptedServer.silent()) {
      VerificationReport report =
          connector.verify(
              List.of(candidate(Protocol.SMTP, silent.port(), Security.IMPLICIT_TLS), candidate(Protocol.SMTP, silent.port(), Security.STARTTLS)),
              JAN,
              Credentials.password(SECRET),
              VerifyOptions.builder().deadline(Duration.ofMillis(700)).stagger(Duration.ofMillis(100)).build());
      assertThat(report.elapsed()).isLessThan(Duration.ofMillis(700 + 1000));
      assertThat(report.outcomes()).isNotEmpty().allSatisfy(o -> assertThat(o.status()).isEqualTo(VerificationStatus.TIMEOUT));
    }
  }

  @Test
  void aClosedPortIsConnectFailed() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    VerificationOutcome outcome =
        verifyOne(MailConnector.create(TestTls.clientOptions().build()), candidate(Protocol.SMTP, port, Security.IMPLICIT_TLS));
    assertThat(outcome.status()).isEqualTo(VerificationStatus.CONNECT_FAILED);
  }

  @Test
  void tlsSpokenToAPlaintextPortIsTlsFailedNotAPasswordProblem() throws Exception {
    try (ScriptedServer plain = new ScriptedServer("* OK IMAP4rev1 ready", line -> "* BAD")) {
      VerificationOutcome outcome =
          verifyOne(MailConnector.create(TestTls.clientOptions().build()), candidate(Protocol.IMAP, plain.port(), Security.IMPLICIT_TLS));
      assertThat(outcome.status()).isEqualTo(VerificationStatus.TLS_FAILED);
      assertThat(outcome.status().serverWorks()).isFalse();
    }
  }

  @Test
  void withoutStartTlsNoCredentialLeavesTheClientOnAnyProtocol() throws Exception {
    MailConnector connector = MailConnector.create(TestTls.clientOptions().build());
    try (ScriptedServer imap =
            new ScriptedServer(
                "* OK IMAP4rev1 ready",
                line -> {
                  String tag = line.split(" ")[0];
                  if (line.toUpperCase().contains("CAPABILITY")) {
                    return "* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=LOGIN\r\n" + tag + " OK done";
                  }
                  return tag + " OK";
                });
        ScriptedServer pop3 =
            new ScriptedServer(
                "+OK POP3 ready",
                line -> line.toUpperCase().startsWith("CAPA") ? "+OK\r\nUSER\r\nSASL PLAIN LOGIN\r\n." : "+OK");
        ScriptedServer smtp =
            new ScriptedServer(
                "220 localhost ESMTP",
                line -> line.toUpperCase().startsWith("EHLO") ? "250-localhost\r\n250 AUTH PLAIN LOGIN" : "250 OK")) {
      for (var entry : List.of(
          new Object[] {Protocol.IMAP, imap}, new Object[] {Protocol.POP3, pop3}, new Object[] {Protocol.SMTP, smtp})) {
        Protocol protocol = (Protocol) entry[0];
        ScriptedServer server = (ScriptedServer) entry[1];
        VerificationOutcome outcome = verifyOne(connector, candidate(protocol, server.port(), Security.STARTTLS));
        assertThat(outcome.status()).as(protocol + ": " + outcome).isEqualTo(VerificationStatus.STARTTLS_NOT_OFFERED);
        assertThat(server.received()).as(protocol + " session record").isNotEmpty();
        assertThat(String.join("\n", server.received()).toUpperCase())
            .as(protocol + " session record")
            .doesNotContain("LOGIN ")
            .doesNotContain("AUTH")
            .doesNotContain("USER ")
            .doesNotContain("PASS ")
            .doesNotContain(SECRET.toUpperCase())
            .doesNotContain(java.util.Base64.getEncoder().encodeToString(("\0" + JAN.address() + "\0" + SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toUpperCase());
      }
    }
  }
}
