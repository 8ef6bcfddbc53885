package org.mailsettings.jakarta.internal;

import jakarta.mail.AuthenticationFailedException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.jakarta.SignInRequiredException;
import org.mailsettings.jakarta.VerificationStatus;

/**
 * Reads what went wrong from the exception Jakarta Mail threw and from what the attempt's
 * {@link ConnectionGuard} saw: by type and state, not by wording, except where Angus has no type
 * of its own (an unsupported login mechanism).
 */
public final class FailureClassifier {

  /** A status with the message to report and, for host-name mismatches, the certificate's names. */
  public record Failure(VerificationStatus status, String message, List<String> certificateNames) {}

  private FailureClassifier() {}

  /** Classifies {@code failure} of an attempt on {@code settings} watched by {@code guard}. */
  public static Failure classify(Throwable failure, ServerSettings settings, ConnectionGuard guard) {
    String message = messageOf(failure);
    if (guard.addressRefused()) {
      return new Failure(VerificationStatus.NOT_CONFIRMED,
          "the host is at a loopback or private address, which was not confirmed; no connection was made", List.of());
    }
    if (guard.deadlinePassed()) {
      return new Failure(VerificationStatus.TIMEOUT, "stopped at the deadline: " + message, List.of());
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // The credentials' supplier, not the server: no login was attempted with a token.
      if (t instanceof SignInRequiredException signIn) {
        return new Failure(VerificationStatus.SIGN_IN_REQUIRED, messageOf(signIn), List.of());
      }
      if (t instanceof ConnectionGuard.AddressNotConfirmedException refused) {
        return new Failure(VerificationStatus.NOT_CONFIRMED, messageOf(refused), List.of());
      }
      if (t instanceof ConnectionGuard.StoppedException) {
        return new Failure(VerificationStatus.CANCELLED, messageOf(t), List.of());
      }
      if (t instanceof HostnameMismatchException mismatch) {
        return new Failure(VerificationStatus.TLS_FAILED, messageOf(mismatch), mismatch.certificateNames());
      }
      if (t instanceof ConnectionGuard.TooMuchBeforeLoginException) {
        return new Failure(VerificationStatus.PROTOCOL_ERROR, messageOf(t), List.of());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return new Failure(VerificationStatus.TLS_FAILED, messageOf(t), List.of());
      }
      if (t instanceof InterruptedIOException) { // SocketTimeoutException among them
        return new Failure(VerificationStatus.TIMEOUT, messageOf(t), List.of());
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
        return new Failure(VerificationStatus.CONNECT_FAILED, messageOf(t), List.of());
      }
      if (t instanceof EOFException || t instanceof SocketException) {
        // The server hung up (mid-greeting, say): not a password problem, and not STARTTLS's.
        return new Failure(VerificationStatus.PROTOCOL_ERROR, messageOf(t), List.of());
      }
    }
    if (guard.serverClosedFirst()) {
      return new Failure(VerificationStatus.PROTOCOL_ERROR, "the server closed the connection: " + message, List.of());
    }
    if (settings.security() == Security.STARTTLS && !guard.isTlsEstablished()) {
      // STARTTLS is required: Angus sends no credential before TLS. A login sequence that ended
      // without TLS ended at STARTTLS, whether the server did not offer it or refused it (IMAP
      // "NO", POP3 "-ERR", which Angus reports as an authentication failure).
      return new Failure(VerificationStatus.STARTTLS_NOT_OFFERED, message, List.of());
    }
    if (failure instanceof AuthenticationFailedException) {
      return new Failure(
          isUnsupportedMechanism(message) ? VerificationStatus.AUTH_METHOD_UNSUPPORTED : VerificationStatus.AUTH_FAILED,
          message,
          List.of());
    }
    return new Failure(VerificationStatus.PROTOCOL_ERROR, message, List.of());
  }

  /**
   * Angus reports "no common mechanism" as an AuthenticationFailedException like a refused
   * password, with no type or code of its own: its wording is the only evidence.
   */
  private static boolean isUnsupportedMechanism(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("no authentication mechanism")
        || lower.contains("no authentication mechansims") // sic, as some Jakarta Mail versions spell it
        || lower.contains("mechanism not supported")
        || lower.contains("unsupported authentication mechanism")
        || lower.contains("unrecognized authentication type")
        || lower.startsWith("504");
  }

  private static String messageOf(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
  }
}
