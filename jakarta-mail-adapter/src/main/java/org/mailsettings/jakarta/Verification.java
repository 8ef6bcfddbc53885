package org.mailsettings.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.internal.FailureClassifier;

/**
 * One run of {@link MailConnector#verify}: candidates started in rank order with a stagger, a
 * few at a time, under one deadline; it returns as soon as the best-ranked working candidate is
 * known.
 */
final class Verification {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final MailOptions options;
  private final List<Candidate> candidates;
  private final EmailAddress address;
  private final Credentials credentials;
  private final VerifyOptions verifyOptions;

  Verification(
      MailOptions options,
      List<Candidate> candidates,
      EmailAddress address,
      Credentials credentials,
      VerifyOptions verifyOptions) {
    this.options = options;
    this.candidates = List.copyOf(candidates);
    this.address = address;
    this.credentials = credentials;
    this.verifyOptions = verifyOptions;
  }

  VerificationReport run() {
    long start = System.nanoTime();
    long deadline = start + verifyOptions.deadline().toNanos();
    int n = candidates.size();
    AtomicReferenceArray<@Nullable VerificationOutcome> outcomes = new AtomicReferenceArray<>(n);
    AtomicReferenceArray<@Nullable Long> startedAt = new AtomicReferenceArray<>(n);
    BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
    List<Future<?>> futures = new ArrayList<>();
    ScheduledExecutorService pool =
        new ScheduledThreadPoolExecutor(
            Math.max(1, Math.min(verifyOptions.parallelism(), n)),
            runnable -> {
              Thread thread = new Thread(runnable, "mailsettings-verify-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      for (int i = 0; i < n; i++) {
        int index = i;
        Candidate candidate = candidates.get(i);
        if (candidate.settings().security() == Security.NONE && !options.plaintextAllowed()) {
          continue; // never tried: credentials would travel in the clear
        }
        futures.add(
            pool.schedule(
                () -> {
                  long began = System.nanoTime();
                  if (began >= deadline) {
                    finished.add(index);
                    return;
                  }
                  startedAt.set(index, began);
                  outcomes.set(index, attempt(candidate, deadline));
                  finished.add(index);
                },
                verifyOptions.stagger().toNanos() * futures.size(),
                TimeUnit.NANOSECONDS));
      }
      int pending = futures.size();
      while (pending > 0 && (verifyOptions.exhaustive() || !bestKnown(outcomes))) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        Integer done = finished.poll(remaining, TimeUnit.NANOSECONDS);
        if (done != null) {
          pending--;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    boolean deadlinePassed = System.nanoTime() >= deadline;
    List<VerificationOutcome> tried = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      VerificationOutcome outcome = outcomes.get(i);
      Long began = startedAt.get(i);
      if (outcome != null) {
        tried.add(outcome);
      } else if (began != null) {
        tried.add(
            VerificationOutcome.builder()
                .candidate(candidates.get(i))
                .status(deadlinePassed ? VerificationStatus.TIMEOUT : VerificationStatus.CANCELLED)
                .message(
                    deadlinePassed
                        ? "no answer before the deadline of " + verifyOptions.deadline().toMillis() + " ms"
                        : "abandoned: a better-ranked candidate already works")
                .elapsed(Duration.ofNanos(System.nanoTime() - began))
                .build());
      }
    }
    return VerificationReport.builder().outcomes(tried).elapsed(Duration.ofNanos(System.nanoTime() - start)).build();
  }

  /** Whether some candidate worked and every better-ranked one has finished. */
  private boolean bestKnown(AtomicReferenceArray<@Nullable VerificationOutcome> outcomes) {
    for (int i = 0; i < outcomes.length(); i++) {
      VerificationOutcome outcome = outcomes.get(i);
      boolean skipped = candidates.get(i).settings().security() == Security.NONE && !options.plaintextAllowed();
      if (outcome == null && !skipped) {
        return false;
      }
      if (outcome != null && outcome.status().isSuccess()) {
        return true;
      }
    }
    return false;
  }

  private VerificationOutcome attempt(Candidate candidate, long deadline) {
    long began = System.nanoTime();
    ServerSettings settings = candidate.settings();
    List<String> usernames = new ArrayList<>();
    usernames.add(credentials.username().orElse(settings.username()));
    if (credentials.username().isEmpty()) {
      usernames.addAll(candidate.usernameAlternatives());
    }
    FailureClassifier.Failure failure = null;
    for (String username : usernames) {
      MailConnector connector = MailConnector.create(boundedOptions(deadline));
      try (Service service = connect(connector, settings, credentials.withUsername(username))) {
        if (!service.isConnected()) {
          throw new MessagingException("The connection closed right after the login");
        }
        return VerificationOutcome.builder()
            .candidate(candidate)
            .status(VerificationStatus.OK)
            .message("")
            .elapsed(Duration.ofNanos(System.nanoTime() - began))
            .username(username)
            .build();
      } catch (MessagingException | RuntimeException e) {
        failure = FailureClassifier.classify(e);
        if (failure.status() != VerificationStatus.AUTH_FAILED || System.nanoTime() >= deadline) {
          break;
        }
      }
    }
    FailureClassifier.Failure last =
        failure != null ? failure : new FailureClassifier.Failure(VerificationStatus.PROTOCOL_ERROR, "no username", List.of());
    return VerificationOutcome.builder()
        .candidate(candidate)
        .status(last.status())
        .message(last.message())
        .elapsed(Duration.ofNanos(System.nanoTime() - began))
        .certificateNames(last.certificateNames())
        .build();
  }

  private Service connect(MailConnector connector, ServerSettings settings, Credentials credentials)
      throws MessagingException {
    return settings.protocol().isIncoming()
        ? connector.connectStore(settings, address, credentials)
        : connector.connectTransport(settings, address, credentials);
  }

  /** The options with every timeout cut to the time left before the deadline. */
  private MailOptions boundedOptions(long deadline) {
    Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    return options.toBuilder()
        .connectTimeout(min(options.connectTimeout(), left))
        .readTimeout(min(options.readTimeout(), left))
        .writeTimeout(min(options.writeTimeout(), left))
        .build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
