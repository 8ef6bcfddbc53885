package org.mailsettings.jakarta;

import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.internal.BearerChallengeReader;
import org.mailsettings.jakarta.internal.ConnectionGuard;
import org.mailsettings.jakarta.internal.FailureClassifier;

/**
 * One run of {@link MailConnector#verify}: candidates started in rank order with a stagger, a
 * few at a time, under one deadline; it returns as soon as the best-ranked working candidate is
 * known. A candidate that needs confirmation the user has not given is not tried at all. When it
 * returns, every connection of the run is closed: no attempt logs in afterwards.
 */
final class Verification {
  private final MailConnector connector;
  private final List<Candidate> candidates;
  private final EmailAddress address;
  private final Credentials credentials;
  private final VerifyOptions verifyOptions;
  /** The guard of each candidate's current connection attempt, while it runs. */
  private final AtomicReferenceArray<@Nullable ConnectionGuard> guards;
  private volatile boolean over;

  Verification(
      MailConnector connector, List<Candidate> candidates, EmailAddress address, Credentials credentials, VerifyOptions verifyOptions) {
    this.connector = connector;
    this.candidates = List.copyOf(candidates);
    this.address = address;
    this.credentials = credentials;
    this.verifyOptions = verifyOptions;
    this.guards = new AtomicReferenceArray<>(this.candidates.size());
  }

  /** Whether a password may go to the candidate's host without asking the user first. */
  private boolean confirmed(Candidate candidate) {
    return candidate.trust() != Trust.NEEDS_CONFIRMATION || verifyOptions.confirmedDomains().contains(candidate.hostDomain());
  }

  /**
   * Whether the candidate may connect to a loopback or private address: the application's own
   * provider files and what the user typed may, anything else only once its domain is confirmed.
   */
  private boolean privateAllowed(Candidate candidate) {
    return candidate.sources().contains(Source.LOCAL_FILE)
        || candidate.sources().contains(Source.USER_INPUT)
        || verifyOptions.confirmedDomains().contains(candidate.hostDomain());
  }

