package org.mailsettings.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on 127.0.0.1 (UDP) for discovery tests: MX, SRV and TXT answers
 * set by the test, an optional delay, the AD flag on demand, and raw replies for hostile cases.
 */
public final class TestDnsServer implements AutoCloseable {
  private record Key(String name, int type) {}

  private record Answer(List<Record> records, boolean authenticated, Duration delay) {}

  private static final int RECEIVE_BUFFER = 4 << 20;

  private final DatagramSocket socket;
  private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
  private final Map<Key, byte[]> raw = new ConcurrentHashMap<>();
  private final Map<Key, AtomicInteger> toLose = new ConcurrentHashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  // Delayed answers wait here, not in a thread each: a bulk benchmark has hundreds in flight.
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "test-dns-timer");
    thread.setDaemon(true);
    threads.add(thread);
    return thread;
  });

  public TestDnsServer() throws IOException {
    socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
    // Room for a burst of queries (a bulk benchmark sends hundreds at once): a full buffer drops
    // them, and the client then waits for its whole timeout. The kernel may grant less.
    socket.setReceiveBufferSize(RECEIVE_BUFFER);
    Thread thread = new Thread(this::serve, "test-dns");
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public int queryCount() {
    return queries.get();
  }

  /** CPU time its threads (receiving and answering, the delay timer) have spent, in nanoseconds. */
  public long cpuTimeNanos() {
    return ThreadCpu.of(threads);
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** MX records for {@code domain}: host names in preference order. */
  public TestDnsServer mx(String domain, boolean authenticated, Duration delay, String... hosts) {
    List<Record> records = new ArrayList<>();
    int preference = 10;
    for (String host : hosts) {
      records.add(new MXRecord(name(domain), DClass.IN, 300, preference, name(host)));
      preference += 10;
    }
    answers.put(new Key(domain.toLowerCase(Locale.ROOT), Type.MX), new Answer(records, authenticated, delay));
    return this;
  }

  /**
   * An answer to MX queries for {@code asked} that carries an MX record owned by another name
   * ({@code owner}): what a hostile or broken server sends to slip in records for names nobody
   * asked about.
   */
  public TestDnsServer mxFor(String asked, String owner, String host) {
    answers.put(new Key(asked.toLowerCase(Locale.ROOT), Type.MX),
        new Answer(List.of(new MXRecord(name(owner), DClass.IN, 300, 10, name(host))), false, Duration.ZERO));
    return this;
  }

  /** One SRV record; target "." means "not offered". */
  public TestDnsServer srv(String name, int priority, int weight, int port, String target, boolean authenticated) {
    Key key = new Key(name.toLowerCase(Locale.ROOT), Type.SRV);
    List<Record> records = new ArrayList<>(answers.containsKey(key) ? answers.get(key).records() : List.of());
    records.add(new SRVRecord(name(name), DClass.IN, 300, priority, weight, port, target.equals(".") ? Name.root : name(target)));
    answers.put(key, new Answer(records, authenticated, Duration.ZERO));
    return this;
  }

  /**
   * One TXT record, added to the records of {@code name} (several make a set, as during a key
   * rollover), with these character-strings; {@code authenticated} sets the AD flag of the whole
   * answer.
   */
  public TestDnsServer txt(String name, boolean authenticated, String... strings) {
    Key key = new Key(name.toLowerCase(Locale.ROOT), Type.TXT);
    List<Record> records = new ArrayList<>(answers.containsKey(key) ? answers.get(key).records() : List.of());
    records.add(new TXTRecord(name(name), DClass.IN, 300, List.of(strings)));
    answers.put(key, new Answer(records, authenticated, Duration.ZERO));
    return this;
  }

  /** A TXT record whose one character-string is these bytes, whatever they are (non-ASCII included). */
  public TestDnsServer txtBytes(String name, byte[] string) {
    Key key = new Key(name.toLowerCase(Locale.ROOT), Type.TXT);
    List<Record> records = new ArrayList<>(answers.containsKey(key) ? answers.get(key).records() : List.of());
    StringBuilder escaped = new StringBuilder();
    for (byte b : string) {
      escaped.append(String.format("\\%03d", b & 0xFF)); // dnsjava's \DDD escape: any byte
    }
    records.add(new TXTRecord(name(name), DClass.IN, 300, List.of(escaped.toString())));
    answers.put(key, new Answer(records, false, Duration.ZERO));
    return this;
  }

  /** Loses the next {@code count} queries for {@code name}/{@code type}, as a network loses UDP packets. */
  public TestDnsServer loseNext(String name, int type, int count) {
    toLose.put(new Key(name.toLowerCase(Locale.ROOT), type), new AtomicInteger(count));
    return this;
  }

  /** Replies to {@code name}/{@code type} with these bytes, whatever they are. */
  public TestDnsServer raw(String name, int type, byte[] reply) {
    raw.put(new Key(name.toLowerCase(Locale.ROOT), type), reply);
    return this;
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        queries.incrementAndGet();
        reply(java.util.Arrays.copyOf(packet.getData(), packet.getLength()), packet.getAddress(), packet.getPort());
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Answers at once on the receiving thread, or after the answer's delay on the timer. */
  private void reply(byte[] requestBytes, InetAddress client, int clientPort) {
    try {
      Message query = new Message(requestBytes);
      Record question = query.getQuestion();
      String name = question.getName().toString(true).toLowerCase(Locale.ROOT);
      Key key = new Key(name, question.getType());
      AtomicInteger losing = toLose.get(key);
      if (losing != null && losing.getAndDecrement() > 0) {
        return;
      }
      byte[] rawReply = raw.get(key);
      byte[] bytes;
      Duration delay = Duration.ZERO;
      if (rawReply != null) {
        bytes = rawReply.clone();
        if (bytes.length >= 2) {
          bytes[0] = requestBytes[0];
          bytes[1] = requestBytes[1];
        }
      } else {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        Answer answer = answers.get(key);
        if (answer == null) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
          delay = answer.delay();
          for (Record record : answer.records()) {
            response.addRecord(record, Section.ANSWER);
          }
          if (answer.authenticated()) {
            response.getHeader().setFlag(Flags.AD);
          }
        }
        bytes = response.toWire(4096);
      }
      DatagramPacket reply = new DatagramPacket(bytes, bytes.length, client, clientPort);
      if (delay.isZero()) {
        send(reply);
      } else {
        var unused = timer.schedule(() -> send(reply), delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (IOException | RuntimeException e) {
      // malformed query, or closed: no answer
    }
  }

  private void send(DatagramPacket reply) {
    try {
      socket.send(reply);
    } catch (IOException e) {
      // closed meanwhile
    }
  }

  @Override
  public void close() {
    socket.close();
    timer.shutdownNow();
  }
}
