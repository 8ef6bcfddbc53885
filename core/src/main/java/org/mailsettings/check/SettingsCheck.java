package org.mailsettings.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.discovery.ClientAccess;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.provider.ProviderStore;

/**
 * Checks the settings a user typed against each other and against what a client knows: its
 * provider databases (the application's files, the curated database, the ISPDB snapshot) and
 * the hoster rules for the MX hosts the caller passes, through the client's own offline
 * pipeline. Offline and on the calling thread; never throws for a {@link TypedSettings}: what
 * cannot be read is a {@link Finding}.
 *
 * <p>What it finds: labels that contradict the port ("SSL" on 587, "TLS" on 465, "None" on 993),
 * another protocol's port, hosts and ports the provider does not use, a hoster's host rule
 * (SPOJE.NET's {@code firma--cz.mx.spoje.net}, NEOSERV's server name for SSL), the user name's
 * form, an IMAP path prefix the provider wants empty, a provider that wants OAuth 2.0, a password
 * over an unencrypted connection, port 25 for submission. See {@link FindingCode}.
 *
 * <p>Get one from the client ({@link MailSettingsResolver#settingsCheck()}); it is thread-safe.
 */
public final class SettingsCheck {
  private final MailSettingsResolver client;
  private final ProviderStore store;
  private volatile @Nullable Map<String, ProviderStore.Match> byServerHost;

  private SettingsCheck(MailSettingsResolver client, ProviderStore store) {
    this.client = client;
    this.store = store;
  }

  /**
   * The check of a client, on its provider databases and pipeline ({@link
   * MailSettingsResolver#settingsCheck()} keeps one per client).
   *
   * @param client the client whose databases and pipeline the check uses
   * @return the check of {@code client}
   */
  public static SettingsCheck create(MailSettingsResolver client) {
    Objects.requireNonNull(client, "client");
    return new SettingsCheck(client, ClientAccess.runtime(client).store());
  }

  /**
   * Checks one form.
   *
   * @param typed the settings as the user typed them
   * @return what the check found
   */
  public CheckResult check(TypedSettings typed) {
    Objects.requireNonNull(typed, "typed");
    return new OfflineCheck(client, store, this::byServerHost, typed).run();
  }

  /**
   * The provider whose fixed server host this is, from the first layer that lists it: for a domain
   * nobody knows whose user typed a known provider's server (a Google Workspace customer typing
   * {@code smtp.gmail.com}). Indexed on first use.
   */
  private Optional<ProviderStore.Match> byServerHost(String host) {
    Map<String, ProviderStore.Match> index = byServerHost;
    if (index == null) {
      index = new HashMap<>();
      for (ProviderIndex layer : store.layers()) {
        for (ProviderEntry entry : layer.entries()) {
          for (List<ServerConfig> servers : List.of(entry.config().incomingServers(), entry.config().outgoingServers())) {
            for (ServerConfig server : servers) {
              if (server.hostname().indexOf('%') < 0) {
                Optional<String> name = HostNames.normalise(server.hostname());
                if (name.isPresent()) {
                  index.putIfAbsent(name.get(), new ProviderStore.Match(layer, entry, null));
                }
              }
            }
          }
        }
      }
      index = Map.copyOf(index);
      byServerHost = index;
    }
    return Optional.ofNullable(index.get(host));
  }
}
