package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.probe.ProbeOptions;
import org.mailsettings.probe.ProbeStatus;
import org.mailsettings.probe.Prober;
import org.mailsettings.testing.ScriptedServer;

/** Mail servers that misbehave: each ends within its bound with a clear outcome, and no password leaves. */
class HostileServerTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");
  private static final MailConnector CONNECTOR = MailConnector.create(TestTls.clientOptions().build());
  private static final MailSettingsResolver CLIENT =
      MailSettingsResolver.builder().sslContext(org.mailsettings.testing.TestTls.client()).build();
  private static final Prober PROBER = CLIENT.prober(ProbeOptions.builder().readTimeout(java.time.Duration.ofSeconds(2)).build());

  private static Candidate imaps(int port) {
    return GreenMailServers.candidate(
        ServerSettings.builder().protocol(Protocol.IMAP).host("localhost").port(port).security(Security.IMPLICIT_TLS)
            .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT).username(JAN.address()).build());
  }

  @Test
  void expiredAndSelfSignedCertificatesFailTlsForTheLoginAndTheProbe() throws Exception {
    for (String certificate : List.of("expired", "self-signed")) {
      try (ScriptedServer server = new ScriptedServer(TestTls.serverContext(certificate), "* OK ready", line -> line.split(" ")[0] + " OK")) {
        VerificationOutcome outcome = CONNECTOR.verify(List.of(imaps(server.port())), JAN, Credentials.password("secret")).outcomes().get(0);
        assertThat(outcome.status()).as(certificate + ": " + outcome).isEqualTo(VerificationStatus.TLS_FAILED);
        assertThat(PROBER.probe(imaps(server.port())).status()).as(certificate).isEqualTo(ProbeStatus.TLS_FAILED);
        assertThat(server.received()).as(certificate).isEmpty();
      }
    }
  }

  @Test
  void aServerThatClosesMidGreetingIsAProtocolErrorNotAPasswordProblem() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      Thread server = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket client = socket.accept()) {
            OutputStream out = client.getOutputStream();
            out.write("* OK IMA".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      server.setDaemon(true);
      server.start();
      Candidate plain = GreenMailServers.candidate(
          ServerSettings.builder().protocol(Protocol.IMAP).host("localhost").port(socket.getLocalPort()).security(Security.STARTTLS)
              .username(JAN.address()).build());
      VerificationOutcome outcome = CONNECTOR.verify(List.of(plain), JAN, Credentials.password("secret")).outcomes().get(0);
      assertThat(outcome.status()).as(outcome.toString()).isIn(VerificationStatus.PROTOCOL_ERROR, VerificationStatus.CONNECT_FAILED);
      assertThat(outcome.status().serverWorks()).isFalse();
      assertThat(PROBER.probe(plain).status()).isEqualTo(ProbeStatus.PROTOCOL_MISMATCH);
    }
  }
}
