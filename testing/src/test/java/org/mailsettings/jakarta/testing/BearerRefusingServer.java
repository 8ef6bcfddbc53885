package org.mailsettings.jakarta.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.mailsettings.testing.ScriptedServer;

/**
 * A scripted IMAP or submission server on 127.0.0.1 (implicit TLS with the given context) that
 * offers SASL {@code OAUTHBEARER} and {@code XOAUTH2} and refuses every token: it answers the
 * login with {@link #challenge(String) the challenge} (base64, as RFC 7628 section 3.2.2's error),
 * waits for the client's answer ({@code AQ==}, or an empty line) and then refuses the login
 * ({@code NO [AUTHENTICATIONFAILED]}, {@code 535 5.7.8}). Every line it receives is recorded.
 */
public final class BearerRefusingServer implements AutoCloseable {
  private final ScriptedServer server;
  private final AtomicReference<String> challenge;

  private BearerRefusingServer(ScriptedServer server, AtomicReference<String> challenge) {
    this.server = server;
    this.challenge = challenge;
  }

  /** An IMAP server (SASL-IR) that refuses every token with {@code challenge}. */
  public static BearerRefusingServer imap(SSLContext tls, String challenge) throws IOException {
    AtomicReference<String> text = new AtomicReference<>(Objects.requireNonNull(challenge, "challenge"));
    AtomicReference<String> tag = new AtomicReference<>("");
    String capabilities = "IMAP4rev1 SASL-IR AUTH=OAUTHBEARER AUTH=XOAUTH2";
    ScriptedServer server = new ScriptedServer(tls, "* OK [CAPABILITY " + capabilities + "] ready", line -> {
      String first = line.split(" ")[0];
      if (line.contains(" AUTHENTICATE ")) {
        tag.set(first);
        return "+ " + base64(text.get());
      }
      if (line.equals("AQ==") || line.isEmpty()) { // OAUTHBEARER's answer to the error, or Angus' XOAUTH2 one
        return tag.get() + " NO [AUTHENTICATIONFAILED] Authentication failed";
      }
      if (line.contains(" CAPABILITY")) {
        return "* CAPABILITY " + capabilities + "\r\n" + first + " OK done";
      }
      if (line.contains(" LOGOUT")) {
        return "* BYE\r\n" + first + " OK bye";
      }
      return first + " BAD unknown command";
    });
    return new BearerRefusingServer(server, text);
  }

  /** A submission server that refuses every token with {@code challenge}. */
  public static BearerRefusingServer smtp(SSLContext tls, String challenge) throws IOException {
    AtomicReference<String> text = new AtomicReference<>(Objects.requireNonNull(challenge, "challenge"));
    ScriptedServer server = new ScriptedServer(tls, "220 localhost ESMTP", line -> {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        return "250-localhost\r\n250 AUTH OAUTHBEARER XOAUTH2";
      }
      if (upper.startsWith("AUTH ")) {
        return "334 " + base64(text.get());
      }
      if (line.equals("AQ==") || line.isEmpty()) {
        return "535 5.7.8 Authentication credentials invalid";
      }
      if (upper.startsWith("QUIT")) {
        return "221 bye";
      }
      return "500 unknown command";
    });
    return new BearerRefusingServer(server, text);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** From now on, refused logins get {@code json} as their challenge. */
  public void challenge(String json) {
    challenge.set(Objects.requireNonNull(json, "json"));
  }

  /** The port. */
  public int port() {
    return server.port();
  }

  /** Every line received, from every connection, in order. */
  public List<String> received() {
    return server.received();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
