package org.mailsettings.check;

/**
 * The field of a mail settings form a {@link Finding} concerns, so that an application can show
 * the finding beside it. The library's bundles hold the words mail clients and accounting
 * packages use for each field ("Zabezpečení", "Uživatelské jméno"); see {@link Wording}.
 */
public enum SettingsField {
  /** The e-mail address, with or without a display name. */
  ADDRESS,
  /** The server's host name. */
  HOST,
  /** The port. */
  PORT,
  /** The security: SSL/TLS, STARTTLS or none. */
  SECURITY,
  /** Whether and how the user logs in: "the server requires authentication", password or OAuth 2.0. */
  AUTHENTICATION,
  /** The user name. */
  USERNAME,
  /** The password (or token): what the server said about it. */
  PASSWORD,
  /** The IMAP path prefix, the "IMAP server directory" of some clients. */
  IMAP_PATH_PREFIX
}
