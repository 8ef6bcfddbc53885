package org.mailsettings.jakarta.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mailsettings.testing.TestTls;

/**
 * A real Dovecot on 127.0.0.1 high ports with a throwaway configuration in a temporary
 * directory: IMAP and POP3 with STARTTLS (the certificate of {@code localhost.p12}), plaintext
 * logins refused before TLS, one user. {@code .ci/run} installs Dovecot from Debian's packages;
 * with {@code CI=true} a missing Dovecot fails the test instead of skipping it.
 *
 * <p>{@link #builder()} adds what other tests need: an {@code oauth2} passdb that checks XOAUTH2
 * and OAUTHBEARER tokens by introspection at an authorization server, and a submission (SMTP,
 * STARTTLS) listener that relays accepted messages to an SMTP server on loopback.
 */
public final class Dovecot implements AutoCloseable {
  /** The one user's address and login name. */
  public static final String USER = "jan@example.cz";
  /** The one user's password (for the password passdb). */
  public static final String PASSWORD = "dovecot-secret";

  private final Path directory;
  private final Process process;
  private final int imapPort;
  private final int pop3Port;
  private final int submissionPort;
  private final String mailOwner;

  private Dovecot(Path directory, Process process, int imapPort, int pop3Port, int submissionPort, String mailOwner) {
    this.directory = directory;
    this.process = process;
    this.imapPort = imapPort;
    this.pop3Port = pop3Port;
    this.submissionPort = submissionPort;
    this.mailOwner = mailOwner;
  }

