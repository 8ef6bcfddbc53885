package org.mailsettings;

/**
 * Thrown when server settings are built from values that cannot work: a host that is not a host
 * name or IP address, a port outside 1 to 65535, and the like. The message names the value.
 */
public final class InvalidSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the bad value.
   *
   * @param message what is wrong and what to fix
   */
  public InvalidSettingsException(String message) {
    super(message);
  }
}
