package org.mailsettings.examples.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar mailsettings.jar}. */
public final class Main {
  private static final String COMMON_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // With two cores or fewer the common pool has one thread, and CompletableFuture then starts
    // a new thread for every task handed to its default executor: the JDK's HTTP client hands it
    // every response. A bulk run of 2,000 domains started 10,000 threads so, and spent a third of
    // its CPU on them. An application may size the common pool (before anything uses it); a
    // library may not, so the command line does it here, unless told otherwise.
    if (System.getProperty(COMMON_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(COMMON_PARALLELISM, "2");
    }
    System.exit(MailSettingsCommand.commandLine().execute(args));
  }
}
