package org.mailsettings.internal.psl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mailsettings.internal.idn.DomainName;

/**
 * The Public Suffix List (https://publicsuffix.org, MPL-2.0), read from the copy the build puts
 * beside this class, loaded on first use. Gives the registrable domain ("second-level domain" in
 * the autoconfig draft's words): {@code mx1.mail.example.co.uk} gives {@code example.co.uk}.
 */
public final class PublicSuffixList {
  private static final String RESOURCE = "effective_tld_names.dat";

  private final Set<String> rules;
  private final Set<String> wildcards;
  private final Set<String> exceptions;

  private PublicSuffixList(Set<String> rules, Set<String> wildcards, Set<String> exceptions) {
    this.rules = rules;
    this.wildcards = wildcards;
    this.exceptions = exceptions;
  }

  private static final class Holder {
    static final PublicSuffixList INSTANCE = load();
  }

  /** The list bundled with the library (read once, on first use). */
  public static PublicSuffixList bundled() {
    return Holder.INSTANCE;
  }

  private static PublicSuffixList load() {
    try (InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The bundled Public Suffix List is missing: " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PublicSuffixList parse(InputStream in) throws IOException {
    Set<String> rules = new HashSet<>();
    Set<String> wildcards = new HashSet<>();
    Set<String> exceptions = new HashSet<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      String rule = line.strip();
      int space = rule.indexOf(' ');
      if (space >= 0) {
        rule = rule.substring(0, space);
      }
      if (rule.isEmpty() || rule.startsWith("//")) {
        continue;
      }
      boolean exception = rule.startsWith("!");
      boolean wildcard = rule.startsWith("*.");
      String name = exception ? rule.substring(1) : wildcard ? rule.substring(2) : rule;
      Optional<DomainName> ascii = DomainName.tryParse(name);
      if (ascii.isEmpty()) {
        continue;
      }
      (exception ? exceptions : wildcard ? wildcards : rules).add(ascii.get().ascii());
    }
    return new PublicSuffixList(rules, wildcards, exceptions);
  }

  /**
   * The registrable domain of an ASCII host name: its public suffix plus one label. Empty when
   * the host is itself a public suffix, and for text with an empty label, which is no host name.
   * Unlisted top-level domains count as public suffixes.
   */
  public Optional<String> registrableDomain(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        return Optional.empty();
      }
    }
    int suffixLabels = 1;
    boolean excepted = false;
    for (int i = 0; i < labels.length && !excepted; i++) {
      if (exceptions.contains(join(labels, i))) {
        // An exception rule wins: its suffix is the rule minus its first label.
        suffixLabels = labels.length - i - 1;
        excepted = true;
      }
    }
    for (int i = 0; i < labels.length && !excepted; i++) {
      if (rules.contains(join(labels, i))) {
        suffixLabels = Math.max(suffixLabels, labels.length - i);
      }
      if (i + 1 < labels.length && wildcards.contains(join(labels, i + 1))) {
        suffixLabels = Math.max(suffixLabels, labels.length - i);
      }
    }
    if (labels.length <= suffixLabels) {
      return Optional.empty();
    }
    return Optional.of(join(labels, labels.length - suffixLabels - 1));
  }

  private static String join(String[] labels, int from) {
    return String.join(".", java.util.Arrays.asList(labels).subList(from, labels.length));
  }
}
