/**
 * mailsettings for Jakarta Mail: {@code Properties}, {@code Session}s, connected stores and
 * transports from resolved settings, with safe defaults, and candidates verified by real logins.
 *
 * <p>Exports {@code org.mailsettings.jakarta}; {@code org.mailsettings.jakarta.internal} is an
 * implementation detail.
 */
@org.jspecify.annotations.NullMarked
module org.mailsettings.jakarta {
  requires transitive org.mailsettings.core;
  requires transitive jakarta.mail;
  // SASL OAUTHBEARER for Angus Mail's IMAP and SMTP (javax.security.sasl).
  requires java.security.sasl;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;

  exports org.mailsettings.jakarta;
}
