package org.mailsettings.jakarta;

/**
 * Thrown when settings would send credentials without encryption and the {@link MailOptions} do
 * not allow plaintext. The library never downgrades to plaintext on its own; an application that
 * really wants it (an internal relay) says so with {@link MailOptions#plaintextAllowed()}.
 */
public final class InsecureSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the server.
   *
   * @param message what is wrong and what to fix
   */
  public InsecureSettingsException(String message) {
    super(message);
  }
}
