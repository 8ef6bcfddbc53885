package org.mailsettings.jakarta.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;
import org.jspecify.annotations.Nullable;

/**
 * SASL {@code OAUTHBEARER} (RFC 7628) for Angus Mail's IMAP and SMTP, which find SASL mechanisms
 * through the JDK's {@link javax.security.sasl.Sasl} and so through a security {@link Provider}:
 * Angus Mail 2.0 brings only {@code XOAUTH2}. {@link
 * #register()} adds the provider once per JVM, the way Angus registers its own {@code XOAUTH2}
 * provider. Angus' POP3 does not use SASL at all (see {@link org.mailsettings.jakarta.Credentials}
 * for why it cannot be given this mechanism without reflection): POP3 logs in with {@code XOAUTH2}.
 *
 * <p>The client sends one initial response (section 3.1): the GS2 header {@code n,a=<user>,}
 * with the authorization identity escaped as RFC 5801 says, then {@code host} and {@code port}
 * where known and {@code auth=Bearer <token>}, separated by {@code 0x01}. A server that refuses
 * the token answers with a challenge (a JSON error, section 3.2.2); the client answers it with
 * the single {@code 0x01} the RFC asks for, and the server then fails the exchange: the login is
 * refused as any wrong password is. The error's JSON is not kept: it would be text from the
 * network, and the login failure already says what the user must do.
 */
public final class OAuthBearerSasl {
  /** The mechanism's name. */
  public static final String MECHANISM = "OAUTHBEARER";

  /** The session property that holds the attempt's {@link ConnectionGuard}, where the challenge is kept. */
  public static final String CHALLENGES = "mailsettings.oauthbearer.challenges";

  private static final String PROVIDER_NAME = "mailsettings-OAUTHBEARER";

  private OAuthBearerSasl() {}

  /** Makes {@code OAUTHBEARER} known to {@link javax.security.sasl.Sasl}; idempotent. */
  public static void register() {
    synchronized (OAuthBearerSasl.class) {
      if (Security.getProvider(PROVIDER_NAME) == null) {
        Security.addProvider(new BearerProvider());
      }
    }
  }

  /**
   * {@return the initial client response of RFC 7628 section 3.1 for {@code user} and {@code token}}
   *
   * @param user the authorization identity (the login name); empty leaves it out
   * @param host the server's host name, or null
   * @param port the server's port, or 0
   * @param token the access token
   */
  public static byte[] initialResponse(String user, @Nullable String host, int port, String token) {
    StringBuilder message = new StringBuilder("n,");
    if (!user.isEmpty()) {
      message.append("a=").append(user.replace("=", "=3D").replace(",", "=2C"));
    }
    message.append(',').append('\u0001');
    if (host != null && !host.isEmpty()) {
      message.append("host=").append(host).append('\u0001');
    }
    if (port > 0) {
      message.append("port=").append(port).append('\u0001');
    }
    message.append("auth=Bearer ").append(token).append('\u0001').append('\u0001');
    return message.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The provider: one service, whose factory is made here rather than by reflection. */
  private static final class BearerProvider extends Provider {
    private static final long serialVersionUID = 1L;

    BearerProvider() {
      super(PROVIDER_NAME, "1.0", "SASL OAUTHBEARER (RFC 7628) for mailsettings");
      putService(new Service(this, "SaslClientFactory", MECHANISM, Factory.class.getName(), List.of(), Map.of()) {
        @Override
        public Object newInstance(@Nullable Object constructorParameter) {
          return new Factory();
        }
      });
    }
  }

  /** Makes an {@code OAUTHBEARER} client when it is among the mechanisms asked for. */
  static final class Factory implements SaslClientFactory {
    @Override
    public @Nullable SaslClient createSaslClient(
        String[] mechanisms,
        @Nullable String authorizationId,
        String protocol,
        String serverName,
        @Nullable Map<String, ?> props,
        CallbackHandler handler) {
      if (!Arrays.asList(mechanisms).contains(MECHANISM)) {
        return null;
      }
      int port = 0;
      if (props != null && props.get("mail." + protocol + ".port") instanceof String text) {
        try {
          port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          port = 0; // the port is optional in the message
        }
      }
      ConnectionGuard guard = props != null && props.get(CHALLENGES) instanceof ConnectionGuard given ? given : null;
      return new Client(serverName, port, handler, guard);
    }

    @Override
    public String[] getMechanismNames(@Nullable Map<String, ?> props) {
      return new String[] {MECHANISM};
    }
  }

  /** One exchange: the initial response, then at most the answer to an error challenge. */
  static final class Client implements SaslClient {
    private final String host;
    private final int port;
    private final CallbackHandler handler;
    private final @Nullable ConnectionGuard guard;
    private int step;

    Client(String host, int port, CallbackHandler handler, @Nullable ConnectionGuard guard) {
      this.host = host;
      this.port = port;
      this.handler = Objects.requireNonNull(handler, "handler");
      this.guard = guard;
    }

    @Override
    public String getMechanismName() {
      return MECHANISM;
    }

    @Override
    public boolean hasInitialResponse() {
      return true;
    }

    @Override
    public byte[] evaluateChallenge(byte @Nullable [] challenge) throws SaslException {
      step++;
      if (step == 1) {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Access token: ", false);
        try {
          handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
          throw new SaslException("OAUTHBEARER: cannot get the username and the access token", e);
        }
        char[] token = password.getPassword();
        if (token == null || token.length == 0) {
          throw new SaslException("OAUTHBEARER: no access token");
        }
        String user = name.getName() == null ? "" : name.getName();
        byte[] response = initialResponse(user, host, port, new String(token));
        password.clearPassword();
        return response;
      }
      if (step == 2) {
        // The server's error (RFC 7628 section 3.2.2): kept for the outcome, answered with %x01;
        // the server then fails the exchange.
        ConnectionGuard keeper = guard;
        if (keeper != null && challenge != null) {
          keeper.bearerChallenge(challenge);
        }
        return new byte[] {0x01};
      }
      throw new SaslException("OAUTHBEARER: the server sent more challenges than the mechanism has");
    }

    /**
     * Not before the answer to an error challenge: Angus asks for a response to a server challenge
     * only from a client that is not complete (and sends an empty line otherwise, where RFC 7628
     * wants {@code 0x01}). It consults this otherwise only for a security layer, which this
     * mechanism has none of.
     */
    @Override
    public boolean isComplete() {
      return step >= 2;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
      throw new IllegalStateException("OAUTHBEARER has no security layer");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
      throw new IllegalStateException("OAUTHBEARER has no security layer");
    }

    @Override
    public @Nullable Object getNegotiatedProperty(String propName) {
      return null;
    }

    @Override
    public void dispose() {
      // nothing held
    }
  }
}
