package org.mailsettings.internal.provider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Source;

/**
 * Providers indexed by their mail domains and their MX domains. Immutable and thread-safe; when
 * two providers claim a domain, the one listed first keeps it.
 */
public final class ProviderIndex {

  /** A provider found through an MX host, with the MX domain that matched. */
  public static final class MxMatch {
    private final ProviderEntry entry;
    private final String mxHost;
    private final String mxDomain;

    MxMatch(ProviderEntry entry, String mxHost, String mxDomain) {
      this.entry = entry;
      this.mxHost = mxHost;
      this.mxDomain = mxDomain;
    }

    /** The provider. */
    public ProviderEntry entry() {
      return entry;
    }

    /** The MX host that was looked up. */
    public String mxHost() {
      return mxHost;
    }

    /** The provider's MX domain that matched it (the host itself or a parent). */
    public String mxDomain() {
      return mxDomain;
    }
  }

  private final Source source;
  private final String description;
  private final @Nullable Supplier<List<ProviderEntry>> load;
  private volatile @Nullable Indexed indexed;

  /** The entries and their maps, built once. */
  private static final class Indexed {
    final List<ProviderEntry> entries;
    final Map<String, ProviderEntry> byDomain = new HashMap<>();
    final Map<String, ProviderEntry> byMxDomain = new HashMap<>();

    Indexed(List<ProviderEntry> entries) {
      this.entries = List.copyOf(entries);
      for (ProviderEntry entry : this.entries) {
        for (String domain : entry.domains()) {
          byDomain.putIfAbsent(domain, entry);
        }
        for (String mxDomain : entry.mxDomains()) {
          byMxDomain.putIfAbsent(mxDomain, entry);
        }
      }
    }
  }

  /**
   * Indexes the entries, in precedence order; {@code source} is the layer's kind and {@code
   * description} names it in notes.
   */
  public ProviderIndex(Source source, String description, List<ProviderEntry> entries) {
    this.source = source;
    this.description = description;
    this.indexed = new Indexed(entries);
    this.load = null; // indexed already
  }

  private ProviderIndex(Source source, String description, Supplier<List<ProviderEntry>> load) {
    this.source = source;
    this.description = description;
    this.load = load;
  }

  /**
   * An index whose entries are loaded when it is first asked: the ISPDB snapshot's layer is
   * decoded only when a lookup gets past the layers before it.
   */
  public static ProviderIndex lazy(Source source, String description, Supplier<List<ProviderEntry>> load) {
    return new ProviderIndex(source, description, load);
  }

  private Indexed indexed() {
    Indexed known = indexed;
    if (known == null) {
      synchronized (this) {
        known = indexed;
        if (known == null) {
          known = new Indexed(Objects.requireNonNull(load, "load").get());
          indexed = known;
        }
      }
    }
    return known;
  }

  /** The layer's kind: the application's files, the curated files or the ISPDB snapshot. */
  public Source source() {
    return source;
  }

  /** The database's description, such as "bundled database". */
  public String description() {
    return description;
  }

  /** Every entry, in precedence order. */
  public List<ProviderEntry> entries() {
    return indexed().entries;
  }

  /** The provider serving this ASCII domain directly. */
  public Optional<ProviderEntry> byDomain(String asciiDomain) {
    return Optional.ofNullable(indexed().byDomain.get(asciiDomain));
  }

  /**
   * The provider whose MX domain is this MX host or one of its parents (the draft's MXFULLDOMAIN
   * and MXBASEDOMAIN are both among them), the most specific first. Top-level domains are never
   * matched.
   */
  public Optional<MxMatch> byMxHost(String mxHost) {
    Map<String, ProviderEntry> byMxDomain = indexed().byMxDomain;
    String candidate = mxHost;
    while (candidate.indexOf('.') > 0) {
      ProviderEntry entry = byMxDomain.get(candidate);
      if (entry != null) {
        return Optional.of(new MxMatch(entry, mxHost, candidate));
      }
      candidate = candidate.substring(candidate.indexOf('.') + 1);
    }
    return Optional.empty();
  }
}
