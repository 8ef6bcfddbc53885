package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MailSettingsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = MailSettingsCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void printsATableForVizus() {
    assertThat(run("--offline", "info@vizus.cz")).isZero();
    String table = out.toString();
    assertThat(table).contains("VIZUS");
    assertThat(table).containsPattern("IMAP +1 +mail\\.vizus\\.cz +993 +IMPLICIT_TLS");
    assertThat(table).containsPattern("IMAP +2 +mail\\.vizus\\.cz +143 +STARTTLS");
    assertThat(table).containsPattern("SMTP +1 +smtp\\.vizus\\.cz +465");
    assertThat(table).containsPattern("SMTP +2 +smtp\\.vizus\\.cz +587");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsOneJsonLinePerAddress() {
    assertThat(run("--json", "--mx", "firma--cz.mx.spoje.net", "jan@firma.cz", "x@gmail.com")).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("{\"address\":\"jan@firma.cz\",\"provider\":{\"id\":\"spoje.net\",\"name\":\"SPOJE.NET\"")
        .contains(
            "{\"protocol\":\"IMAP\",\"host\":\"firma--cz.mx.spoje.net\",\"port\":993,\"security\":\"IMPLICIT_TLS\","
                + "\"username\":\"jan@firma.cz\",\"auth\":[\"password-cleartext\"],\"source\":\"BUNDLED_DATABASE\","
                + "\"trust\":\"NEEDS_CONFIRMATION\"")
        .contains("\"port\":25,");
    assertThat(lines.get(1)).contains("\"auth\":[\"OAuth2\",\"password-cleartext\"]");
  }

  @Test
  void anUnknownProviderGivesNullAndGuesses() {
    assertThat(run("--offline", "--json", "jan@unknown-firma.cz")).isZero();
    assertThat(out.toString())
        .contains("\"provider\":null")
        .contains("\"source\":\"GUESS\",\"trust\":\"UNVERIFIED\"")
        .doesNotContain("\"security\":\"NONE\"");
  }

  @Test
  void badInputExitsTwoWithOneLineOnStderr() {
    assertThat(run("not-an-address")).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "mailsettings: Invalid e-mail address \"not-an-address\": it has no '@' between the mailbox and the domain");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void severalAddressesEachGetTheirLineAndTheWorstStatusWins() {
    assertThat(run("--json", "info@vizus.cz", "broken", "x@gmail.com")).isEqualTo(2);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("{\"address\":\"broken\",\"error\":");
  }

  @Test
  void nothingResolvedExitsThree() {
    assertThat(run("--exclude", "imap", "--exclude", "pop3", "--exclude", "smtp", "info@vizus.cz")).isEqualTo(3);
    assertThat(out.toString()).contains("no candidates");
  }

  @Test
  void readsAddressesFromStandardInput() {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream("info@vizus.cz\n\n# comment\nx@gmail.com\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(run("--json", "-")).isZero();
    } finally {
      System.setIn(original);
    }
    assertThat(out.toString().lines()).hasSize(2);
  }

  @Test
  void providerFilesFromADirectoryComeFirst(@TempDir Path directory) throws Exception {
    Files.writeString(
        directory.resolve("own.xml"),
        "<clientConfig><emailProvider id=\"own\"><domain>vizus.cz</domain>"
            + "<outgoingServer type=\"smtp\"><hostname>relay.example</hostname><port>587</port>"
            + "<socketType>STARTTLS</socketType><authentication>password-cleartext</authentication></outgoingServer></emailProvider></clientConfig>");
    assertThat(run("--json", "--providers", directory.toString(), "info@vizus.cz")).isZero();
    assertThat(out.toString()).contains("\"host\":\"relay.example\"").contains("\"source\":\"LOCAL_FILE\"");
  }

  @Test
  void aBrokenProviderDirectoryIsBadInput(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("broken.xml"), "<clientConfig>");
    assertThat(run("--providers", directory.toString(), "info@vizus.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("broken.xml");
  }

  @Test
  void unknownOptionsAreBadInput() {
    assertThat(run("--frobnicate", "info@vizus.cz")).isEqualTo(2);
    assertThat(err.toString()).contains("--frobnicate");
  }

  @Test
  void plaintextOnlyWhenAsked() {
    assertThat(run("--json", "--mx", "s1.avant.si", "--allow-plaintext", "a@firma.si")).isZero();
    assertThat(out.toString()).contains("\"security\":\"NONE\"");
  }

  @Test
  void aLineThatIsNotUtf8OrTooLongIsAnErrorRecordAndTheOthersAreAnswered() {
    InputStream original = System.in;
    java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
    input.writeBytes("info@vizus.cz\n".getBytes(StandardCharsets.UTF_8));
    input.writeBytes(new byte[] {'j', 'a', 'n', '@', (byte) 0xC3, (byte) 0x28, '.', 'c', 'z', '\n'});
    input.writeBytes("a".repeat(3_000_000).getBytes(StandardCharsets.US_ASCII));
    input.writeBytes("\nx@gmail.com\n".getBytes(StandardCharsets.UTF_8));
    try {
      System.setIn(new ByteArrayInputStream(input.toByteArray()));
      assertThat(run("--json", "-")).isEqualTo(2);
    } finally {
      System.setIn(original);
    }
    List<String> lines = out.toString().lines().collect(java.util.stream.Collectors.toList());
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).contains("\"address\":\"info@vizus.cz\"");
    assertThat(lines.get(1)).contains("\"error\":\"line 2 is not valid UTF-8\"");
    assertThat(lines.get(2)).contains("line 3 is longer than");
    assertThat(lines.get(3)).contains("\"address\":\"x@gmail.com\"");
  }

  @Test
  void standardInputIsAnsweredAsItStreams() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path")
        + (System.getProperty("jdk.module.path") == null ? "" : java.io.File.pathSeparator + System.getProperty("jdk.module.path"));
    Process process = new ProcessBuilder(javaBin, "-Xmx48m", "-cp", classPath,
        Main.class.getName(), "--offline", "--format", "csv", "--quiet", "-").redirectErrorStream(false).start();
    var stdin = process.getOutputStream();
    try (var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      stdin.write("info@vizus.cz\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      // The first answer comes while the input is still open: nothing waits for the end of it.
      assertThat(stdout.readLine()).startsWith("index,address,status");
      assertThat(stdout.readLine()).startsWith("0,info@vizus.cz,found,,VIZUS,IMAP,mail.vizus.cz,993,IMPLICIT_TLS");
      // A hundred thousand more within the small heap (a list held in memory would not fit).
      byte[] chunk = "jan@firma.cz\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
      java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
      Thread reader = new Thread(() -> {
        try {
          while (stdout.readLine() != null) {
            answered.incrementAndGet();
          }
        } catch (java.io.IOException e) {
          // closed
        }
      });
      reader.start();
      for (int i = 0; i < 10; i++) {
        stdin.write(chunk);
      }
      stdin.close();
      assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      assertThat(answered).hasValue(100_000);
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).isZero();
  }
}
