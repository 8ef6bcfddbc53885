package org.mailsettings.examples.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The settings dialog in a real window on a real X server: starts Xvfb on a free display, runs
 * {@link DialogWindowScenarios} (typing, clicking, test connection against GreenMail on
 * 127.0.0.1) in a JVM of its own with {@code DISPLAY} set to it (a JVM's display cannot change
 * once it runs), and saves the dialog's screenshots under {@code target/dialog-window/}.
 *
 * <p>Without Xvfb (on the PATH, or where {@code -Dmailsettings.xvfb} says) the test is skipped,
 * with a message saying so, except in CI ({@code CI=true}), where it must run: there it fails.
 */
class EmailAccountDialogWindowTest {
  /** The system property that names the Xvfb program to run (found on the PATH without it). */
  static final String XVFB_PROPERTY = "mailsettings.xvfb";
  private static final long XVFB_START_SECONDS = 30;
  private static final long SCENARIOS_MINUTES = 4;

  @Test
  void theDialogWorksInARealWindow() throws Exception {
    String named = System.getProperty(XVFB_PROPERTY, "");
    Optional<Path> xvfb = named.isEmpty() ? onPath("Xvfb") : Optional.of(Path.of(named)).filter(Files::isExecutable);
    if (xvfb.isEmpty()) {
      String missing = "Xvfb is not installed (Debian: apt-get install -y xvfb), so the settings dialog's window test cannot run";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(missing + "; CI=true: .ci/run installs it");
      }
      Assumptions.abort(missing + "; skipped (not in CI)");
    }
    Path directory = Path.of("target", "dialog-window").toAbsolutePath();
    Files.createDirectories(directory);
    // -displayfd 1: Xvfb picks a free display number and writes it on its standard output.
    Process server = new ProcessBuilder(xvfb.get().toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
        .redirectError(directory.resolve("xvfb.log").toFile())
        .start();
    try {
      String display = ":" + displayNumber(server);
      Path log = directory.resolve("scenarios.log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Djava.awt.headless=false",
          "-Dawt.useSystemAAFontSettings=on",
          "-D" + DialogWindowScenarios.SCREENSHOTS_PROPERTY + "=" + directory,
          "-Dmailsettings.tls=" + System.getProperty("mailsettings.tls", "src/test/resources/tls"),
          "-cp", System.getProperty("java.class.path"),
          DialogWindowScenariosMain.class.getName()));
      ProcessBuilder scenarios = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      scenarios.environment().put("DISPLAY", display);
      Process run = scenarios.start();
      boolean ended = run.waitFor(SCENARIOS_MINUTES, TimeUnit.MINUTES);
      if (!ended) {
        run.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(ended).as("the scenarios ended within %d minutes:%n%s", SCENARIOS_MINUTES, output).isTrue();
      assertThat(run.exitValue()).as("the scenarios on display %s:%n%s", display, output).isZero();
      assertThat(directory.resolve("email-account-dialog.png")).isNotEmptyFile();
      assertThat(directory.resolve("email-account-dialog-oauth.png")).isNotEmptyFile();
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
  }

  /** The display Xvfb chose, read from its standard output. */
  private static String displayNumber(Process server) throws Exception {
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        String read = out.readLine();
        return read == null ? "" : read.strip();
      } catch (IOException e) {
        return "";
      }
    });
    String number = line.get(XVFB_START_SECONDS, TimeUnit.SECONDS);
    assertThat(number).as("Xvfb's display number (see target/dialog-window/xvfb.log)").matches("\\d+");
    return number;
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
        .filter(p -> !p.isEmpty())
        .map(p -> Path.of(p, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
