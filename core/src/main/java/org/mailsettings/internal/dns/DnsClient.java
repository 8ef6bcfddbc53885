package org.mailsettings.internal.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mailsettings.internal.net.HostNames;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.ResolverConfig;

/**
 * The one DNS client of discovery: MX, SRV and TXT lookups against one server, with a timeout, the
 * DNSSEC OK bit set, and the resolver's "authenticated data" (AD) flag reported, so that
 * answers a validating resolver vouched for can be trusted and the others cannot.
 */
public final class DnsClient {
  /** How long an empty answer is kept when the server gives no negative TTL. */
  private static final long DEFAULT_NEGATIVE_TTL = 300;

  /** An MX host with its preference. */
  public record MxHost(String host, int preference) {}

  /** An SRV target. The target "." (not offered) is never returned; see {@link Answer#notOffered()}. */
  public record SrvTarget(String host, int port, int priority, int weight) {}

  /**
   * An answer: the records, whether the resolver marked them authenticated, their TTL, and for
   * SRV whether the service was explicitly declared not offered (target ".").
   */
  public record Answer<T>(List<T> records, boolean authenticated, Duration ttl, boolean notOffered) {}

  /** A failed lookup. */
  public static final class DnsException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean timeout;

    DnsException(String message, Throwable cause, boolean timeout) {
      super(message, cause);
      this.timeout = timeout;
    }

    DnsException(String message) {
      super(message);
      this.timeout = false;
    }

