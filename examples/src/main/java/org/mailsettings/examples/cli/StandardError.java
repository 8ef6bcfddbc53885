package org.mailsettings.examples.cli;

import java.util.Map;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether standard error is a terminal, which Java itself cannot tell ({@code System.console()}
 * speaks of standard input and output, and a list is piped in). JLine's exec provider asks the
 * system once ({@code test -t 2} and the like, a few tens of milliseconds); where it cannot (such as
 * Windows without a POSIX shell), the answer is no, and no progress bar is drawn.
 */
final class StandardError {
  private StandardError() {}

  static boolean isTerminal() {
    try {
      return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
    } catch (Exception | LinkageError e) {
      return false; // cannot tell: no bar rather than control characters in a log file
    }
  }

  /** The terminal's width from {@code COLUMNS}, else 80. */
  static int width(Map<String, String> environment) {
    String columns = environment.get("COLUMNS");
    if (columns != null && columns.matches("[0-9]{2,4}")) {
      return Math.min(Integer.parseInt(columns), 300);
    }
    return 80;
  }
}
