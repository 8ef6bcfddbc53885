package org.mailsettings.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.mailsettings.internal.net.HostNames;

/**
 * The host names a server certificate is valid for, and whether a host is one of them (RFC 6125:
 * DNS names and IP addresses from the subject alternative names; the common name only when the
 * certificate has no DNS name at all; a wildcard stands for exactly one left-most label).
 */
public final class CertificateNames {
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;
  private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)\\s*CN=([^,]+)");

  private CertificateNames() {}

  /**
   * {@return the names the certificate is valid for, as written in it: DNS names (wildcards included) and
   * IP addresses; the common name when there is no DNS name}
   *
   * @param certificate the certificate
   */
  public static List<String> of(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    List<String> dns = sanEntries(certificate, SAN_DNS);
    names.addAll(dns);
    names.addAll(sanEntries(certificate, SAN_IP));
    if (dns.isEmpty()) {
      commonName(certificate).filter(cn -> !names.contains(cn)).ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  /**
   * {@return whether the certificate is valid for {@code host} (a host name or an IP literal)}
   *
   * @param host the host name
   * @param certificate the certificate
   */
  public static boolean matches(String host, X509Certificate certificate) {
    Optional<String> normalised = HostNames.normalise(host);
    if (normalised.isEmpty()) {
      return false;
    }
    String target = normalised.get();
    if (HostNames.isIpLiteral(target)) {
      Optional<InetAddress> address = literal(target);
      return address.isPresent()
          && sanEntries(certificate, SAN_IP).stream()
              .map(CertificateNames::literal)
              .anyMatch(a -> a.isPresent() && a.get().equals(address.get()));
    }
    List<String> dns = sanEntries(certificate, SAN_DNS);
    List<String> candidates = dns.isEmpty() ? commonName(certificate).map(List::of).orElse(List.of()) : dns;
    return candidates.stream().anyMatch(pattern -> dnsMatches(target, pattern));
  }

  /** Whether one certificate name, possibly a wildcard, covers the ASCII host name. */
  static boolean dnsMatches(String host, String pattern) {
    String name = pattern.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (!name.startsWith("*.")) {
      return HostNames.normalise(name).map(host::equals).orElse(false);
    }
    String suffix = name.substring(2);
    // A wildcard needs at least two labels after it (no "*.com") and covers one label only.
    if (suffix.indexOf('.') < 0 || suffix.contains("*")) {
      return false;
    }
    int firstDot = host.indexOf('.');
    return firstDot > 0 && host.substring(firstDot + 1).equals(suffix);
  }

  private static List<String> sanEntries(X509Certificate certificate, int type) {
    Collection<List<?>> entries;
    try {
      entries = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (entries != null) {
      for (List<?> entry : entries) {
        if (entry.size() >= 2 && entry.get(0) instanceof Integer kind && kind == type && entry.get(1) instanceof String value) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static Optional<String> commonName(X509Certificate certificate) {
    Matcher matcher =
        COMMON_NAME.matcher(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
    return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
  }

  private static Optional<InetAddress> literal(String ip) {
    if (!HostNames.isIpLiteral(ip)) {
      return Optional.empty();
    }
    try {
      // An IP literal is parsed without any name lookup.
      return Optional.of(InetAddress.getByName(ip));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
