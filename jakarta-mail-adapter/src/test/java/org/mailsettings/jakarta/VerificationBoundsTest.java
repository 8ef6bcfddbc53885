package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.testing.ScriptedServer;

/**
 * The hardening round's verification cases against real servers on 127.0.0.1: no password to
 * hosts that need confirmation, bounded reads and deadlines that close every connection, and a
 * refused STARTTLS that is not a wrong password.
 */
class VerificationBoundsTest {
  private static final EmailAddress JAN = EmailAddress.parse("jan@example.cz");
  private static final String SECRET = "s3cret-never-sent";

  private static ServerSettings settings(Protocol protocol, String host, int port, Security security) {
    return ServerSettings.builder().protocol(protocol).host(host).port(port).security(security)
        .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT).username(JAN.address()).build();
  }

  private static Candidate candidate(ServerSettings settings, Source source, Trust trust) {
    return Candidate.of(settings, source, trust, Note.of(NoteCode.FROM_AUTOCONFIG_HTTP, "example.cz"));
  }

  /** A raw server on 127.0.0.1 running {@code session} for every connection, counting them. */
  private static final class RawServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final List<Socket> clients = new CopyOnWriteArrayList<>();

    RawServer(Consumer<Socket> session) throws IOException {
      socket = new ServerSocket(0, 10, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket client = socket.accept();
            accepted.incrementAndGet();
            open.incrementAndGet();
            clients.add(client);
            Thread thread = new Thread(() -> {
              try (client) {
                session.accept(client);
              } catch (IOException e) {
                // the client went away
              } finally {
                open.decrementAndGet();
              }
            });
            thread.setDaemon(true);
            thread.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    void awaitNoneOpen() throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (open.get() > 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(open.get()).as("connections the client left open").isZero();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket client : clients) {
        client.close();
      }
    }
  }

  /** Writes {@code unit} forever (until the client closes), counting the bytes that went out. */
  private static Consumer<Socket> endless(String prefix, String unit, AtomicLong written) {
    return client -> {
      try {
        OutputStream out = client.getOutputStream();
        out.write(prefix.getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = unit.repeat(Math.max(1, 4096 / unit.length())).getBytes(StandardCharsets.US_ASCII);
        while (true) {
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } catch (IOException e) {
        // the client closed the connection: what this test wants
      }
    };
  }

  @Test
  void aCandidateThatNeedsConfirmationGetsNoPasswordUntilItsDomainIsConfirmed() throws Exception {
    try (ScriptedServer server = new ScriptedServer("* OK ready", line -> line.split(" ")[0] + " OK")) {
      MailConnector connector = MailConnector.create(TestTls.clientOptions().plaintextAllowed(true).build());
      Candidate forged = candidate(settings(Protocol.IMAP, "localhost", server.port(), Security.NONE),
          Source.AUTOCONFIG_HTTP, Trust.NEEDS_CONFIRMATION);
      VerificationReport report = connector.verify(List.of(forged), JAN, Credentials.password(SECRET));
      assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(VerificationStatus.NOT_CONFIRMED));
      assertThat(server.acceptedConnections()).isZero();

      VerificationReport confirmed = connector.verify(List.of(forged), JAN, Credentials.password(SECRET),
          VerifyOptions.builder().addConfirmedDomains(forged.hostDomain()).build());
      assertThat(confirmed.outcomes().get(0).status()).isNotEqualTo(VerificationStatus.NOT_CONFIRMED);
      assertThat(server.acceptedConnections()).isEqualTo(1);
      connector.close();
    }
  }

  @Test
  void trustedSettingsPointingAtALoopbackAddressNeedConfirmationInEverySpelling() throws Exception {
    try (ScriptedServer server = new ScriptedServer("* OK ready", line -> line.split(" ")[0] + " OK")) {
      MailConnector connector = MailConnector.create(TestTls.clientOptions().plaintextAllowed(true).build());
      for (String host : List.of("127.0.0.1", "::ffff:7f00:1", "::ffff:127.0.0.1", "localhost")) {
        // Trusted, but not the application's own file: say, a document over HTTPS that names loopback.
        Candidate pointing = candidate(settings(Protocol.IMAP, host, server.port(), Security.NONE), Source.AUTOCONFIG, Trust.TRUSTED);
        VerificationOutcome outcome = connector.verify(List.of(pointing), JAN, Credentials.password(SECRET)).outcomes().get(0);
        assertThat(outcome.status()).as(host + ": " + outcome).isEqualTo(VerificationStatus.NOT_CONFIRMED);
      }
      assertThat(server.acceptedConnections()).isZero();
      assertThat(server.received()).isEmpty();

      Candidate own = candidate(settings(Protocol.IMAP, "127.0.0.1", server.port(), Security.NONE), Source.LOCAL_FILE, Trust.TRUSTED);
      assertThat(connector.verify(List.of(own), JAN, Credentials.password(SECRET)).outcomes().get(0).status())
          .isNotEqualTo(VerificationStatus.NOT_CONFIRMED);
      assertThat(server.acceptedConnections()).isEqualTo(1);
      connector.close();
    }
  }

  @Test
  void anEndlessGreetingIsCutOffAfterTheCapAndEveryConnectionIsClosed() throws Exception {
    AtomicLong written = new AtomicLong();
    try (RawServer server = new RawServer(endless("* OK ", "x", written))) {
      MailConnector connector = MailConnector.create(TestTls.clientOptions().plaintextAllowed(true).maxBytesBeforeLogin(64 * 1024).build());
      Candidate imap = candidate(settings(Protocol.IMAP, "127.0.0.1", server.port(), Security.NONE), Source.LOCAL_FILE, Trust.TRUSTED);
      long start = System.nanoTime();
      VerificationOutcome outcome = connector.verify(List.of(imap), JAN, Credentials.password(SECRET),
          VerifyOptions.builder().deadline(Duration.ofSeconds(10)).build()).outcomes().get(0);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(outcome.status()).as(outcome.toString()).isEqualTo(VerificationStatus.PROTOCOL_ERROR);
      server.awaitNoneOpen();
      // What the server got out before the client hung up: the cap and the socket buffers, not more.
      assertThat(written.get()).isLessThan(16L << 20);
      connector.close();
    }
  }

  @Test
  void endlessEhloLinesAreCutOffTooAndTheDeadlineClosesTheConnection() throws Exception {
    AtomicLong written = new AtomicLong();
    try (RawServer server = new RawServer(client -> {
      try {
        client.getOutputStream().write("220 smtp.example.cz ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = client.getInputStream();
        while (in.read() != '\n') {
          // the EHLO line
        }
        endless("", "250-EXTENSION\r\n", written).accept(client);
      } catch (IOException e) {
        // the client went away
      }
    })) {
      MailConnector connector = MailConnector.create(TestTls.clientOptions().plaintextAllowed(true).build());
      Candidate smtp = candidate(settings(Protocol.SMTP, "127.0.0.1", server.port(), Security.NONE), Source.LOCAL_FILE, Trust.TRUSTED);
      long start = System.nanoTime();
      VerificationOutcome outcome = connector.verify(List.of(smtp), JAN, Credentials.password(SECRET),
          VerifyOptions.builder().deadline(Duration.ofSeconds(2)).build()).outcomes().get(0);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
      assertThat(outcome.status()).as(outcome.toString()).isIn(VerificationStatus.PROTOCOL_ERROR, VerificationStatus.TIMEOUT);
      server.awaitNoneOpen();
      assertThat(written.get()).isLessThan(16L << 20);
      connector.close();
    }
  }

  @Test
  void aGreetingTrickledWithinEveryReadTimeoutIsCutOffByTheConnectDeadline() throws Exception {
    try (RawServer server = new RawServer(client -> {
      try {
        OutputStream out = client.getOutputStream();
        for (byte b : "* OK slowly, very slowly".getBytes(StandardCharsets.US_ASCII)) {
          out.write(b);
          out.flush();
          Thread.sleep(400); // well within the 5 s read timeout
        }
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    })) {
      MailConnector connector = MailConnector.create(
          TestTls.clientOptions().plaintextAllowed(true).connectDeadline(Duration.ofMillis(1500)).build());
      long start = System.nanoTime();
      assertThatThrownBy(() -> connector.connectStore(settings(Protocol.IMAP, "127.0.0.1", server.port(), Security.NONE), JAN,
              Credentials.password(SECRET)))
          .isInstanceOf(MessagingException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3000));
      server.awaitNoneOpen();
      connector.close();
    }
  }

  @Test
  void aRefusedStartTlsIsNotAWrongPasswordAndNoCredentialLeaves() throws Exception {
    try (ScriptedServer imap = new ScriptedServer("* OK IMAP ready", line -> {
          String tag = line.split(" ")[0];
          if (line.toUpperCase(java.util.Locale.ROOT).contains("CAPABILITY")) {
            return "* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\n" + tag + " OK done";
          }
          if (line.toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
            return tag + " NO not now";
          }
          return tag + " BAD";
        });
        ScriptedServer pop3 = new ScriptedServer("+OK POP3 ready", line -> {
          String command = line.toUpperCase(java.util.Locale.ROOT);
          if (command.startsWith("CAPA")) {
            return "+OK\r\nSTLS\r\nUSER\r\n.";
          }
          if (command.startsWith("STLS")) {
            return "-ERR not now";
          }
          return "-ERR";
        })) {
      MailConnector connector = MailConnector.create(TestTls.clientOptions().build());
      for (ScriptedServer server : List.of(imap, pop3)) {
        Protocol protocol = server == imap ? Protocol.IMAP : Protocol.POP3;
        Candidate candidate = candidate(settings(protocol, "127.0.0.1", server.port(), Security.STARTTLS), Source.LOCAL_FILE, Trust.TRUSTED);
        VerificationOutcome outcome = connector.verify(List.of(candidate), JAN, Credentials.password(SECRET)).outcomes().get(0);
        assertThat(outcome.status()).as(protocol + ": " + outcome).isEqualTo(VerificationStatus.STARTTLS_NOT_OFFERED);
        assertThat(server.received()).as(protocol.toString()).noneSatisfy(line -> assertThat(line).contains(SECRET));
        assertThat(server.received()).noneSatisfy(line -> assertThat(line.toUpperCase(java.util.Locale.ROOT)).startsWith("USER"));
      }
      connector.close();
    }
  }

  @Test
  void anAttemptAbandonedForABetterCandidateNeverLogsInAfterVerifyReturns() throws Exception {
    try (GreenMailServers servers = new GreenMailServers();
        RawServer slow = new RawServer(client -> {
          try {
            Thread.sleep(1500);
            client.getOutputStream().write("* OK late\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            InputStream in = client.getInputStream();
            StringBuilder received = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
              received.append((char) b);
            }
            assertThat(received.toString()).doesNotContain(SECRET);
          } catch (IOException | InterruptedException e) {
            // closed by the client: what this test wants
          }
        })) {
      MailConnector connector = MailConnector.create(TestTls.clientOptions().build());
      ServerSettings good = servers.settings(Protocol.IMAP, Security.IMPLICIT_TLS, GreenMailServers.JAN);
      // The slow candidate ranks first and starts first; the good one answers meanwhile.
      Candidate slowCandidate = candidate(settings(Protocol.IMAP, "127.0.0.1", slow.port(), Security.IMPLICIT_TLS), Source.LOCAL_FILE, Trust.TRUSTED);
      VerificationReport report = connector.verify(List.of(GreenMailServers.candidate(good), slowCandidate),
          EmailAddress.parse(GreenMailServers.JAN), Credentials.password(GreenMailServers.JAN_PASSWORD),
          VerifyOptions.builder().stagger(Duration.ZERO).build());
      assertThat(report.best()).isPresent();
      slow.awaitNoneOpen();
      connector.close();
    }
  }
}
