package org.mailsettings.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.probe.Dialogue;
import org.mailsettings.internal.probe.LineConnection;

/**
 * Checks candidates before any password is asked for, on plain sockets and the JDK's TLS: it
 * connects (bounded), completes the TLS handshake for implicit TLS, reads the greeting, asks the
 * capabilities (IMAP {@code CAPABILITY}, POP3 {@code CAPA}, SMTP {@code EHLO}), upgrades with
 * STARTTLS where the candidate says so, asks the capabilities again, and says goodbye. No
 * credential is ever sent.
 *
 * <p>TLS certificates are validated against the trusted authorities; whether they fit the host is
 * reported rather than enforced ({@link ProbeResult#certificateMatches()}), so that a hoster's
 * server name on the certificate can be proposed instead ({@link ProbeResult#proposal()}).
 * Instances are immutable and thread-safe.
 */
public final class Prober {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ProbeOptions options;
  private final SSLContext sslContext;

  private Prober(ProbeOptions options) {
    this.options = options;
    this.sslContext = options.sslContext().orElseGet(Prober::defaultContext);
  }

  /** A prober with {@link ProbeOptions#defaults()}. */
  public static Prober create() {
    return new Prober(ProbeOptions.defaults());
  }

  /** A prober with the given options. */
  public static Prober create(ProbeOptions options) {
    return new Prober(options);
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no default TLS context", e);
    }
  }

  /** Probes one candidate, within a few read timeouts. */
  public ProbeResult probe(Candidate candidate) {
    return new Probe(candidate).run();
  }

  /**
   * Probes candidates, {@link ProbeOptions#concurrency()} at once, within {@link
   * ProbeOptions#deadline()}; a probe still running at the deadline is stopped and reported as a
   * {@link ProbeStatus#TIMEOUT}. The results are in the order of the candidates.
   */
  public List<ProbeResult> probeAll(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(options.concurrency(), candidates.size()),
            runnable -> {
              Thread thread = new Thread(runnable, "mailsettings-probe-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long deadline = System.nanoTime() + options.deadline().toNanos();
    List<Probe> probes = new ArrayList<>();
    List<Future<ProbeResult>> futures = new ArrayList<>();
    try {
      for (Candidate candidate : candidates) {
        Probe probe = new Probe(candidate);
        probes.add(probe);
        futures.add(pool.submit(probe::run));
      }
      List<ProbeResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        results.add(await(futures.get(i), probes.get(i), deadline));
      }
      return List.copyOf(results);
    } finally {
      pool.shutdownNow();
      probes.forEach(Probe::abort);
    }
  }

  private ProbeResult await(Future<ProbeResult> future, Probe probe, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      probe.abort();
      future.cancel(true);
      return probe.result(ProbeStatus.TIMEOUT, "not finished before the deadline of " + options.deadline().toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return probe.result(ProbeStatus.TIMEOUT, "interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      return probe.result(ProbeStatus.PROTOCOL_MISMATCH, String.valueOf(e.getCause()));
    }
  }

  /**
   * Makes guesses better: when a resolution holds guessed candidates, probes them (bounded, one
   * deadline), drops the ones that do not answer properly, adds the certificate names' proposals
   * in their place, and gives the survivors the authentication methods they offer. Candidates
   * that are not guesses are left as they are; the order of the survivors is kept (implicit TLS
   * first, port 25 last).
   */
  public Resolution refineGuesses(Resolution resolution) {
    List<Candidate> guesses = guesses(resolution);
    return guesses.isEmpty() ? resolution : refineGuesses(resolution, probeAll(guesses));
  }

  /**
   * {@link #refineGuesses(Resolution)} with findings the caller already has (from {@link
   * #probeAll}), so that nothing is probed twice. Guesses without a finding are left as they are.
   */
  public Resolution refineGuesses(Resolution resolution, List<ProbeResult> findings) {
    List<Candidate> guesses = new ArrayList<>();
    List<ProbeResult> results = new ArrayList<>();
    for (Candidate guess : guesses(resolution)) {
      for (ProbeResult finding : findings) {
        if (finding.candidate().equals(guess)) {
          guesses.add(guess);
          results.add(finding);
          break;
        }
      }
    }
    if (guesses.isEmpty()) {
      return resolution;
    }
    int answered = (int) results.stream().filter(ProbeResult::usable).count();
    return Resolution.builder()
        .from(resolution)
        .incoming(refined(resolution.incoming(), guesses, results))
        .outgoing(refined(resolution.outgoing(), guesses, results))
        .addNotes("Probed " + guesses.size() + " guessed servers: " + answered + " answered properly; the others were left out.")
        .build();
  }

  private static List<Candidate> guesses(Resolution resolution) {
    List<Candidate> guesses = new ArrayList<>();
    for (List<Candidate> list : List.of(resolution.incoming(), resolution.outgoing())) {
      for (Candidate candidate : list) {
        if (candidate.source() == Source.GUESS) {
          guesses.add(candidate);
        }
      }
    }
    return guesses;
  }

  private static List<Candidate> refined(List<Candidate> candidates, List<Candidate> guesses, List<ProbeResult> results) {
    List<Candidate> kept = new ArrayList<>();
    for (Candidate candidate : candidates) {
      int index = guesses.indexOf(candidate);
      if (index < 0) {
        kept.add(candidate);
        continue;
      }
      ProbeResult result = results.get(index);
      result.proposal().filter(p -> kept.stream().noneMatch(k -> k.settings().sameEndpoint(p.settings()))).ifPresent(kept::add);
      if (result.usable()) {
        List<String> offered = result.mechanismsAfterTls().isEmpty() ? result.mechanismsBeforeTls() : result.mechanismsAfterTls();
        List<AuthMethod> methods = new ArrayList<>(authMethods(offered));
        if (candidate.protocol().isIncoming() && !methods.contains(AuthMethod.PASSWORD_CLEARTEXT)) {
          // IMAP LOGIN and POP3 USER/PASS take a password whatever SASL mechanisms are listed.
          methods.add(AuthMethod.PASSWORD_CLEARTEXT);
        }
        ServerSettings.Builder settings = ServerSettings.builder().from(candidate.settings());
        if (!methods.isEmpty()) {
          settings.authMethods(methods);
        }
        kept.add(
            Candidate.builder()
                .from(candidate)
                .settings(settings.build())
                .reason(candidate.reason() + "; answered the probe" + (offered.isEmpty() ? "" : ", offers " + String.join(" ", offered)))
                .build());
      }
    }
    return kept;
  }

  /** The authentication methods SASL mechanism names stand for, in the server's order. */
  static List<AuthMethod> authMethods(List<String> mechanisms) {
    List<AuthMethod> methods = new ArrayList<>();
    for (String mechanism : mechanisms) {
      @Nullable AuthMethod method =
          switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN", "LOGIN" -> AuthMethod.PASSWORD_CLEARTEXT;
            case "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256" -> AuthMethod.PASSWORD_ENCRYPTED;
            case "XOAUTH2", "OAUTHBEARER" -> AuthMethod.OAUTH2;
            case "NTLM" -> AuthMethod.NTLM;
            case "GSSAPI" -> AuthMethod.GSSAPI;
            case "EXTERNAL" -> AuthMethod.TLS_CLIENT_CERT;
            default -> null;
          };
      if (method != null && !methods.contains(method)) {
        methods.add(method);
      }
    }
    return methods;
  }

  /** One probe of one candidate. */
  private final class Probe {
    private final Candidate candidate;
    private final ServerSettings settings;
    private final long start = System.nanoTime();
    private volatile @Nullable Socket socket;
    private final ProbeResult.Builder result = ProbeResult.builder();
    private String greeting = "";

    Probe(Candidate candidate) {
      this.candidate = candidate;
      this.settings = candidate.settings();
    }

    void abort() {
      Socket s = socket;
      if (s != null) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing to stop the probe
        }
      }
    }

    ProbeResult result(ProbeStatus status, String detail) {
      return result.candidate(candidate).status(status).detail(detail).greeting(greeting)
          .elapsed(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    ProbeResult run() {
      InetAddress[] addresses;
      try {
        addresses = InetAddress.getAllByName(settings.host());
      } catch (UnknownHostException e) {
        return result(ProbeStatus.UNREACHABLE, settings.host() + " does not resolve");
      }
      try {
        return converse(addresses);
      } catch (ConnectException e) {
        return result(ProbeStatus.REFUSED, message(e));
      } catch (NoRouteToHostException e) {
        return result(ProbeStatus.UNREACHABLE, message(e));
      } catch (SocketTimeoutException e) {
        return result(ProbeStatus.TIMEOUT, "no answer within " + options.readTimeout().toMillis() + " ms");
      } catch (LineConnection.ProtocolException e) {
        return result(ProbeStatus.PROTOCOL_MISMATCH, message(e));
      } catch (SSLException e) {
        return result(isPlaintextAnswer(e) ? ProbeStatus.PROTOCOL_MISMATCH : ProbeStatus.TLS_FAILED,
            isPlaintextAnswer(e) ? "the server answered in plaintext, not TLS: this port is not for implicit TLS" : message(e));
      } catch (SocketException e) {
        return result(ProbeStatus.TIMEOUT, "stopped: " + message(e));
      } catch (IOException e) {
        return result(ProbeStatus.PROTOCOL_MISMATCH, message(e));
      } finally {
        abort();
      }
    }

    private ProbeResult converse(InetAddress[] addresses) throws IOException {
      Socket raw = connect(addresses[0]);
      Dialogue dialogue = Dialogue.of(settings.protocol(), options.clientName());
      if (settings.security() == Security.IMPLICIT_TLS) {
        SSLSocket tls = handshake(raw, addresses);
        LineConnection connection = new LineConnection(tls);
        greeting = dialogue.greeting(connection);
        Optional<ProbeResult> mismatch = checkGreeting();
        if (mismatch.isPresent()) {
          return mismatch.get();
        }
        result.mechanismsAfterTls(dialogue.capabilities(connection).mechanisms());
        dialogue.quit(connection);
        return result(ProbeStatus.REACHABLE, "");
      }
      LineConnection plain = new LineConnection(raw);
      try {
        greeting = dialogue.greeting(plain);
      } catch (SocketTimeoutException e) {
        if (speaksTls(addresses[0])) {
          return result(ProbeStatus.PROTOCOL_MISMATCH, "no greeting, but TLS answers on this port: it is for implicit TLS");
        }
        throw e;
      }
      Optional<ProbeResult> mismatch = checkGreeting();
      if (mismatch.isPresent()) {
        return mismatch.get();
      }
      Dialogue.Capabilities before = dialogue.capabilities(plain);
      result.mechanismsBeforeTls(before.mechanisms()).startTlsOffered(before.startTls());
      if (settings.security() == Security.NONE) {
        dialogue.quit(plain);
        return result(ProbeStatus.REACHABLE, "");
      }
      if (!before.startTls()) {
        dialogue.quit(plain);
        return result(ProbeStatus.STARTTLS_NOT_OFFERED, "the server does not offer STARTTLS");
      }
      if (!dialogue.startTls(plain)) {
        dialogue.quit(plain);
        return result(ProbeStatus.STARTTLS_NOT_OFFERED, "the server refused STARTTLS");
      }
      SSLSocket tls = handshake(raw, addresses);
      LineConnection secured = new LineConnection(tls);
      result.mechanismsAfterTls(dialogue.capabilities(secured).mechanisms());
      dialogue.quit(secured);
      return result(ProbeStatus.REACHABLE, "");
    }

    private Optional<ProbeResult> checkGreeting() {
      Protocol spoken = Dialogue.recognise(greeting);
      if (spoken == settings.protocol()) {
        return Optional.empty();
      }
      return Optional.of(result(ProbeStatus.PROTOCOL_MISMATCH,
          spoken == null ? "not a mail server greeting" : "the server speaks " + spoken + ", not " + settings.protocol()));
    }

    private Socket connect(InetAddress address) throws IOException {
      Socket raw = new Socket();
      socket = raw;
      raw.connect(new InetSocketAddress(address, settings.port()), (int) options.connectTimeout().toMillis());
      raw.setSoTimeout((int) options.readTimeout().toMillis());
      return raw;
    }

    private SSLSocket handshake(Socket raw, InetAddress[] addresses) throws IOException {
      SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(raw, settings.host(), settings.port(), true);
      socket = tls;
      tls.setSoTimeout((int) options.readTimeout().toMillis());
      tls.startHandshake();
      result.tlsVersion(tls.getSession().getProtocol());
      X509Certificate certificate = (X509Certificate) tls.getSession().getPeerCertificates()[0];
      List<String> names = CertificateNames.of(certificate);
      boolean matches = CertificateNames.matches(settings.host(), certificate);
      result.certificateNames(names).certificateMatches(matches);
      if (!matches) {
        proposal(names, addresses).ifPresent(result::proposal);
      }
      return tls;
    }

    /** A candidate on a certificate name that points to the same address as the probed host. */
    private Optional<Candidate> proposal(List<String> names, InetAddress[] addresses) {
      List<InetAddress> probed = Arrays.asList(addresses);
      for (String name : names) {
        if (name.startsWith("*") || HostNames.isIpLiteral(name) || HostNames.normalise(name).isEmpty()) {
          continue;
        }
        try {
          for (InetAddress address : InetAddress.getAllByName(name)) {
            if (probed.contains(address)) {
              return Optional.of(
                  Candidate.builder()
                      .settings(ServerSettings.builder().from(settings).host(name).build())
                      .addSources(Source.PROBE)
                      .trust(Trust.NEEDS_CONFIRMATION)
                      .reason("the certificate of " + settings.host() + " names " + name + ", which points to the same address")
                      .addAllUsernameAlternatives(candidate.usernameAlternatives())
                      .build());
            }
          }
        } catch (UnknownHostException e) {
          // a name that does not resolve is no proposal
        }
      }
      return Optional.empty();
    }

    /** Whether a TLS handshake gets an answer on this port (a server waiting for TLS says nothing). */
    private boolean speaksTls(InetAddress address) {
      try (Socket raw = new Socket()) {
        raw.connect(new InetSocketAddress(address, settings.port()), (int) options.connectTimeout().toMillis());
        raw.setSoTimeout((int) options.readTimeout().toMillis());
        try (SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(raw, settings.host(), settings.port(), true)) {
          tls.startHandshake();
          return true;
        }
      } catch (SSLException e) {
        return !isPlaintextAnswer(e);
      } catch (IOException e) {
        return false;
      }
    }
  }

  private static boolean isPlaintextAnswer(SSLException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("unrecognized ssl message") || message.contains("plaintext connection")
        || message.contains("unsupported or unrecognized");
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
