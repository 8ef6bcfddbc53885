package org.mailsettings.examples.cli;

import java.io.Console;
import java.util.Optional;

/** Asks for a password on the console, without echo. */
public final class ConsolePassword {
  private ConsolePassword() {}

  /**
   * The password typed after {@code prompt}, or empty when there is no console to ask on (output
   * redirected, no terminal) or the user gave none.
   */
  // The code targets Java 17, which has no Console.isTerminal(); a console that is not a terminal
  // (JDK 22+) answers readPassword with null at end of input, which is handled as "no password".
  @SuppressWarnings("SystemConsoleNull")
  public static Optional<String> ask(String prompt) {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    char[] typed = console.readPassword("%s", prompt);
    return typed == null ? Optional.empty() : Optional.of(new String(typed));
  }
}
