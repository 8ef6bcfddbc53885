package org.mailsettings.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.Security;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.InsecureSettingsException;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.MailOptions;
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerificationStatus;
import org.mailsettings.jakarta.VerifyOptions;

/** The command line's {@code --verify} and {@code --properties}: the adapter at work. */
final class Verifying implements AutoCloseable {
  private final MailConnector connector;
  private final @Nullable String password;

  private Verifying(MailConnector connector, @Nullable String password) {
    this.connector = connector;
    this.password = password;
  }

  /** A TLS context trusting the authorities of a PKCS#12 trust store (as the adapter builds it). */
  static javax.net.ssl.SSLContext sslContext(Path trustStore, String password) {
    return MailOptions.builder().trustStore(load(trustStore, password)).build().sslContext().orElseThrow();
  }

  private static KeyStore load(Path trustStore, String password) {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the trust store " + trustStore + ": " + e.getMessage(), e);
    }
  }

  /** Logins on the client's threads, trusting what the client trusts (the trust store, if any). */
  static Verifying create(
      MailSettingsResolver client, @Nullable Path trustStore, String trustStorePassword, boolean plaintextAllowed,
      @Nullable String password) {
    MailOptions.Builder options = MailOptions.builder().plaintextAllowed(plaintextAllowed);
    if (trustStore != null) {
      options.trustStore(load(trustStore, trustStorePassword));
    }
    return new Verifying(MailConnector.create(client, options.build()), password);
  }

  @Override
  public void close() {
    connector.close();
  }

  /** The outcome of verifying the incoming and the outgoing candidates, each list apart. */
  static final class Result {
    final VerificationReport incoming;
    final VerificationReport outgoing;
    /** Why no login was tried: the OAuth 2.0 sign-in failed (one line), or null. */
    final @Nullable String signInFailure;

    Result(VerificationReport incoming, VerificationReport outgoing) {
      this(incoming, outgoing, null);
    }

    private Result(VerificationReport incoming, VerificationReport outgoing, @Nullable String signInFailure) {
      this.incoming = incoming;
      this.outgoing = outgoing;
      this.signInFailure = signInFailure;
    }

    /** No login tried: the OAuth 2.0 sign-in failed. */
    static Result signInFailed(String why) {
      VerificationReport none = VerificationReport.builder().elapsed(java.time.Duration.ZERO).build();
      return new Result(none, none, why);
    }

    boolean anyWorks() {
      return incoming.best().isPresent() || outgoing.best().isPresent();
    }

    void print(PrintWriter out) {
      if (signInFailure != null) {
        out.println("  Not verified: " + signInFailure);
        out.println();
        return;
      }
      print("incoming", incoming, out);
      print("outgoing", outgoing, out);
      out.println();
    }

    private static void print(String direction, VerificationReport report, PrintWriter out) {
      out.println("  Verified " + direction + " (" + report.elapsed().toMillis() + " ms):");
      for (VerificationOutcome outcome : report.outcomes()) {
        out.println("    " + Terminal.safe(outcome.toString()));
      }
      if (report.outcomes().stream().anyMatch(o -> o.status() == VerificationStatus.NOT_CONFIRMED)) {
        out.println("    (not confirmed: no connection was made; confirm with --confirm DOMAIN or --yes)");
      }
      out.println(
          "    best: "
              + report.best().map(b -> b.candidate().settings() + b.username().map(u -> " (login " + u + ")").orElse("")).orElse("none works"));
    }

    Map<String, Object> json() {
      Map<String, Object> map = new LinkedHashMap<>();
      if (signInFailure != null) {
        map.put("signInError", signInFailure);
      }
      map.put("incoming", json(incoming));
      map.put("outgoing", json(outgoing));
      return map;
    }

    private static List<Object> json(VerificationReport report) {
      return report.outcomes().stream()
          .map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", o.candidate().protocol().name());
            m.put("host", o.candidate().settings().host());
            m.put("port", o.candidate().settings().port());
            m.put("security", o.candidate().settings().security().name());
            m.put("status", o.status().name());
            m.put("message", o.message());
            m.put("millis", o.elapsed().toMillis());
            m.put("username", o.username().orElse(null));
            m.put("certificateNames", o.certificateNames());
            m.put("best", report.best().map(b -> b.equals(o)).orElse(false));
            return m;
          })
          .collect(Collectors.toList());
    }
  }

  /** Logs in to the candidates, sending the password only to trusted or confirmed server domains. */
  Result verify(Resolution resolution, java.util.Set<String> confirmedDomains) {
    return verify(resolution, confirmedDomains, Credentials.password(password == null ? "" : password));
  }

  /**
   * Logs in to the candidates with {@code credentials} (an OAuth 2.0 sign-in's, say), sending them
   * only to trusted or confirmed server domains.
   */
  Result verify(Resolution resolution, java.util.Set<String> confirmedDomains, Credentials credentials) {
    VerifyOptions options = VerifyOptions.builder().confirmedDomains(confirmedDomains).build();
    return new Result(
        connector.verify(resolution.incoming(), resolution.address(), credentials, options),
        connector.verify(resolution.outgoing(), resolution.address(), credentials, options));
  }

  /** The properties of the first usable incoming and outgoing candidates, as text blocks. */
  Map<String, String> properties(Resolution resolution) {
    Map<String, String> blocks = new LinkedHashMap<>();
    for (List<Candidate> list : List.of(resolution.incoming(), resolution.outgoing())) {
      list.stream()
          .filter(c -> c.settings().security() != Security.NONE || connector.options().plaintextAllowed())
          .findFirst()
          .ifPresent(c -> {
            try {
              Properties props = connector.properties(c.settings(), resolution.address());
              blocks.put(c.protocol() + " " + c.settings().address(), MailConnector.describe(props));
            } catch (InsecureSettingsException e) {
              blocks.put(c.protocol() + " " + c.settings().address(), "# " + e.getMessage() + "\n");
            }
          });
    }
    return blocks;
  }
}
