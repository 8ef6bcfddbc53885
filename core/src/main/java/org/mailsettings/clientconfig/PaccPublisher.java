package org.mailsettings.clientconfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailsettings.AuthMethod;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.internal.json.Json;
import org.mailsettings.internal.pacc.DigestRecord;
import org.mailsettings.internal.pacc.PaccDocument;
import org.mailsettings.internal.pacc.PaccMapping;
import org.mailsettings.internal.template.Templates;

/**
 * Writes a provider file's settings the other way round, for hosters: the PACC document
 * (draft-ietf-mailmaint-pacc-03) and the TXT record with its digest, so that clients that
 * implement PACC (and this library's discovery) find them.
 *
 * <pre>{@code
 * ClientConfig file = ClientConfigParser.defaults().parse(Path.of("vizus.cz.xml"));
 * PaccPublication pacc = PaccPublisher.publish(file.emailProviders().get(0), "vizus.cz");
 * Files.write(root.resolve(".well-known/user-agent-configuration.json"), pacc.document());
 * System.out.println(pacc.zoneLine(3600));   // _ua-auto-config.vizus.cz. 3600 IN TXT "v=UAAC1; a=sha256; d=..."
 * pacc.leftOut().forEach(System.out::println); // IMAP mail.vizus.cz:143 STARTTLS: NOT_IMPLICIT_TLS
 * }</pre>
 *
 * <p>Only what PACC can express is published: per protocol, the provider's first server with
 * implicit TLS on PACC's port (IMAP 993, POP3 995, submission 465), the full address as the
 * username, a fixed host (or one made from the domain), and a password login (or OAuth 2.0 when
 * an issuer of the open public client profile is given). Everything else is {@linkplain
 * PaccPublication#leftOut() left out}, with the reason: it stays for autoconfig. The provider's
 * display name (the first 60 characters), short name (when at most 20) and first https
 * documentation URL go into {@code info}. {@code authentication.password} is true when a
 * published server accepts a password. The document is indented JSON; its bytes are what the
 * digest covers.
 */
public final class PaccPublisher {
  private PaccPublisher() {}

  /**
   * {@return the PACC document and record of {@code provider} for {@code domain}, without an OAuth issuer}
   *
   * @param provider a provider section of a clientConfig document
   * @param domain the mail domain to publish for (Unicode or ASCII)
   * @throws InvalidSettingsException if the domain is not a domain name, or no server can be published
   */
  public static PaccPublication publish(EmailProviderConfig provider, String domain) {
    return publish(provider, domain, Optional.empty());
  }

