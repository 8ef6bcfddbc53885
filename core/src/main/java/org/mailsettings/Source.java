package org.mailsettings;

import java.util.List;
import java.util.Locale;

/**
 * Where a {@link Candidate} came from: a kind of source, such as the bundled database, autoconfig
 * over HTTPS or DNS SRV records.
 *
 * <p>Provenance only: how discovery ranks the answers of different sources is the library's own
 * business and is not the order of these constants, so that a new source or database layer
 * (added in a later version) changes neither the rank of existing ones nor code that looks at
 * sources. Compare sources with {@code ==} or {@link #equals}; do not switch over them
 * exhaustively, as {@link #values()} may grow.
 */
public final class Source {
  /** A provider file from a directory or classpath location the application gave (autoconfig 4.x). */
  public static final Source LOCAL_FILE = new Source("LOCAL_FILE", "application's provider files");
  /** The provider files curated for this library and bundled with it. */
  public static final Source BUNDLED_DATABASE = new Source("BUNDLED_DATABASE", "bundled database");
  /**
   * The snapshot of Thunderbird's ISPDB bundled with this library: known offline, trusted like
   * the bundled database; its date is in the notes ("ISPDB snapshot of 2026-03-12").
   */
  public static final Source ISPDB_SNAPSHOT = new Source("ISPDB_SNAPSHOT", "bundled ISPDB snapshot");
  /**
   * PACC: the JSON document at {@code https://ua-auto-config.<domain>/.well-known/user-agent-configuration.json},
   * used only when its SHA-256 digest is among the domain's {@code _ua-auto-config} TXT records
   * (draft-ietf-mailmaint-pacc-03, the standards-track successor of autoconfig).
   */
  public static final Source PACC = new Source("PACC", "PACC configuration");
  /** {@code https://autoconfig.<domain>/mail/config-v1.1.xml} (autoconfig draft 1.1). */
  public static final Source AUTOCONFIG = new Source("AUTOCONFIG", "autoconfig over HTTPS");
  /** {@code https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml} (draft 1.2). */
  public static final Source WELL_KNOWN = new Source("WELL_KNOWN", "well-known autoconfig over HTTPS");
  /** The central database of mail providers, the ISPDB, asked over the network (draft 2.1). */
  public static final Source ISPDB = new Source("ISPDB", "central database (ISPDB)");
  /** {@code http://autoconfig.<domain>/...} over plain HTTP (draft 1.3): forgeable. */
  public static final Source AUTOCONFIG_HTTP = new Source("AUTOCONFIG_HTTP", "autoconfig over plain HTTP");
  /** Found through the domain's MX host: a hoster rule, or autoconfig or the ISPDB for the MX domain (3.x). */
  public static final Source MX = new Source("MX", "MX record");
  /** DNS SRV records (RFC 6186, RFC 8314). */
  public static final Source SRV = new Source("SRV", "DNS SRV records");
  /** Microsoft Autodiscover (POX). */
  public static final Source AUTODISCOVER = new Source("AUTODISCOVER", "Microsoft Autodiscover");
  /**
   * A host name taken from a server's certificate by the {@link org.mailsettings.probe.Prober}:
   * the certificate did not fit the probed host but named another that points to the same
   * address. Not a discovery source: a proposal made after the fact.
   */
  public static final Source PROBE = new Source("PROBE", "certificate of a probed server");
  /** What the user typed into a settings form (the settings check's input). Not a discovery source. */
  public static final Source USER_INPUT = new Source("USER_INPUT", "settings typed by the user");
  /** A name made up from the domain ({@code imap.}, {@code mail.}, …) that nobody vouched for. */
  public static final Source GUESS = new Source("GUESS", "guess");

  private static final List<Source> VALUES =
      List.of(LOCAL_FILE, BUNDLED_DATABASE, ISPDB_SNAPSHOT, PACC, AUTOCONFIG, WELL_KNOWN, ISPDB, AUTOCONFIG_HTTP, MX, SRV,
          AUTODISCOVER, PROBE, USER_INPUT, GUESS);

  /** The sources discovery can be asked to use (see {@link DiscoveryOptions#sources()}). */
  private static final List<Source> DISCOVERY_SOURCES =
      List.of(LOCAL_FILE, BUNDLED_DATABASE, ISPDB_SNAPSHOT, PACC, AUTOCONFIG, WELL_KNOWN, ISPDB, AUTOCONFIG_HTTP, MX, SRV,
          AUTODISCOVER, GUESS);

  private final String name;
  private final String description;

  private Source(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** {@return every source this version knows, in no meaningful order beyond being stable} */
  public static List<Source> values() {
    return VALUES;
  }

  /** {@return the sources a discovery can consult: every one but {@link #PROBE} and {@link #USER_INPUT}} */
  public static List<Source> discoverySources() {
    return DISCOVERY_SOURCES;
  }

  /**
   * {@return the source of this name ({@code "AUTOCONFIG"}, case-insensitive)}
   *
   * @param name the constant's name, such as {@code LOCAL_FILE}
   * @throws IllegalArgumentException if no source has that name
   */
  public static Source valueOf(String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    for (Source source : VALUES) {
      if (source.name.equals(upper)) {
        return source;
      }
    }
    throw new IllegalArgumentException("No source is named \"" + name + "\"; known: " + VALUES);
  }

  /** {@return the stable name, such as {@code BUNDLED_DATABASE}, for configuration and JSON} */
  public String name() {
    return name;
  }

  /** {@return a short description for people, such as "bundled database"} */
  public String description() {
    return description;
  }

  /** The {@linkplain #name() name}. */
  @Override
  public String toString() {
    return name;
  }
}
