package org.mailsettings.internal.provider;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every provider database a resolver consults, in one explicit order: the application's own
 * files first (in the order given), then the curated files, then the ISPDB snapshot. The one
 * place where a domain or an MX host is looked up, for offline resolution and discovery alike:
 * the first layer that knows answers.
 */
public final class ProviderStore {

  /** A provider found, with the layer that knows it and, for an MX match, the MX host. */
  public record Match(ProviderIndex layer, ProviderEntry entry, @Nullable String mxHost) {}

  private final List<ProviderIndex> layers;

  /** A store over the layers, in consultation order. */
  public ProviderStore(List<ProviderIndex> layers) {
    this.layers = List.copyOf(layers);
  }

  /** The layers, in consultation order. */
  public List<ProviderIndex> layers() {
    return layers;
  }

  /** The provider serving this ASCII domain directly, from the first layer that knows it. */
  public Optional<Match> byDomain(String asciiDomain) {
    for (ProviderIndex layer : layers) {
      Optional<ProviderEntry> entry = layer.byDomain(asciiDomain);
      if (entry.isPresent()) {
        return Optional.of(new Match(layer, entry.get(), null));
      }
    }
    return Optional.empty();
  }

  /**
   * The hoster of a domain whose MX hosts are {@code mxHosts} (the most preferred first): each
   * host in turn, each against every layer in order; the first match wins.
   */
  public Optional<Match> byMxHosts(List<String> mxHosts) {
    for (String host : mxHosts) {
      for (ProviderIndex layer : layers) {
        Optional<ProviderIndex.MxMatch> match = layer.byMxHost(host);
        if (match.isPresent()) {
          return Optional.of(new Match(layer, match.get().entry(), host));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether no layer is consulted at all. */
  public boolean isEmpty() {
    return layers.isEmpty();
  }
}
