package org.mailsettings;

/**
 * Thrown when a security label (such as {@code "SSL/TLS"} or {@code "Bez zabezpečení"}) is not one
 * the library can read. The message names the label and the labels that are understood.
 */
public final class UnknownSecurityLabelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The label as given. */
  private final String label;

  /**
   * Creates the exception for the given unreadable label.
   *
   * @param label the label as the user typed it
   */
  public UnknownSecurityLabelException(String label) {
    super(
        "Unknown security label \""
            + label
            + "\"; expected one of SSL/TLS, SSL, TLS, STARTTLS, None (or plain), "
            + "Bez zabezpečení, Brez SSL, s SSL, IMPLICIT_TLS");
    this.label = label;
  }

  /** {@return the label as it was given} */
  public String label() {
    return label;
  }
}
