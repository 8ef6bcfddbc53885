package org.mailsettings.check;

/** How bad a {@link Finding} is. */
public enum Severity {
  /** This cannot work: the settings must change. */
  ERROR,
  /** This will probably fail, or it is unsafe. */
  WARNING,
  /** Worth knowing; nothing to change. */
  NOTE;

  /**
   * Whether this is {@link #ERROR}.
   *
   * @return whether this is {@link #ERROR}
   */
  public boolean isError() {
    return this == ERROR;
  }
}
