package org.mailsettings.internal.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.OAuth2Config;

/**
 * The build's check of the curated layer against the ISPDB snapshot: for every curated provider
 * that serves a domain the snapshot knows too (the curated one wins there), what it says that the
 * snapshot does not. A curated file that says nothing new is redundant and fails the build: it
 * should be deleted, so that the snapshot answers with its own provenance.
 */
public final class OverrideCheck {

  /** A curated provider overriding snapshot providers, with the domains and what it adds. */
  public record Takeover(String curatedProvider, List<String> snapshotProviders, List<String> domains, List<String> additions) {
    /** Whether the curated provider adds nothing to what the snapshot says. */
    public boolean redundant() {
      return additions.isEmpty();
    }
  }

  private OverrideCheck() {}

  /** Every override, in curated order. */
  public static List<Takeover> overrides(List<ClientConfig> curated, List<ClientConfig> snapshot) {
    Map<String, Entry> snapshotByDomain = new LinkedHashMap<>();
    for (ClientConfig document : snapshot) {
      for (EmailProviderConfig provider : document.emailProviders()) {
        for (String domain : provider.domains()) {
          snapshotByDomain.putIfAbsent(domain, new Entry(provider, document.oAuth2()));
        }
      }
    }
    List<Takeover> overrides = new ArrayList<>();
    for (ClientConfig document : curated) {
      for (EmailProviderConfig provider : document.emailProviders()) {
        List<String> domains = new ArrayList<>();
        Map<String, Entry> overridden = new LinkedHashMap<>();
        for (String domain : provider.domains()) {
          Entry entry = snapshotByDomain.get(domain);
          if (entry != null) {
            domains.add(domain);
            overridden.putIfAbsent(entry.provider().id(), entry);
          }
        }
        if (domains.isEmpty()) {
          continue;
        }
        List<String> additions = new ArrayList<>();
        for (Entry entry : overridden.values()) {
          additions.addAll(additions(provider, document.oAuth2(), entry));
        }
        overrides.add(new Takeover(provider.id(), List.copyOf(overridden.keySet()), domains, List.copyOf(new LinkedHashSet<>(additions))));
      }
    }
    return overrides;
  }

  private record Entry(EmailProviderConfig provider, Optional<OAuth2Config> oauth2) {}

  /** What the curated provider says that one snapshot provider does not. */
  private static List<String> additions(EmailProviderConfig curated, Optional<OAuth2Config> curatedOAuth, Entry snapshot) {
    List<String> additions = new ArrayList<>();
    Set<String> known = Set.copyOf(snapshot.provider().domains());
    for (String domain : curated.domains()) {
      if (!known.contains(domain)) {
        additions.add("domain " + domain);
      }
    }
    if (!curated.mxDomains().isEmpty() && !snapshot.provider().mxDomains().containsAll(curated.mxDomains())) {
      additions.add("MX domains " + curated.mxDomains());
    }
    if (!curated.notes().isEmpty()) {
      additions.add("notes");
    }
    if (!curated.incomingServers().equals(snapshot.provider().incomingServers())) {
      additions.add("incoming servers");
    }
    if (!curated.outgoingServers().equals(snapshot.provider().outgoingServers())) {
      additions.add("outgoing servers");
    }
    if (curatedOAuth.isPresent() && !curatedOAuth.equals(snapshot.oauth2())) {
      additions.add("OAuth 2.0 block");
    }
    if (!curated.documentationUrls().isEmpty() && !snapshot.provider().documentationUrls().containsAll(curated.documentationUrls())) {
      additions.add("documentation");
    }
    return additions;
  }
}
