package org.mailsettings.oauth2;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.mailsettings.Candidate;
import org.mailsettings.Protocol;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.testing.Dovecot;
import org.mailsettings.testing.TestTls;

/**
 * A provider of the OAuth profile for open public clients with its mail servers, on 127.0.0.1:
 * the real authorization server (mock-oauth2-server), the provider's metadata and registration
 * endpoint ({@link OpenProvider}, its metadata at the RFC 8414 and the OpenID Connect address), and
 * a real Dovecot that checks every OAUTHBEARER or XOAUTH2 token by introspection at the
 * authorization server, names the provider's OpenID Connect metadata in the error it answers a
 * refused token with ({@code openid_configuration_url}, RFC 7628 section 3.2.2), and relays what
 * its submission accepts to an SMTP server that records it; and the application's side: a {@link
 * PublicOAuth2Client} that registered nothing in advance and a {@link MailConnector} trusting the
 * test authority. Skips the test where Dovecot is not installed.
 */
final class OpenProviderMail implements AutoCloseable {
  final AuthorizationServer authorizationServer;
  final OpenProvider provider;
  final Dovecot dovecot;
  /** What the relay received, one message a string. */
  final List<String> relayed;
  /** The application's OAuth client. */
  final PublicOAuth2Client oauth;
  /** The application's mail connector. */
  final MailConnector mail;
  private final TokenCheckingDovecot mailServers;

  /** Everything started; the connector waits {@code readTimeout} for each answer of a mail server. */
  OpenProviderMail(Duration readTimeout) throws Exception {
    authorizationServer = new AuthorizationServer();
    OpenProvider opened = null;
    try {
      opened = new OpenProvider(authorizationServer);
      opened.http.route(OpenProvider.TENANT + "/.well-known/openid-configuration", OpenProvider.json(opened.metadata()));
      mailServers = TokenCheckingDovecot.start(authorizationServer, URI.create(opened.issuer() + "/.well-known/openid-configuration"));
    } catch (Exception | Error e) { // a missing Dovecot skips the test with an exception too
      if (opened != null) {
        opened.close();
      }
      authorizationServer.close();
      throw e;
    }
    provider = opened;
    dovecot = mailServers.dovecot;
    relayed = mailServers.relayed;
    oauth = PublicOAuth2Client.builder(ClientMetadata.of("0b6d3f64-8c1e-4a57-9f39-2f1f0c6a7d21", "mailsettings end-to-end"))
        .options(OAuth2Options.builder().sslContext(TestTls.client()).signInTimeout(Duration.ofSeconds(20)).build())
        .build();
    mail = TestMail.connector(readTimeout);
  }

  /** The address Dovecot names as {@code openid-configuration}. */
  URI openidConfiguration() {
    return URI.create(provider.issuer() + "/.well-known/openid-configuration");
  }

  /** Dovecot's IMAP, POP3 or submission, as trusted settings (STARTTLS, OAuth 2.0, the user's address). */
  Candidate candidate(Protocol protocol) {
    return mailServers.candidate(protocol);
  }

  /** The successful logins Dovecot logged for {@code service} ({@code imap-login}, ...). */
  List<String> logins(String service) throws IOException {
    return Arrays.stream(dovecot.log().split("\n")).filter(line -> line.contains(service + ": ") && line.contains(" Login: ")).toList();
  }

  @Override
  public void close() throws IOException {
    mail.close();
    oauth.close();
    try {
      mailServers.close();
    } finally {
      provider.close();
      authorizationServer.close();
    }
  }
}
