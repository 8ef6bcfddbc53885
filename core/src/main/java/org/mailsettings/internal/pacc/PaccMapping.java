package org.mailsettings.internal.pacc;

import java.util.ArrayList;
import java.util.List;
import org.mailsettings.AuthMethod;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.template.Templates;

/**
 * A PACC document in the library's one document model, so that its servers go through the same
 * expansion, ordering and trust as every clientConfig document's: IMAP on 993, POP3 on 995 and
 * submission on 465, all implicit TLS (the only ports draft-ietf-mailmaint-pacc-03 has), the full
 * address as the username (which PACC implies), passwords when the document allows them (or
 * does not say), OAuth 2.0 when it names an issuer.
 */
public final class PaccMapping {
  /** The IMAP port of PACC. */
  public static final int IMAP_PORT = 993;
  /** The POP3 port of PACC. */
  public static final int POP3_PORT = 995;
  /** The submission port of PACC. */
  public static final int SUBMIT_PORT = 465;

  private PaccMapping() {}

  /** The login methods the document allows, the provider's order: passwords first when allowed. */
  public static List<AuthMethod> authMethods(PaccDocument document) {
    List<AuthMethod> methods = new ArrayList<>(2);
    // Without "password", the document does not say: passwords are assumed (a login attempt
    // tells); "password": false with no issuer leaves no way to sign in.
    if (document.password().orElse(true)) {
      methods.add(AuthMethod.PASSWORD_CLEARTEXT);
    }
    if (document.issuer().isPresent()) {
      methods.add(AuthMethod.OAUTH2);
    }
    return methods;
  }

  /** The document as a clientConfig document of one provider serving {@code asciiDomain}. */
  public static ClientConfig toClientConfig(PaccDocument document, String asciiDomain, String origin) {
    EmailProviderConfig.Builder provider =
        EmailProviderConfig.builder().id(asciiDomain).addDomains(asciiDomain).displayName(document.providerName());
    document.shortName().ifPresent(provider::displayShortName);
    document.documentation().ifPresent(url -> provider.addDocumentationUrls(url.toString()));
    List<AuthMethod> auth = authMethods(document);
    if (!auth.isEmpty()) {
      document.imapHost().ifPresent(host -> provider.addIncomingServers(server(Protocol.IMAP, host, IMAP_PORT, auth)));
      document.pop3Host().ifPresent(host -> provider.addIncomingServers(server(Protocol.POP3, host, POP3_PORT, auth)));
      document.submitHost().ifPresent(host -> provider.addOutgoingServers(server(Protocol.SMTP, host, SUBMIT_PORT, auth)));
    }
    return ClientConfig.builder().sourceName(origin).addEmailProviders(provider.build()).build();
  }

  private static ServerConfig server(Protocol protocol, String host, int port, List<AuthMethod> auth) {
    return ServerConfig.builder()
        .protocol(protocol)
        .hostname(host) // a host name already (PaccDocument checked it): no placeholder
        .port(port)
        .security(Security.IMPLICIT_TLS)
        .authMethods(auth)
        .username("%" + Templates.EMAIL_ADDRESS + "%")
        .build();
  }
}