  VerificationReport run() {
    long start = System.nanoTime();
    long deadline = start + verifyOptions.deadline().toNanos();
    int n = candidates.size();
    AtomicReferenceArray<@Nullable VerificationOutcome> outcomes = new AtomicReferenceArray<>(n);
    AtomicReferenceArray<@Nullable Long> startedAt = new AtomicReferenceArray<>(n);
    BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
    List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    boolean[] tried = new boolean[n];
    int pending = 0;
    for (int i = 0; i < n; i++) {
      Candidate candidate = candidates.get(i);
      if (candidate.settings().security() == Security.NONE && !connector.options().plaintextAllowed()) {
        continue; // never tried: credentials would travel in the clear
      }
      tried[i] = true;
      if (!confirmed(candidate)) {
        outcomes.set(i, outcome(candidate, VerificationStatus.NOT_CONFIRMED,
            "needs confirmation: " + candidate.hostDomain() + " was not confirmed", 0, null));
        continue;
      }
      int index = i;
      Runnable attempt = () -> {
        long began = System.nanoTime();
        if (over || began >= deadline) {
          finished.add(index);
          return;
        }
        startedAt.set(index, began);
        try {
          outcomes.set(index, attempt(index, deadline));
        } finally {
          finished.add(index);
        }
      };
      try {
        scheduled.add(connector.schedule(
            () -> connector.execute(attempt), Duration.ofNanos(verifyOptions.stagger().toNanos() * pending)));
        pending++;
      } catch (RejectedExecutionException e) {
        outcomes.set(i, outcome(candidate, VerificationStatus.CANCELLED, "the connector is closed", 0, null));
      }
    }
    boolean interrupted = false;
    try {
      while (pending > 0 && (verifyOptions.exhaustive() || !bestKnown(outcomes, tried))) {
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
      interrupted = true;
    } finally {
      over = true;
      scheduled.forEach(f -> f.cancel(false));
      // Every connection still open is closed now: blocked reads end, no attempt logs in later.
      boolean deadlinePassed = System.nanoTime() >= deadline;
      for (int i = 0; i < n; i++) {
        ConnectionGuard guard = guards.get(i);
        if (guard != null) {
          if (deadlinePassed) {
            guard.deadline();
          } else {
            guard.stop();
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    boolean deadlinePassed = System.nanoTime() >= deadline;
    List<VerificationOutcome> report = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      VerificationOutcome outcome = outcomes.get(i);
      Long began = startedAt.get(i);
      if (outcome != null) {
        report.add(outcome);
      } else if (began != null) {
        report.add(outcome(candidates.get(i),
            deadlinePassed ? VerificationStatus.TIMEOUT : VerificationStatus.CANCELLED,
            deadlinePassed
                ? "no answer before the deadline of " + verifyOptions.deadline().toMillis() + " ms"
                : "abandoned: a better-ranked candidate already works",
            System.nanoTime() - began, null));
      }
    }
    return VerificationReport.builder().outcomes(report).elapsed(Duration.ofNanos(System.nanoTime() - start)).build();
  }

  private static VerificationOutcome outcome(
      Candidate candidate, VerificationStatus status, String message, long nanos, @Nullable String username) {
    VerificationOutcome.Builder outcome =
        VerificationOutcome.builder().candidate(candidate).status(status).message(message).elapsed(Duration.ofNanos(nanos));
    if (username != null) {
      outcome.username(username);
    }
    return outcome.build();
  }

  /** Whether some candidate worked and every better-ranked one that is tried has finished. */
  private boolean bestKnown(AtomicReferenceArray<@Nullable VerificationOutcome> outcomes, boolean[] tried) {
    for (int i = 0; i < outcomes.length(); i++) {
      VerificationOutcome outcome = outcomes.get(i);
      if (outcome == null && tried[i]) {
        return false;
      }
      if (outcome != null && outcome.status().isSuccess()) {
        return true;
      }
    }
    return false;
  }

  private VerificationOutcome attempt(int index, long deadline) {
    Candidate candidate = candidates.get(index);
    long began = System.nanoTime();
    ServerSettings settings = candidate.settings();
    List<String> usernames = new ArrayList<>();
    usernames.add(credentials.username().orElse(settings.username()));
    if (credentials.username().isEmpty()) {
      usernames.addAll(candidate.usernameAlternatives());
    }
    FailureClassifier.Failure failure = null;
    byte[] challenge = null;
    for (String username : usernames) {
      ConnectionGuard guard = connector.guard(privateAllowed(candidate));
      guards.set(index, guard);
      if (over) {
        guard.stop();
      }
      try (Service service = connector.connect(settings, address, credentials.withUsername(username), guard, deadline)) {
        if (!service.isConnected()) {
          throw new MessagingException("The connection closed right after the login");
        }
        return outcome(candidate, VerificationStatus.OK, "", System.nanoTime() - began, username);
      } catch (MessagingException | RuntimeException e) {
        failure = FailureClassifier.classify(e, settings, guard);
        challenge = guard.bearerChallenge();
        if (failure.status() != VerificationStatus.AUTH_FAILED || over || System.nanoTime() >= deadline) {
          break;
        }
      } finally {
        guards.compareAndSet(index, guard, null);
        guard.stop();
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
        .bearerChallenge(Optional.ofNullable(bearerChallenge(challenge)))
        .build();
  }

  /** What a refused OAUTHBEARER login's error says, read as untrusted input; null for none. */
  private static @Nullable BearerChallenge bearerChallenge(byte @Nullable [] challenge) {
    if (challenge == null) {
      return null;
    }
    BearerChallengeReader.Read read = BearerChallengeReader.read(challenge);
    return read == null ? null : new BearerChallenge(read.status(), read.scope(), read.openidConfiguration());
  }
}
