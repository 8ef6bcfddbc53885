package org.mailsettings.examples.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar mailsettings.jar}. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(MailSettingsCommand.commandLine().execute(args));
  }
}
