package org.mailsettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.resolve.OfflineResolver;

/**
 * Turns an e-mail address into ordered, trust-rated mail server settings, without the network.
 *
 * <p>Build one resolver and share it: it is immutable, thread-safe and cheap to call.
 *
 * <pre>{@code
 * MailSettingsResolver resolver = MailSettingsResolver.create();          // bundled database
 * Resolution r = resolver.resolve("info@vizus.cz");
 * ServerSettings smtp = r.outgoing().get(0).settings();                   // smtp.vizus.cz:465
 *
 * MailSettingsResolver custom = MailSettingsResolver.builder()
 *     .addProviders(ProviderDatabase.fromDirectory(Path.of("/etc/mail-providers")))
 *     .build();                                                           // own files first
 * }</pre>
 *
 * <p>Order of candidates: a known provider's own order (its preferred server first); for an
 * unknown domain, guesses with implicit TLS before STARTTLS and port 25 last. The {@link
 * ResolutionPolicy} then removes plaintext (unless allowed) and excluded protocols and puts the
 * preferred incoming protocol first.
 */
public final class MailSettingsResolver {
  private final List<ProviderDatabase> databases;
  private final OfflineResolver resolver;
  // Made on first use: an application that never discovers never loads the network code.
  private volatile @Nullable Discovery discovery;

  private MailSettingsResolver(List<ProviderDatabase> databases) {
    this.databases = List.copyOf(databases);
    List<ProviderIndex> indexes = new ArrayList<>();
    for (ProviderDatabase database : this.databases) {
      indexes.add(database.index());
    }
    this.resolver = new OfflineResolver(indexes);
  }

  /** A resolver with the bundled database only. */
  public static MailSettingsResolver create() {
    return builder().build();
  }

  /** A builder; by default the bundled database is consulted after any databases added. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves an address given as text.
   *
   * @throws InvalidEmailAddressException if the text is not an address
   */
  public Resolution resolve(String address) {
    return resolve(EmailAddress.parse(address));
  }

  /** Resolves an address with no MX hints and the default policy. */
  public Resolution resolve(EmailAddress address) {
    return resolve(ResolutionRequest.of(address));
  }

  /** Resolves a request: an address with MX hints and a policy. */
  public Resolution resolve(ResolutionRequest request) {
    return resolver.resolve(request);
  }

  /**
   * Discovers settings over the network as well: the local and bundled databases, autoconfig
   * (draft 1.1, 1.2, 1.3), the ISPDB, the MX host's hoster, autoconfig and ISPDB entry, RFC 6186
   * SRV records, Microsoft Autodiscover and, last, guesses. All sources start at once; the
   * best-ranked answer wins even when it arrives later, and the future completes as soon as no
   * source still running could change the answer, or at the deadline. Never fails: problems are
   * in {@link Resolution#sourceReports()}.
   */
  public CompletableFuture<Resolution> discover(ResolutionRequest request, DiscoveryOptions options) {
    Discovery network = discovery;
    if (network == null) {
      synchronized (this) {
        network = discovery;
        if (network == null) {
          network = new Discovery(databases);
          discovery = network;
        }
      }
    }
    return network.discover(request, options);
  }

  /** {@link #discover(ResolutionRequest, DiscoveryOptions)} for an address with the default policy. */
  public CompletableFuture<Resolution> discover(EmailAddress address, DiscoveryOptions options) {
    return discover(ResolutionRequest.of(address), options);
  }

  /**
   * {@link #discover(ResolutionRequest, DiscoveryOptions)}, waiting for the answer: returns by
   * the options' deadline.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public Resolution discoverAndWait(ResolutionRequest request, DiscoveryOptions options) throws InterruptedException {
    try {
      return discover(request, options).get();
    } catch (ExecutionException e) {
      // discover never fails; an exception here is a bug in the library
      throw new IllegalStateException("Discovery failed unexpectedly", e.getCause());
    }
  }

  /** The databases consulted, in order. */
  public List<ProviderDatabase> databases() {
    return databases;
  }

  /** Every known provider, from every database, in consultation order. */
  public List<Provider> providers() {
    return databases.stream().flatMap(d -> d.providers().stream()).collect(Collectors.toUnmodifiableList());
  }

  /** Builds a {@link MailSettingsResolver}. */
  public static final class Builder {
    private final List<ProviderDatabase> databases = new ArrayList<>();
    private boolean bundled = true;

    private Builder() {}

    /**
     * Adds a database, consulted before the bundled one and after those added earlier; it takes
     * precedence for the domains it knows.
     */
    public Builder addProviders(ProviderDatabase database) {
      databases.add(database);
      return this;
    }

    /** Adds the provider files of a directory; see {@link ProviderDatabase#fromDirectory(Path)}. */
    public Builder addProviderDirectory(Path directory) {
      return addProviders(ProviderDatabase.fromDirectory(directory));
    }

    /** Whether to consult the bundled database (last). On by default. */
    public Builder bundledDatabase(boolean enabled) {
      this.bundled = enabled;
      return this;
    }

    /** Builds the resolver, reading the bundled database if enabled. */
    public MailSettingsResolver build() {
      List<ProviderDatabase> all = new ArrayList<>(databases);
      if (bundled) {
        all.add(ProviderDatabase.bundled());
      }
      return new MailSettingsResolver(all);
    }
  }
}
