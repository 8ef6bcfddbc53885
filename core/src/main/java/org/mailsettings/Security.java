package org.mailsettings;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a connection to a mail server is protected.
 *
 * <p>Mail clients, hosters' help pages and accounting packages name these modes in many ways, and
 * "SSL" and "TLS" there name the connection method, not a protocol version. {@link
 * #fromLabel(String, int)} reads those labels and uses the port to settle the ambiguous ones.
 */
public enum Security {
  /** TLS from the first byte, on a dedicated port (993, 995, 465); preferred by RFC 8314. */
  IMPLICIT_TLS("SSL"),
  /** A plaintext connection upgraded with STARTTLS before anything else is sent; mandatory. */
  STARTTLS("STARTTLS"),
  /** No encryption at all. Never chosen silently; see {@link ResolutionPolicy#allowPlaintext()}. */
  NONE("plain");

  /** Compiled on first use: reading labels is rare, loading the enum is not. */
  private static final class Patterns {
    static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    static final Pattern SPACES = Pattern.compile("[\\s_]+");
  }

  /** What a label says, before the port is taken into account. */
  private enum Reading {
    IMPLICIT,
    STARTTLS,
    NONE,
    /** "SSL", "SSL/TLS" and the like: encrypted, implicit TLS unless the port says STARTTLS. */
    ENCRYPTED_PREFER_IMPLICIT,
    /** "TLS" as accounting software and mail clients use it: STARTTLS unless the port says implicit. */
    ENCRYPTED_PREFER_STARTTLS
  }

  // Keys are normalised: lower case, without diacritics, single spaces.
  private static final Map<String, Reading> LABELS =
      Map.ofEntries(
          Map.entry("implicit tls", Reading.IMPLICIT),
          Map.entry("implicit ssl", Reading.IMPLICIT),
          Map.entry("ssl on connect", Reading.IMPLICIT),
          Map.entry("starttls", Reading.STARTTLS),
          Map.entry("start tls", Reading.STARTTLS),
          Map.entry("start-tls", Reading.STARTTLS),
          Map.entry("explicit tls", Reading.STARTTLS),
          Map.entry("explicit ssl", Reading.STARTTLS),
          Map.entry("none", Reading.NONE),
          Map.entry("plain", Reading.NONE),
          Map.entry("plaintext", Reading.NONE),
          Map.entry("no", Reading.NONE),
          Map.entry("off", Reading.NONE),
          Map.entry("unencrypted", Reading.NONE),
          Map.entry("no encryption", Reading.NONE),
          Map.entry("no ssl", Reading.NONE),
          // Czech, Slovak, Slovenian, German.
          Map.entry("bez zabezpeceni", Reading.NONE),
          Map.entry("zadne", Reading.NONE),
          Map.entry("bez sifrovani", Reading.NONE),
          Map.entry("bez zabezpecenia", Reading.NONE),
          Map.entry("ziadne", Reading.NONE),
          Map.entry("brez ssl", Reading.NONE),
          Map.entry("brez", Reading.NONE),
          Map.entry("brez sifriranja", Reading.NONE),
          Map.entry("keine", Reading.NONE),
          Map.entry("ssl", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("ssl/tls", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("tls/ssl", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("ssl tls", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("s ssl", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("z ssl", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("encrypted", Reading.ENCRYPTED_PREFER_IMPLICIT),
          Map.entry("tls", Reading.ENCRYPTED_PREFER_STARTTLS));

  private final String autoconfigName;

  Security(String autoconfigName) {
    this.autoconfigName = autoconfigName;
  }

  /** {@return the autoconfig {@code socketType} value: {@code SSL}, {@code STARTTLS} or {@code plain}} */
  public String autoconfigName() {
    return autoconfigName;
  }

  /** {@return whether the connection is encrypted before any credential is sent} */
  public boolean isEncrypted() {
    return this != NONE;
  }

  /**
   * Reads an autoconfig {@code socketType} value ({@code SSL}, {@code STARTTLS}, {@code plain},
   * case-insensitive). Returns empty for any other value, which the autoconfig draft says to ignore.
   *
   * @param socketType the autoconfig {@code socketType} value
   * @return the security, or empty for any other value
   */
  public static Optional<Security> fromAutoconfig(String socketType) {
    return switch (socketType.trim().toLowerCase(Locale.ROOT)) {
      case "ssl" -> Optional.of(IMPLICIT_TLS);
      case "starttls" -> Optional.of(STARTTLS);
      case "plain" -> Optional.of(NONE);
      default -> Optional.empty();
    };
  }

  /**
   * Reads a security label as people and programs write it, without a port.
   *
   * <p>Ambiguous labels take their usual meaning: "SSL" and "SSL/TLS" mean implicit TLS, "TLS"
   * means STARTTLS. Prefer {@link #fromLabel(String, int)} when the port is known.
   *
   * @param label the label as the user typed it
   * @return the security
   * @throws UnknownSecurityLabelException if the label is not one this library knows
   */
  public static Security fromLabel(String label) {
    return fromLabel(label, 0);
  }

  /**
   * Reads a security label as people and programs write it, using the port to settle ambiguous
   * labels.
   *
   * <p>Known labels, case and diacritics ignored: the enum names; autoconfig {@code SSL}, {@code
   * STARTTLS}, {@code plain}; {@code SSL/TLS}, {@code SSL}, {@code TLS}, {@code STARTTLS}, {@code
   * None}, Czech {@code Bez zabezpečení}, Slovenian {@code Brez SSL} and {@code s SSL}, and a few
   * more. {@code SSL}, {@code SSL/TLS}, {@code s SSL} and {@code TLS} only say "encrypted": on an
   * implicit-TLS port (465, 993, 995) they mean {@link #IMPLICIT_TLS}, on a STARTTLS port (587,
   * 143, 110, 25, 26, 2525) they mean {@link #STARTTLS}; on other ports "TLS" means STARTTLS and the
   * others mean implicit TLS. Labels that name a mode outright ({@code STARTTLS}, {@code None})
   * are taken as written.
   *
   * @param label the label, for example {@code "SSL/TLS"} or {@code "Bez zabezpečení"}
   * @param port the port the label was given with, or 0 when unknown
   * @return the security
   * @throws UnknownSecurityLabelException if the label is not one this library knows
   */
  public static Security fromLabel(String label, int port) {
    String key = normalise(label);
    Reading reading = LABELS.get(key);
    if (reading == null) {
      reading = readEnumName(key);
    }
    if (reading == null) {
      throw new UnknownSecurityLabelException(label);
    }
    return switch (reading) {
      case IMPLICIT -> IMPLICIT_TLS;
      case STARTTLS -> STARTTLS;
      case NONE -> NONE;
      case ENCRYPTED_PREFER_IMPLICIT -> isStartTlsPort(port) ? STARTTLS : IMPLICIT_TLS;
      case ENCRYPTED_PREFER_STARTTLS -> isImplicitTlsPort(port) ? IMPLICIT_TLS : STARTTLS;
    };
  }

  private static @Nullable Reading readEnumName(String key) {
    for (Security security : values()) {
      if (security.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(key)) {
        return security == IMPLICIT_TLS
            ? Reading.IMPLICIT
            : security == STARTTLS ? Reading.STARTTLS : Reading.NONE;
      }
    }
    return null;
  }

  static boolean isImplicitTlsPort(int port) {
    return port == 465 || port == 993 || port == 995;
  }

  static boolean isStartTlsPort(int port) {
    return port == 587 || port == 143 || port == 110 || port == 25 || port == 26 || port == 2525;
  }

  private static String normalise(String label) {
    String decomposed = Normalizer.normalize(label, Normalizer.Form.NFD);
    String withoutMarks = Patterns.COMBINING_MARKS.matcher(decomposed).replaceAll("");
    return Patterns.SPACES.matcher(withoutMarks.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
