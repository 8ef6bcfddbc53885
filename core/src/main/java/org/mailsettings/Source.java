package org.mailsettings;

/**
 * Where a {@link Candidate} came from. The constants are listed from the most to the least
 * authoritative, which is also the order in which discovery prefers their answers; when two
 * sources vouch for the same server, the earlier one is its primary source.
 */
public enum Source {
  /** A provider file from a directory or classpath location the application gave (autoconfig 4.x). */
  LOCAL_FILE("local provider file"),
  /** The provider database bundled with this library. */
  BUNDLED_DATABASE("bundled database"),
  /** {@code https://autoconfig.<domain>/mail/config-v1.1.xml} (autoconfig draft 1.1). */
  AUTOCONFIG("autoconfig over HTTPS"),
  /** {@code https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml} (draft 1.2). */
  WELL_KNOWN("well-known autoconfig over HTTPS"),
  /** The central database of mail providers, the ISPDB (draft 2.1). */
  ISPDB("central database (ISPDB)"),
  /**
   * {@code http://autoconfig.<domain>/...} over plain HTTP (draft 1.3). Forgeable, so ranked
   * below the HTTPS sources and the ISPDB, unlike the draft's numbering.
   */
  AUTOCONFIG_HTTP("autoconfig over plain HTTP"),
  /** Found through the domain's MX host: a hoster rule, or autoconfig or the ISPDB for the MX domain (3.x). */
  MX("MX record"),
  /** DNS SRV records (RFC 6186, RFC 8314). */
  SRV("DNS SRV records"),
  /** Microsoft Autodiscover (POX). */
  AUTODISCOVER("Microsoft Autodiscover"),
  /**
   * A host name taken from a server's certificate by the {@link org.mailsettings.probe.Prober}:
   * the certificate did not fit the probed host but named another that points to the same
   * address.
   */
  PROBE("certificate of a probed server"),
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
