package org.mailsettings.jakarta.internal;

import jakarta.mail.AuthenticationFailedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.mailsettings.jakarta.SignInRequiredException;
import org.mailsettings.jakarta.VerificationStatus;

/** Reads what went wrong from the exception Jakarta Mail threw. */
public final class FailureClassifier {

  /** A status with the message to report and, for host-name mismatches, the certificate's names. */
  public record Failure(VerificationStatus status, String message, List<String> certificateNames) {}

  private FailureClassifier() {}

  /** Classifies {@code failure}, looking through its causes. */
  public static Failure classify(Throwable failure) {
    String message = messageOf(failure);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // The credentials' supplier, not the server: no login was attempted with a token.
      if (t instanceof SignInRequiredException signIn) {
        return new Failure(VerificationStatus.SIGN_IN_REQUIRED, messageOf(signIn), List.of());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HostnameMismatchException mismatch) {
        return new Failure(VerificationStatus.TLS_FAILED, messageOf(mismatch), mismatch.certificateNames());
      }
    }
    String lower = message.toLowerCase(Locale.ROOT);
    // Angus words it differently per protocol: "STARTTLS is required but host does not support
    // STARTTLS" (SMTP), "STARTTLS required but not supported by server" (IMAP), "STLS required
    // but not supported" (POP3).
    if ((lower.contains("starttls") || lower.contains("stls"))
        && lower.contains("required")
        && lower.contains("not support")) {
      return new Failure(VerificationStatus.STARTTLS_NOT_OFFERED, message, List.of());
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return new Failure(VerificationStatus.TLS_FAILED, messageOf(t), List.of());
      }
      if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
        return new Failure(VerificationStatus.TIMEOUT, messageOf(t), List.of());
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
        return new Failure(VerificationStatus.CONNECT_FAILED, messageOf(t), List.of());
      }
    }
    if (failure instanceof AuthenticationFailedException) {
      return new Failure(
          isUnsupportedMechanism(lower) ? VerificationStatus.AUTH_METHOD_UNSUPPORTED : VerificationStatus.AUTH_FAILED,
          message,
          List.of());
    }
    return new Failure(VerificationStatus.PROTOCOL_ERROR, message, List.of());
  }

  private static boolean isUnsupportedMechanism(String lower) {
    return lower.contains("no authentication mechanism")
        || lower.contains("no authentication mechansims") // sic, as some Jakarta Mail versions spell it
        || lower.contains("mechanism not supported")
        || lower.contains("unsupported authentication mechanism")
        || lower.contains("unrecognized authentication type")
        || lower.contains("504");
  }

  private static String messageOf(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
  }
}
