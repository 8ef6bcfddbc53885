package org.mailsettings.internal.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.internal.provider.ProviderIndex;
import org.mailsettings.internal.provider.ProviderStore;

/**
 * The one pipeline: which sources answer a request, run offline (at once, on the caller's
 * thread) or as a discovery (the network sources too, under a deadline), and assembled by the
 * same {@link Assembly}. Offline resolution is the discovery's offline subset: the provider
 * databases by domain, the hoster rules for the caller's MX hints, the guesses.
 */
public final class Pipeline {
  private Pipeline() {}

  /** Resolves a request without the network. */
  public static Resolution resolve(ResolutionRequest request, ProviderStore store) {
    List<SourceTask> tasks = new ArrayList<>(3);
    tasks.add(new DatabaseTask(store, request.address()));
    if (!request.mxHosts().isEmpty()) {
      tasks.add(MxTask.offline(request.address(), request.mxHosts(), request.mxHostsAuthenticated(), store));
    }
    tasks.add(new GuessTask(request.address(), request.policy().allowPlaintext()));
    List<SourceResult> results = new ArrayList<>(tasks.size());
    // In rank order, as a discovery would decide, stopping once both directions have an answer
    // no later source could outrank.
    boolean incomingFound = false;
    boolean outgoingFound = false;
    for (SourceTask task : tasks) {
      SourceResult result = java.util.Objects.requireNonNull(task.now(), "an offline source answers at once");
      results.add(result);
      incomingFound |= Assembly.hasUsable(result, true, request.policy());
      outgoingFound |= Assembly.hasUsable(result, false, request.policy());
      if (incomingFound && outgoingFound) {
        break;
      }
    }
    return Assembly.assemble(request, results, List.of(), null);
  }

  /** Starts a discovery. */
  public static CompletableFuture<Resolution> discover(DiscoveryContext context) {
    return Discovery.start(context, tasks(context));
  }

  /** The layers of the store that the options allow. */
  public static ProviderStore allowed(ProviderStore store, Set<Source> sources) {
    List<ProviderIndex> layers = new ArrayList<>();
    for (ProviderIndex layer : store.layers()) {
      if (sources.contains(layer.source())) {
        layers.add(layer);
      }
    }
    return layers.size() == store.layers().size() ? store : new ProviderStore(layers);
  }

  /** The sources of a discovery, in rank order, as the options allow. */
  static List<SourceTask> tasks(DiscoveryContext context) {
    DiscoveryOptions options = context.options();
    Set<Source> sources = options.sources();
    EmailAddress address = context.address();
    String domain = address.asciiDomain();
    List<SourceTask> tasks = new ArrayList<>();
    if (!context.store().isEmpty()) {
      tasks.add(new DatabaseTask(context.store(), address));
    }
    if (sources.contains(Source.PACC)) {
      tasks.add(new PaccTask(context));
    }
    if (sources.contains(Source.AUTOCONFIG)) {
      tasks.add(document(Source.AUTOCONFIG, context.url(options.autoconfigUrlTemplate(), domain), context, true,
          Note.of(NoteCode.FROM_AUTOCONFIG, address.domain())));
    }
    if (sources.contains(Source.WELL_KNOWN)) {
      tasks.add(document(Source.WELL_KNOWN, context.url(options.wellKnownUrlTemplate(), domain), context, true,
          Note.of(NoteCode.FROM_WELL_KNOWN, address.domain())));
    }
    if (sources.contains(Source.ISPDB)) {
      tasks.add(document(Source.ISPDB, URI.create(options.ispdbBaseUrl() + domain), context, true,
          Note.of(NoteCode.FROM_ISPDB, address.domain())));
    }
    if (sources.contains(Source.AUTOCONFIG_HTTP)) {
      tasks.add(document(Source.AUTOCONFIG_HTTP, context.url(options.autoconfigHttpUrlTemplate(), domain), context, false,
          Note.of(NoteCode.FROM_AUTOCONFIG_HTTP, address.domain())));
    }
    if (sources.contains(Source.MX)) {
      tasks.add(MxTask.discovery(context));
    }
    if (sources.contains(Source.SRV)) {
      tasks.add(new SrvTask(context));
    }
    if (sources.contains(Source.AUTODISCOVER)) {
      tasks.add(new AutodiscoverTask(context, options.autodiscoverUrlTemplates()));
    }
    if (sources.contains(Source.GUESS)) {
      tasks.add(new GuessTask(address, context.request().policy().allowPlaintext()));
    }
    return tasks;
  }

  private static SourceTask document(Source source, URI uri, DiscoveryContext context, boolean trustedWhenHttps, Note reason) {
    return new DocumentTask(source, uri, context, trustedWhenHttps, List.of(), reason);
  }
}