  /**
   * {@return the PACC document and record of {@code provider} for {@code domain}}
   *
   * @param provider a provider section of a clientConfig document
   * @param domain the mail domain to publish for (Unicode or ASCII)
   * @param publicClientIssuer the RFC 8414 issuer of the provider's authorization server under the
   *     OAuth profile for open public clients (draft-ietf-mailmaint-oauth-public), when it has one:
   *     published as {@code authentication.oauth-public.issuer}, exactly as given. The clientConfig
   *     {@code <oAuth2>} block is not used for it: its issuer is a host name, and its endpoints
   *     belong to clients registered in advance.
   * @throws InvalidSettingsException if the domain is not a domain name, the issuer is not an
   *     https URL without user, query or fragment, or no server can be published
   */
  public static PaccPublication publish(EmailProviderConfig provider, String domain, Optional<URI> publicClientIssuer) {
    EmailAddress address;
    try {
      address = EmailAddress.parse("postmaster@" + domain.strip());
    } catch (InvalidEmailAddressException e) {
      throw new InvalidSettingsException("Not a mail domain: \"" + domain + "\"");
    }
    String ascii = address.asciiDomain();
    Optional<URI> issuer = publicClientIssuer.map(PaccPublisher::checkedIssuer);
    List<PaccPublication.LeftOut> leftOut = new ArrayList<>();
    Set<Protocol> published = EnumSet.noneOf(Protocol.class);
    LinkedHashMap<Protocol, String> hosts = new LinkedHashMap<>();
    boolean password = false;
    List<ServerConfig> servers = new ArrayList<>(provider.incomingServers());
    servers.addAll(provider.outgoingServers());
    for (ServerConfig server : servers) {
      Optional<PaccPublication.Reason> reason = reason(server, issuer.isPresent());
      Optional<String> host = Optional.empty();
      if (reason.isEmpty()) {
        host = Templates.expandHostname(server.hostname(), address, server.domainDotReplacement().orElse(""));
        if (host.isEmpty() || server.hostname().contains("%" + Templates.EMAIL_LOCAL_PART + "%")
            || server.hostname().contains("%" + Templates.EMAIL_ADDRESS + "%")) {
          reason = Optional.of(PaccPublication.Reason.HOST_NOT_FIXED);
        } else if (published.contains(server.protocol())) {
          reason = Optional.of(PaccPublication.Reason.ONE_PER_PROTOCOL);
        }
      }
      if (reason.isPresent() || host.isEmpty()) {
        leftOut.add(new PaccPublication.LeftOut(server, reason.orElse(PaccPublication.Reason.HOST_NOT_FIXED)));
        continue;
      }
      published.add(server.protocol());
      hosts.put(server.protocol(), host.get());
      password |= acceptsPassword(server);
    }
    if (hosts.isEmpty()) {
      throw new InvalidSettingsException(
          "No server of " + provider.name() + " can be published by PACC (implicit TLS on 993, 995 or 465, the full address as "
              + "the username, a password or an OAuth issuer): " + leftOut);
    }
    String name = provider.name().strip();
    if (name.codePointCount(0, name.length()) > 60) {
      name = name.substring(0, name.offsetByCodePoints(0, 60)).strip();
    }
    Optional<String> shortName = provider.displayShortName().map(String::strip)
        .filter(s -> !s.isEmpty() && s.codePointCount(0, s.length()) <= 20);
    Optional<URI> documentation = provider.documentationUrls().stream()
        .map(PaccPublisher::httpsUrl).flatMap(Optional::stream).findFirst();
    PaccDocument document = new PaccDocument(
        Optional.ofNullable(hosts.get(Protocol.IMAP)), Optional.ofNullable(hosts.get(Protocol.POP3)),
        Optional.ofNullable(hosts.get(Protocol.SMTP)), java.util.Map.of(), Optional.of(password), issuer, name, shortName,
        documentation, Optional.empty());
    byte[] bytes = Json.writeBytes(document.toJson());
    return new PaccPublication(ascii, bytes, DigestRecord.format(bytes), leftOut);
  }

  private static Optional<PaccPublication.Reason> reason(ServerConfig server, boolean issuer) {
    if (server.security() != Security.IMPLICIT_TLS) {
      return Optional.of(PaccPublication.Reason.NOT_IMPLICIT_TLS);
    }
    int port = switch (server.protocol()) {
      case IMAP -> PaccMapping.IMAP_PORT;
      case POP3 -> PaccMapping.POP3_PORT;
      case SMTP -> PaccMapping.SUBMIT_PORT;
    };
    if (server.port() != port) {
      return Optional.of(PaccPublication.Reason.NOT_STANDARD_PORT);
    }
    if (!server.username().orElse("").equals("%" + Templates.EMAIL_ADDRESS + "%")) {
      return Optional.of(PaccPublication.Reason.USERNAME_NOT_FULL_ADDRESS);
    }
    if (!acceptsPassword(server) && !(issuer && server.authMethods().contains(AuthMethod.OAUTH2))) {
      return Optional.of(PaccPublication.Reason.LOGIN_NOT_EXPRESSIBLE);
    }
    return Optional.empty();
  }

  private static boolean acceptsPassword(ServerConfig server) {
    return server.authMethods().contains(AuthMethod.PASSWORD_CLEARTEXT) || server.authMethods().contains(AuthMethod.PASSWORD_ENCRYPTED);
  }

  private static Optional<URI> httpsUrl(String text) {
    try {
      URI uri = new URI(text);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
          && uri.getPort() == -1 && uri.getRawFragment() == null ? Optional.of(uri) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static URI checkedIssuer(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    if (!issuer.isAbsolute() || !"https".equals(issuer.getScheme()) || issuer.getHost() == null
        || issuer.getRawUserInfo() != null || issuer.getRawQuery() != null || issuer.getRawFragment() != null
        || ("/" + path + "/").contains("/./") || ("/" + path + "/").contains("/../")) {
      throw new InvalidSettingsException(
          "An OAuth issuer must be an https URL without user, query, fragment or dot segments (RFC 8414): " + issuer);
    }
    return issuer;
  }
}
