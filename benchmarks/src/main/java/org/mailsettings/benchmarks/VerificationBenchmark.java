package org.mailsettings.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.testing.DelayingProxy;
import org.mailsettings.testing.ScriptedServer;
import org.mailsettings.testing.TestTls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification of six IMAP candidates against GreenMail on loopback: a closed port, the best one
 * behind a 200 ms delay (the slowest that answers), three direct ones, and a silent one.
 * {@code slowestAlone} verifies the slowest answering candidate by itself; the ratio of the two
 * is the cost of verifying six at once.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
@State(Scope.Benchmark)
public class VerificationBenchmark {
  private GreenMail greenMail;
  private DelayingProxy slow;
  private ScriptedServer silent;
  private MailConnector connector;
  private List<Candidate> six;
  private List<Candidate> slowest;
  private final EmailAddress address = EmailAddress.parse("jan@example.cz");
  private final Credentials password = Credentials.password("secret");
  private final VerifyOptions verifyOptions = VerifyOptions.builder().parallelism(6).stagger(Duration.ofMillis(10)).build();

  private static Candidate imaps(int port) {
    return Candidate.of(
        ServerSettings.builder().protocol(Protocol.IMAP).host("localhost").port(port).security(Security.IMPLICIT_TLS)
            .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT).username("jan@example.cz").build(),
        Source.LOCAL_FILE, Trust.TRUSTED, Note.of(NoteCode.FROM_PROVIDER_DOMAIN, "benchmark", "GreenMail", "example.cz"));
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    System.setProperty("mailsettings.tls", System.getProperty("mailsettings.tls", "core/src/test/resources/tls"));
    System.setProperty("greenmail.tls.keystore.file", TestTls.directory().resolve("localhost.p12").toString());
    System.setProperty("greenmail.tls.keystore.password", "changeit");
    System.setProperty("greenmail.tls.key.password", "changeit");
    greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort());
    greenMail.start();
    greenMail.setUser("jan@example.cz", "jan@example.cz", "secret");
    int imaps = greenMail.getImaps().getPort();
    slow = new DelayingProxy(imaps, Duration.ofMillis(200));
    silent = ScriptedServer.silent();
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      closed = socket.getLocalPort();
    }
    connector = MailConnector.create(MailOptions.builder().sslContext(TestTls.client()).readTimeout(Duration.ofSeconds(3)).build());
    six = List.of(imaps(closed), imaps(slow.port()), imaps(imaps), imaps(imaps), imaps(imaps), imaps(silent.port()));
    slowest = List.of(imaps(slow.port()));
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    slow.close();
    silent.close();
    greenMail.stop();
  }

  @Benchmark
  public VerificationReport sixCandidates() {
    VerificationReport report = connector.verify(six, address, password, verifyOptions);
    if (report.best().isEmpty() || !report.best().get().candidate().equals(six.get(1))) {
      throw new IllegalStateException("unexpected best: " + report.outcomes());
    }
    return report;
  }

  @Benchmark
  public VerificationReport slowestAlone() {
    VerificationReport report = connector.verify(slowest, address, password, verifyOptions);
    if (report.best().isEmpty()) {
      throw new IllegalStateException("unexpected: " + report.outcomes());
    }
    return report;
  }
}