  /** Where the Dovecot binary is. */
  public static Path binary() {
    for (String candidate : List.of("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return Path.of("dovecot");
  }

  /** Starts the plain Dovecot (password logins, IMAP and POP3), or skips the test when it is not installed. */
  public static Dovecot start() throws IOException, InterruptedException {
    return builder().start();
  }

  /** A builder for a Dovecot with more than IMAP, POP3 and passwords. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the Dovecot offers beyond IMAP and POP3 with passwords. */
  public static final class Builder {
    private @Nullable URI introspectionUrl;
    private @Nullable Path introspectionCa;
    private @Nullable URI openidConfiguration;
    private int relayPort;

    private Builder() {}

    /**
     * Logins with OAuth 2.0 tokens only ({@code auth_mechanisms = xoauth2 oauthbearer}): each
     * token is checked at {@code introspectionUrl} (RFC 7662, POST; put the client credentials
     * the authorization server wants in its user part), whose TLS certificate must be signed by
     * the authority in {@code caFile}. The introspection answer's {@code sub} is the user and
     * must say {@code "active": true} (and {@code "token_type": "Bearer"}).
     */
    public Builder oauth2(URI introspectionUrl, Path caFile) {
      this.introspectionUrl = Objects.requireNonNull(introspectionUrl, "introspectionUrl");
      this.introspectionCa = Objects.requireNonNull(caFile, "caFile");
      return this;
    }

    /**
     * With {@link #oauth2}: a refused token's error (RFC 7628 section 3.2.2) names {@code url} as
     * its {@code openid-configuration} (Dovecot's {@code openid_configuration_url}).
     */
    public Builder openidConfiguration(URI url) {
      this.openidConfiguration = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * A submission listener (STARTTLS, login required) that relays every accepted message to
     * the SMTP server on 127.0.0.1:{@code relayPort} (plain SMTP, no login). Needs Debian's
     * {@code dovecot-submissiond}.
     */
    public Builder submission(int relayPort) {
      this.relayPort = relayPort;
      return this;
    }

    /** Starts Dovecot, or skips the test when it is not installed (fails under CI=true). */
    public Dovecot start() throws IOException, InterruptedException {
      Path binary = binary();
      boolean installed = Files.isExecutable(binary);
      requireInstalled(installed, "Dovecot is not installed; run .ci/run or apt-get install dovecot-imapd dovecot-pop3d dovecot-submissiond");
      if (relayPort != 0) {
        boolean submission =
            Files.isExecutable(Path.of("/usr/lib/dovecot/submission"))
                || Files.isExecutable(Path.of("/usr/libexec/dovecot/submission"));
        requireInstalled(submission, "Dovecot's submission service is not installed; run .ci/run or apt-get install dovecot-submissiond");
      }

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
      int submissionPort = relayPort == 0 ? 0 : freePort();
      List<String> lines = new ArrayList<>(List.of(
          "base_dir = " + directory.resolve("run"),
          "state_dir = " + directory.resolve("state"),
          "log_path = " + directory.resolve("dovecot.log"),
          "info_log_path = " + directory.resolve("dovecot.log"),
          "listen = 127.0.0.1",
          "protocols = imap pop3" + (relayPort == 0 ? "" : " submission"),
          "ssl = yes",
          "ssl_cert = <" + directory.resolve("cert.pem"),
          "ssl_key = <" + directory.resolve("key.pem"),
          "ssl_min_protocol = TLSv1.2",
          "disable_plaintext_auth = yes",
          "auth_verbose = yes",
          "auth_failure_delay = 0",
          "default_login_user = " + loginUser,
          "default_internal_user = " + user,
          "default_internal_group = " + user,
          "first_valid_uid = 1"));
      URI introspection = introspectionUrl;
      Path ca = introspectionCa;
      if (introspection != null && ca != null) {
        Files.copy(ca, directory.resolve("oauth2-ca.pem"));
        // Dovecot 2.3's oauth2 passdb; see the field notes for the two traps (token_type, client credentials).
        Files.writeString(
            directory.resolve("dovecot-oauth2.conf.ext"),
            String.join(
                "\n",
                "introspection_mode = post",
                "introspection_url = " + introspection,
                "tls_ca_cert_file = " + directory.resolve("oauth2-ca.pem"),
                "username_attribute = sub",
                "active_attribute = active",
                "active_value = true",
                "force_introspection = yes",
                openidConfiguration == null ? "" : "openid_configuration_url = " + openidConfiguration,
                ""));
        lines.addAll(List.of(
            "auth_mechanisms = xoauth2 oauthbearer",
            "passdb {",
            "  driver = oauth2",
            "  mechanisms = xoauth2 oauthbearer",
            "  args = " + directory.resolve("dovecot-oauth2.conf.ext"),
            "}"));
      } else {
        lines.addAll(List.of(
            "auth_mechanisms = plain login",
            "passdb {",
            "  driver = passwd-file",
            "  args = scheme=PLAIN username_format=%u " + directory.resolve("passwd"),
            "}"));
      }
      lines.addAll(List.of(
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
          "}"));
      if (relayPort != 0) {
        lines.addAll(List.of(
            "hostname = localhost",
            "submission_relay_host = 127.0.0.1",
            "submission_relay_port = " + relayPort,
            "submission_relay_trusted = yes",
            "service submission-login {",
            "  inet_listener submission {",
            "    port = " + submissionPort,
            "  }",
            "}"));
      }
      lines.add("");
      Path configFile = directory.resolve("dovecot.conf");
      Files.writeString(configFile, String.join("\n", lines));
      if (root) {
        chownRecursively(directory, user);
      }
      Process process =
          new ProcessBuilder(binary.toString(), "-F", "-c", configFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("stdout.log").toFile())
              .start();
      Dovecot dovecot = new Dovecot(directory, process, imapPort, pop3Port, submissionPort, user);
      dovecot.awaitListening();
      return dovecot;
    }
  }

  private static void requireInstalled(boolean installed, String message) {
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message);
    }
    assumeTrue(installed, message);
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
      if (accepts(imapPort) && accepts(pop3Port) && (submissionPort == 0 || accepts(submissionPort))) {
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

  /** The IMAP (STARTTLS) port. */
  public int imapPort() {
    return imapPort;
  }

  /** The POP3 (STARTTLS) port. */
  public int pop3Port() {
    return pop3Port;
  }

  /** The submission (STARTTLS) port; 0 without {@link Builder#submission(int)}. */
  public int submissionPort() {
    return submissionPort;
  }

  /** Puts a message straight into the user's mailbox, as local delivery would. */
  public void deliver(String message) throws IOException {
    Path file =
        directory.resolve("home/jan/Maildir/new").resolve(System.nanoTime() + ".test." + "localhost");
    Files.writeString(file, message.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    if ("root".equals(System.getProperty("user.name"))) {
      Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(mailOwner));
    }
  }

  /** The server's log: what it saw, logins included. */
  public String log() throws IOException {
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
