package org.mailsettings.jakarta;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Dovecot on 127.0.0.1 high ports with a throwaway configuration in a temporary
 * directory: IMAP and POP3 with STARTTLS (the certificate of {@code localhost.p12}), plaintext
 * logins refused before TLS, one user. {@code .ci/run} installs Dovecot from Debian's packages;
 * with {@code CI=true} a missing Dovecot fails the test instead of skipping it.
 */
final class Dovecot implements AutoCloseable {
  static final String USER = "jan@example.cz";
  static final String PASSWORD = "dovecot-secret";

  private final Path directory;
  private final Process process;
  private final int imapPort;
  private final int pop3Port;
  private final String mailOwner;

  private Dovecot(Path directory, Process process, int imapPort, int pop3Port, String mailOwner) {
    this.directory = directory;
    this.process = process;
    this.imapPort = imapPort;
    this.pop3Port = pop3Port;
    this.mailOwner = mailOwner;
  }

  static Path binary() {
    for (String candidate : List.of("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return Path.of("dovecot");
  }

  /** Starts Dovecot, or skips the test when it is not installed (fails under CI=true). */
  static Dovecot start() throws IOException, InterruptedException {
    Path binary = binary();
    boolean installed = Files.isExecutable(binary);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Dovecot is not installed; .ci/run installs it (apt-get install dovecot-imapd dovecot-pop3d)");
    }
    assumeTrue(installed, "Dovecot is not installed; run .ci/run or apt-get install dovecot-imapd dovecot-pop3d");

    Path directory = Files.createTempDirectory("mailsettings-dovecot");
    boolean root = "root".equals(System.getProperty("user.name"));
    String user = root ? "dovecot" : System.getProperty("user.name");
    String loginUser = root ? "dovenull" : user;
    Files.createDirectories(directory.resolve("run"));
    Files.createDirectories(directory.resolve("state"));
    Path home = directory.resolve("home").resolve("jan");
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(home.resolve("Maildir").resolve(sub));
    }
    Files.copy(TestTls.directory().resolve("localhost-chain.pem"), directory.resolve("cert.pem"));
    Files.copy(TestTls.directory().resolve("localhost.key"), directory.resolve("key.pem"));
    Files.writeString(directory.resolve("passwd"), USER + ":{PLAIN}" + PASSWORD + "::::::\n");
    int imapPort = freePort();
    int pop3Port = freePort();
    String config =
        String.join(
            "\n",
            "base_dir = " + directory.resolve("run"),
            "state_dir = " + directory.resolve("state"),
            "log_path = " + directory.resolve("dovecot.log"),
            "info_log_path = " + directory.resolve("dovecot.log"),
            "listen = 127.0.0.1",
            "protocols = imap pop3",
            "ssl = yes",
            "ssl_cert = <" + directory.resolve("cert.pem"),
            "ssl_key = <" + directory.resolve("key.pem"),
            "ssl_min_protocol = TLSv1.2",
            "disable_plaintext_auth = yes",
            "auth_mechanisms = plain login",
            "auth_verbose = yes",
            "auth_failure_delay = 0",
            "default_login_user = " + loginUser,
            "default_internal_user = " + user,
            "default_internal_group = " + user,
            "first_valid_uid = 1",
            "passdb {",
            "  driver = passwd-file",
            "  args = scheme=PLAIN username_format=%u " + directory.resolve("passwd"),
            "}",
            "userdb {",
            "  driver = static",
            "  args = uid=" + user + " gid=" + user + " home=" + home,
            "}",
            "mail_location = maildir:~/Maildir",
            "service imap-login {",
            "  inet_listener imap {",
            "    port = " + imapPort,
            "  }",
            "  inet_listener imaps {",
            "    port = 0",
            "  }",
            "}",
            "service pop3-login {",
            "  inet_listener pop3 {",
            "    port = " + pop3Port,
            "  }",
            "  inet_listener pop3s {",
            "    port = 0",
            "  }",
            "}",
            "service stats {",
            "  unix_listener stats-writer {",
            "    mode = 0666",
            "  }",
            "}",
            "");
    Path configFile = directory.resolve("dovecot.conf");
    Files.writeString(configFile, config);
    if (root) {
      chownRecursively(directory, user);
    }
    Process process =
        new ProcessBuilder(binary.toString(), "-F", "-c", configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("stdout.log").toFile())
            .start();
    Dovecot dovecot = new Dovecot(directory, process, imapPort, pop3Port, user);
    dovecot.awaitListening();
    return dovecot;
  }

  private static void chownRecursively(Path directory, String user) throws IOException {
    UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
    var owner = lookup.lookupPrincipalByName(user);
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.setOwner(path, owner);
      }
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Dovecot exited: " + log());
      }
      if (accepts(imapPort) && accepts(pop3Port)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Dovecot did not start listening: " + log());
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  int imapPort() {
    return imapPort;
  }

  int pop3Port() {
    return pop3Port;
  }

  /** Puts a message straight into the user's mailbox, as local delivery would. */
  void deliver(String message) throws IOException {
    Path file =
        directory.resolve("home/jan/Maildir/new").resolve(System.nanoTime() + ".test." + "localhost");
    Files.writeString(file, message.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    if ("root".equals(System.getProperty("user.name"))) {
      Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(mailOwner));
    }
  }

  /** The server's log: what it saw, logins included. */
  String log() throws IOException {
    Path log = directory.resolve("dovecot.log");
    Path stdout = directory.resolve("stdout.log");
    return (Files.exists(log) ? Files.readString(log) : "") + (Files.exists(stdout) ? Files.readString(stdout) : "");
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