    /** Whether the server did not answer in time (rather than answering with an error). */
    public boolean isTimeout() {
      return timeout;
    }
  }

  /** No DNS client could be made: no server configured, or a server that is not an address. */
  public static final class NoDnsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The exception, saying why. */
    public NoDnsException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /** How many times a query is sent again while no answer has come. */
  private static final int RETRANSMISSIONS = 2;

  private final SimpleResolver resolver;
  private final Duration timeout;
  private final String serverDescription;
  private final Executor executor;
  private final ScheduledExecutorService timer;

  private DnsClient(SimpleResolver resolver, Duration timeout, String serverDescription, Executor executor,
      ScheduledExecutorService timer) {
    this.timer = timer;
    this.resolver = resolver;
    this.timeout = timeout;
    this.serverDescription = serverDescription;
    this.executor = executor;
  }

  /**
   * A client for {@code server}, or the system's first configured name server when null, whose
   * answers are handed on on {@code executor}: without one, dnsjava completes on the common
   * fork-join pool, which on two cores starts a new thread for every answer. A query that has no
   * answer yet is sent again on {@code timer} (UDP loses packets), twice at most, within its
   * {@code timeout}.
   *
   * @throws IOException when no server is configured
   */
  public static DnsClient create(@org.jspecify.annotations.Nullable InetSocketAddress server, Duration timeout,
      Executor executor, ScheduledExecutorService timer) throws IOException {
    InetSocketAddress target = server;
    if (target == null) {
      List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
      if (servers.isEmpty()) {
        throw new NoDnsException("No DNS server is configured on this system", null);
      }
      target = servers.get(0);
    }
    SimpleResolver resolver = new SimpleResolver(target);
    resolver.setTimeout(timeout);
    resolver.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    return new DnsClient(resolver, timeout, target.getHostString() + ":" + target.getPort(), executor, timer);
  }

  /** The server asked, for reports. */
  public String server() {
    return serverDescription;
  }

  /** The MX hosts of {@code domain}, the most preferred first. */
  public CompletableFuture<Answer<MxHost>> mx(String domain) {
    return query(domain, Type.MX).thenApply(response -> readMx(response, domain));
  }

  /** The SRV targets of {@code name} ({@code _imaps._tcp.example.cz}), by priority then weight. */
  public CompletableFuture<Answer<SrvTarget>> srv(String name) {
    return query(name, Type.SRV).thenApply(response -> readSrv(response, name));
  }

  /**
   * The TXT records of {@code name} ({@code _ua-auto-config.example.cz}), each record's
   * character-strings joined without a separator, one character per byte (ISO 8859-1), so that
   * bytes outside ASCII stay visible to the reader.
   */
  public CompletableFuture<Answer<String>> txt(String name) {
    return query(name, Type.TXT).thenApply(response -> readTxt(response, name));
  }

  /**
   * The TXT records a response gives for {@code name}, in the answer's order: what {@link #txt}
   * makes of the server's answer, readable without a socket. Records owned by another name than
   * the one asked (or its CNAME chain) are ignored, as for MX and SRV.
   */
  public static Answer<String> readTxt(Message response, String name) {
    List<String> texts = new ArrayList<>();
    for (Record record : answers(response, name, Type.TXT)) {
      if (record instanceof TXTRecord txt) {
        StringBuilder joined = new StringBuilder();
        for (byte[] string : txt.getStringsAsByteArrays()) {
          joined.append(new String(string, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        texts.add(joined.toString());
      }
    }
    return new Answer<>(List.copyOf(texts), authenticated(response), ttl(response), false);
  }

  /**
   * The MX hosts a response gives for {@code domain}, the most preferred first: what {@link
   * #mx} makes of the server's answer, readable without a socket. A target that is not a host
   * name (DNS labels may hold any byte: "{@code (}", "{@code /}", "{@code @}"...) is ignored, as an MX
   * hint from the caller would be refused: MX hosts go into host names and URLs.
   */
  public static Answer<MxHost> readMx(Message response, String domain) {
    List<MxHost> hosts = new ArrayList<>();
    for (Record record : answers(response, domain, Type.MX)) {
      if (record instanceof MXRecord mx) {
        String host = hostName(mx.getTarget());
        if (!host.isEmpty()) {
          HostNames.normalise(host)
              .filter(h -> !HostNames.isIpLiteral(h))
              .ifPresent(h -> hosts.add(new MxHost(h, mx.getPriority())));
        }
      }
    }
    hosts.sort(Comparator.comparingInt(MxHost::preference));
    return new Answer<>(List.copyOf(hosts), authenticated(response), ttl(response), false);
  }

  /**
   * The SRV targets a response gives for {@code name}, by priority then weight: what {@link #srv}
   * makes of the server's answer, readable without a socket.
   */
  public static Answer<SrvTarget> readSrv(Message response, String name) {
    List<SrvTarget> targets = new ArrayList<>();
    boolean notOffered = false;
    for (Record record : answers(response, name, Type.SRV)) {
      if (record instanceof SRVRecord srv) {
        String host = hostName(srv.getTarget());
        if (host.isEmpty()) {
          notOffered = true; // RFC 6186: target "." means the service is not offered
        } else if (srv.getPort() > 0) {
          targets.add(new SrvTarget(host, srv.getPort(), srv.getPriority(), srv.getWeight()));
        }
      }
    }
    // Priority ascending; among equal priorities, the heavier first (a stable stand-in
    // for RFC 2782's weighted random pick, so that results are reproducible).
    targets.sort(Comparator.comparingInt(SrvTarget::priority).thenComparing(SrvTarget::weight, Comparator.reverseOrder()));
    return new Answer<>(notOffered ? List.of() : List.copyOf(targets), authenticated(response), ttl(response), notOffered);
  }

  private CompletableFuture<Message> query(String name, int type) {
    Message query;
    try {
      query = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN));
    } catch (TextParseException e) {
      return CompletableFuture.failedFuture(new DnsException("not a DNS name: " + name, e, false));
    }
    query.getHeader().setFlag(Flags.AD);
    return retransmitted(query)
        .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                boolean timedOut = timedOut(failure);
                throw new java.util.concurrent.CompletionException(
                    new DnsException(
                        Type.string(type) + " " + name + " at " + serverDescription + ": " + (timedOut ? "timed out" : describe(cause)),
                        cause,
                        timedOut));
              }
              int rcode = response.getRcode();
              if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw new java.util.concurrent.CompletionException(
                    new DnsException(Type.string(type) + " " + name + ": server answered " + Rcode.string(rcode)));
              }
              return response;
            });
  }

  /**
   * The first answer to {@code query}, which is sent again every second (a third of the timeout
   * when that is shorter) while none has come, twice at most: a lost UDP query or answer would
   * otherwise cost the whole timeout (a stub resolver retransmits too). A failure other than a
   * timeout ends the query at once; the caller bounds the whole.
   */
  private CompletableFuture<Message> retransmitted(Message query) {
    CompletableFuture<Message> answer = new CompletableFuture<>();
    send(query, answer);
    long every = Math.max(1, Math.min(1_000, timeout.toMillis() / (RETRANSMISSIONS + 1)));
    for (int i = 1; i <= RETRANSMISSIONS; i++) {
      ScheduledFuture<?> again;
      try {
        again = timer.schedule(() -> {
          if (!answer.isDone()) {
            send(query, answer);
          }
        }, every * i, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        break; // the client is closing: the first send is all
      }
      var unused = answer.whenComplete((response, failure) -> again.cancel(false));
    }
    return answer;
  }

  private void send(Message query, CompletableFuture<Message> answer) {
    var unused = resolver.sendAsync(query, executor).whenComplete((response, failure) -> {
      if (response != null) {
        answer.complete(response);
      } else if (failure != null && !timedOut(failure)) {
        answer.completeExceptionally(failure);
      }
    });
  }

  private static boolean timedOut(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.net.SocketTimeoutException;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  /**
   * The records of the answer section that answer {@code name}: owned by the name asked, or by a
   * name the answer's CNAME chain from it leads to. Anything else a server put there (an attempt
   * to slip in records for other names) is ignored.
   */
  private static List<Record> answers(Message response, String name, int type) {
    Name asked;
    try {
      asked = Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      return List.of();
    }
    List<Record> section = response.getSection(Section.ANSWER);
    java.util.Set<Name> owners = new java.util.HashSet<>();
    owners.add(asked);
    boolean grew = true;
    for (int round = 0; grew && round < 8; round++) { // a bounded CNAME chain
      grew = false;
      for (Record record : section) {
        if (record instanceof org.xbill.DNS.CNAMERecord cname && owners.contains(cname.getName())) {
          grew |= owners.add(cname.getTarget());
        }
      }
    }
    List<Record> matching = new ArrayList<>();
    for (Record record : section) {
      if (record.getType() == type && owners.contains(record.getName())) {
        matching.add(record);
      }
    }
    return matching;
  }

  private static boolean authenticated(Message response) {
    return response.getHeader().getFlag(Flags.AD);
  }

  private static Duration ttl(Message response) {
    long ttl = Long.MAX_VALUE;
    for (Record record : response.getSection(Section.ANSWER)) {
      ttl = Math.min(ttl, record.getTTL());
    }
    if (ttl == Long.MAX_VALUE) {
      ttl = DEFAULT_NEGATIVE_TTL;
      for (Record record : response.getSection(Section.AUTHORITY)) {
        if (record instanceof SOARecord soa) {
          ttl = Math.min(soa.getTTL(), soa.getMinimum());
        }
      }
    }
    return Duration.ofSeconds(Math.max(0, ttl));
  }

  private static String hostName(Name name) {
    String text = name.toString(true).toLowerCase(Locale.ROOT);
    return text.equals(".") ? "" : text;
  }
}
