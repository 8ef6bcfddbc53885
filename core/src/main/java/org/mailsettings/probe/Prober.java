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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.probe.Dialogue;
import org.mailsettings.internal.probe.LineConnection;
import org.mailsettings.internal.text.Texts;

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
  private final ProbeOptions options;
  private final Executor executor;
  private final SSLContext sslContext;

  private Prober(ProbeOptions options, Executor executor, SSLContext sslContext) {
    this.options = options;
    this.executor = executor;
    this.sslContext = sslContext;
  }

  /**
   * {@return a prober that runs on {@code executor} and trusts {@code sslContext}'s authorities} Usually
   * obtained from {@link org.mailsettings.MailSettingsResolver#prober(ProbeOptions)}, which
   * passes the client's own.
   *
   * @param options the options
   * @param executor the threads to run on
   * @param sslContext the TLS context
   */
  public static Prober create(ProbeOptions options, Executor executor, SSLContext sslContext) {
    return new Prober(
        Objects.requireNonNull(options, "options"), Objects.requireNonNull(executor, "executor"),
        Objects.requireNonNull(sslContext, "sslContext"));
  }

  /**
   * Probes one candidate on the calling thread, within a few read timeouts.
   *
   * @param candidate the candidate
   * @return what the probe found
   */
  public ProbeResult probe(Candidate candidate) {
    return new Probe(candidate).run();
  }

  /**
   * Probes candidates, {@link ProbeOptions#concurrency()} at once on the client's threads,
   * within {@link ProbeOptions#deadline()}; a probe still running at the deadline is stopped
   * (its socket closed) and reported as a {@link ProbeStatus#TIMEOUT}. The results are in the
   * order of the candidates. When this returns, no probe of the batch touches a server any more.
   * An interrupt of the waiting thread stops the batch the same way.
   *
   * @param candidates the candidates, best first
   * @return a finding for every candidate, in the order given
   */
  public List<ProbeResult> probeAll(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    long deadline = System.nanoTime() + options.deadline().toNanos();
    List<Probe> probes = new ArrayList<>();
    for (Candidate candidate : candidates) {
      probes.add(new Probe(candidate));
    }
    List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      futures.add(new CompletableFuture<>());
    }
    AtomicInteger next = new AtomicInteger();
    Runnable[] worker = new Runnable[1];
    worker[0] = () -> {
      int index = next.getAndIncrement();
      if (index >= probes.size()) {
        return;
      }
      Probe probe = probes.get(index);
      try {
        futures.get(index).complete(probe.run());
      } catch (RuntimeException | Error e) {
        futures.get(index).completeExceptionally(e);
      }
      if (!probe.aborted) {
        submit(worker[0]); // this slot takes the next candidate
      }
    };
    for (int i = 0; i < Math.min(options.concurrency(), probes.size()); i++) {
      submit(worker[0]);
    }
    List<ProbeResult> results = new ArrayList<>();
    boolean interrupted = false;
    try {
      for (int i = 0; i < futures.size(); i++) {
        Probe probe = probes.get(i);
        if (interrupted) {
          results.add(probe.stopped(ProbeStatus.TIMEOUT, Note.of(NoteCode.INTERRUPTED)));
          continue;
        }
        try {
          results.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          results.add(probe.stopped(ProbeStatus.TIMEOUT, Note.of(NoteCode.NOT_FINISHED_BEFORE_DEADLINE, options.deadline().toMillis())));
        } catch (InterruptedException e) {
          interrupted = true;
          results.add(probe.stopped(ProbeStatus.TIMEOUT, Note.of(NoteCode.INTERRUPTED)));
        } catch (ExecutionException e) {
          results.add(probe.stopped(ProbeStatus.PROBE_FAILED, Note.of(NoteCode.FAILED, String.valueOf(e.getCause()))));
        }
      }
    } finally {
      // Whatever is still running or waiting stops here: sockets closed, no new connection.
      probes.forEach(Probe::abort);
      futures.forEach(f -> f.cancel(false));
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return List.copyOf(results);
  }

  private void submit(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // the client is closing: the batch's waiter reports what did not run
    }
  }

  /**
   * Makes guesses better: when a resolution holds guessed candidates, probes them (bounded, one
   * deadline), drops the ones that do not answer properly, adds the certificate names' proposals
   * in their place, and gives the survivors the authentication methods they offer. Candidates
   * that are not guesses are left as they are; the order of the survivors is kept (implicit TLS
   * first, port 25 last).
   *
   * @param resolution the resolution
   * @return the resolution with the guesses that did not answer left out
   */
  public Resolution refineGuesses(Resolution resolution) {
    List<Candidate> guesses = guesses(resolution);
    return guesses.isEmpty() ? resolution : refineGuesses(resolution, probeAll(guesses));
  }

  /**
   * {@return {@link #refineGuesses(Resolution)} with findings the caller already has (from {@link
   * #probeAll}), so that nothing is probed twice} Guesses without a finding are left as they are.
   *
   * @param resolution the resolution
   * @param findings what the probes found
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
        .addNotes(Note.of(NoteCode.GUESSES_PROBED, guesses.size(), answered))
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
                .addReasons(offered.isEmpty()
                    ? Note.of(NoteCode.ANSWERED_PROBE)
                    : Note.of(NoteCode.ANSWERED_PROBE_OFFERING, String.join(" ", offered)))
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

  /**
   * One probe of one candidate. Only the thread that runs it touches its builder; whoever gives
   * up waiting makes a result of its own ({@link #stopped}).
   */
  private final class Probe {
    private final Candidate candidate;
    private final ServerSettings settings;
    private final long start = System.nanoTime();
    private final ProbeResult.Builder result = ProbeResult.builder();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean aborted;
    private String greeting = "";

    Probe(Candidate candidate) {
      this.candidate = candidate;
      this.settings = candidate.settings();
    }

    /** Closes every socket of the probe and forbids new ones. */
    void abort() {
      List<Socket> open;
      synchronized (sockets) {
        aborted = true;
        open = List.copyOf(sockets);
      }
      for (Socket socket : open) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing to stop the probe
        }
      }
    }

    /** A result for a probe the waiter gave up on, built apart from the probe's own. */
    ProbeResult stopped(ProbeStatus status, Note detail) {
      abort();
      return ProbeResult.builder().candidate(candidate).status(status).addDetails(detail).greeting("")
          .elapsed(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    private ProbeResult result(ProbeStatus status, Note... details) {
      return result.candidate(candidate).status(status).addDetails(details).greeting(Texts.safe(greeting))
          .elapsed(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    ProbeResult run() {
      InetAddress[] addresses;
      try {
        addresses = InetAddress.getAllByName(settings.host());
      } catch (UnknownHostException e) {
        return result(ProbeStatus.UNREACHABLE, Note.of(NoteCode.DOES_NOT_RESOLVE, settings.host()));
      }
      try {
        return converse(addresses);
      } catch (ConnectException e) {
        return result(ProbeStatus.REFUSED, Note.of(NoteCode.CONNECT_FAILED, message(e)));
      } catch (NoRouteToHostException e) {
        return result(ProbeStatus.UNREACHABLE, Note.of(NoteCode.CONNECT_FAILED, message(e)));
      } catch (SocketTimeoutException e) {
        return result(ProbeStatus.TIMEOUT, Note.of(NoteCode.NO_ANSWER_WITHIN, options.readTimeout().toMillis()));
      } catch (LineConnection.ProtocolException e) {
        return result(ProbeStatus.PROTOCOL_MISMATCH, Note.of(NoteCode.MALFORMED_ANSWER, message(e)));
      } catch (SSLException e) {
        return isPlaintextAnswer(e)
            ? result(ProbeStatus.PROTOCOL_MISMATCH, Note.of(NoteCode.PLAINTEXT_ON_TLS_PORT))
            : result(ProbeStatus.TLS_FAILED, Note.of(NoteCode.TLS_FAILED, message(e)));
      } catch (SocketException e) {
        return result(aborted ? ProbeStatus.TIMEOUT : ProbeStatus.UNREACHABLE, Note.of(NoteCode.CONNECT_FAILED, message(e)));
      } catch (IOException e) {
        return result(ProbeStatus.PROTOCOL_MISMATCH, Note.of(NoteCode.MALFORMED_ANSWER, message(e)));
      } finally {
        abort();
      }
    }

    private ProbeResult converse(InetAddress[] addresses) throws IOException {
      Socket raw = connectAny(addresses);
      InetAddress connected = raw.getInetAddress();
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
        return result(ProbeStatus.REACHABLE);
      }
      LineConnection plain = new LineConnection(raw);
      try {
        greeting = dialogue.greeting(plain);
      } catch (SocketTimeoutException e) {
        if (speaksTls(connected)) {
          return result(ProbeStatus.PROTOCOL_MISMATCH, Note.of(NoteCode.TLS_ON_PLAINTEXT_PORT));
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
        return result(ProbeStatus.REACHABLE);
      }
      if (!before.startTls()) {
        dialogue.quit(plain);
        return result(ProbeStatus.STARTTLS_NOT_OFFERED, Note.of(NoteCode.STARTTLS_NOT_OFFERED));
      }
      if (!dialogue.startTls(plain)) {
        dialogue.quit(plain);
        return result(ProbeStatus.STARTTLS_NOT_OFFERED, Note.of(NoteCode.STARTTLS_REFUSED));
      }
      SSLSocket tls = handshake(raw, addresses);
      LineConnection secured = new LineConnection(tls);
      result.mechanismsAfterTls(dialogue.capabilities(secured).mechanisms());
      dialogue.quit(secured);
      return result(ProbeStatus.REACHABLE);
    }

    private Optional<ProbeResult> checkGreeting() {
      Protocol spoken = Dialogue.recognise(greeting);
      if (spoken == settings.protocol()) {
        return Optional.empty();
      }
      return Optional.of(spoken == null
          ? result(ProbeStatus.PROTOCOL_MISMATCH, Note.of(NoteCode.NOT_A_MAIL_GREETING))
          : result(ProbeStatus.PROTOCOL_MISMATCH, Note.of(NoteCode.SPEAKS_OTHER_PROTOCOL, spoken, settings.protocol())));
    }

    /** Connects to the host's addresses in turn, the first that accepts winning. */
    private Socket connectAny(InetAddress[] addresses) throws IOException {
      IOException last = null;
      for (InetAddress address : addresses) {
        try {
          return connect(address);
        } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
          if (aborted) {
            throw e;
          }
          last = e;
        }
      }
      throw last != null ? last : new ConnectException("no address for " + settings.host());
    }

    private Socket connect(InetAddress address) throws IOException {
      Socket raw = register(new Socket());
      raw.connect(new InetSocketAddress(address, settings.port()), (int) options.connectTimeout().toMillis());
      raw.setSoTimeout((int) options.readTimeout().toMillis());
      return raw;
    }

    /** Keeps the socket for {@link #abort}; one opened after the abort is closed at once. */
    private <S extends Socket> S register(S socket) throws IOException {
      synchronized (sockets) {
        if (!aborted) {
          sockets.add(socket);
          return socket;
        }
      }
      socket.close();
      throw new SocketException("the probe was stopped");
    }

    private SSLSocket handshake(Socket raw, InetAddress[] addresses) throws IOException {
      SSLSocket tls = register((SSLSocket) sslContext.getSocketFactory().createSocket(raw, settings.host(), settings.port(), true));
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
        if (name.startsWith("*") || HostNames.isIpLiteral(name)) {
          continue;
        }
        Optional<String> host = HostNames.normalise(name);
        if (host.isEmpty()) {
          continue;
        }
        try {
          for (InetAddress address : InetAddress.getAllByName(host.get())) {
            if (probed.contains(address)) {
              return Optional.of(
                  Candidate.builder()
                      .settings(ServerSettings.builder().from(settings).host(host.get()).build())
                      .addSources(Source.PROBE)
                      .trust(Trust.NEEDS_CONFIRMATION)
                      .addReasons(Note.of(NoteCode.FROM_CERTIFICATE_NAME, settings.host(), host.get()))
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
      try (Socket raw = register(new Socket())) {
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
