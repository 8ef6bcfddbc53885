package org.mailsettings.examples.cli;

/** {@code HOST[:PORT]} as options take it: IPv4, bracketed IPv6 ({@code [::1]:5353}) or bare IPv6. */
record HostPort(String host, int port) {

  /**
   * Parses the option's value.
   *
   * @throws IllegalArgumentException with a message naming the option when the value is malformed
   */
  static HostPort parse(String value, int defaultPort, String option) {
    String text = value.strip();
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(option + " wants HOST[:PORT] or [IPv6]:PORT, not " + value);
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException(option + " wants HOST[:PORT] or [IPv6]:PORT, not " + value);
        }
        port = rest.substring(1);
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    }
    int number = defaultPort;
    if (port != null) {
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " wants a port number after the colon, not " + value);
      }
    }
    if (host.isEmpty() || number < 1 || number > 65535) {
      throw new IllegalArgumentException(option + " wants HOST[:PORT] with a port of 1 to 65535, not " + value);
    }
    return new HostPort(host, number);
  }
}
