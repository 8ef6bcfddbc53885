package org.mailsettings;

/**
 * Where a {@link Candidate} came from. The constants are listed from the most to the least
 * authoritative; when two sources vouch for the same server, the earlier one is its primary source.
 */
public enum Source {
  /** A provider file from a directory or classpath location the application gave (autoconfig 4.x). */
  LOCAL_FILE("local provider file"),
  /** The provider database bundled with this library. */
  BUNDLED_DATABASE("bundled database"),
  /** A name made up from the domain ({@code imap.}, {@code mail.}, …) that nobody vouched for. */
  GUESS("guess");

  private final String description;

  Source(String description) {
    this.description = description;
  }

  /** A short description for people, such as "bundled database". */
  public String description() {
    return description;
  }
}
