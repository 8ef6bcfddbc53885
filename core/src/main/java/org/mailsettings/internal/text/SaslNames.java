package org.mailsettings.internal.text;

/** SASL mechanism names (RFC 4422), as provider files and servers' capability lists give them. */
public final class SaslNames {
  private SaslNames() {}

  /**
   * Whether {@code name} is a SASL mechanism name: 1 to 20 of A-Z, 0-9, hyphen and underscore. A
   * loop, not a regular expression: provider files are read at start-up, and the first pattern of
   * a process loads the regex engine.
   */
  public static boolean isMechanismName(String name) {
    if (name.isEmpty() || name.length() > 20) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
