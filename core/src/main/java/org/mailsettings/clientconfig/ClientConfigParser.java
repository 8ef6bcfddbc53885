package org.mailsettings.clientconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfigException.Reason;
import org.mailsettings.internal.io.BoundedInputStream;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.text.Texts;
import org.mailsettings.internal.xml.XmlText;

/**
 * The one parser for clientConfig documents, wherever they come from.
 *
 * <p>It follows draft-ietf-mailmaint-autoconfig: unknown elements, attributes and values are
 * ignored; a server section missing its host, port or socket type, or of a type other than IMAP,
 * POP3 or SMTP, is dropped alone (and named in {@link ClientConfig#warnings()}); several sections
 * of one kind keep their order. A document that is not well-formed XML is refused with a {@link
 * ClientConfigException} naming the source and line.
 *
 * <p>Safe on hostile input: DTDs are refused, external entities are never resolved, the input is
 * capped at {@link #DEFAULT_MAX_BYTES} (configurable) and nesting at {@link #MAX_DEPTH}.
 * Instances are immutable and thread-safe.
 */
public final class ClientConfigParser {

  /** The namespace of the project's extension elements. */
  public static final String EXTENSION_NAMESPACE = "https://mailsettings.org/ns/clientconfig-extension/1";

  /** The default input size limit: 1 MiB, far more than any real document. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  /** The deepest element nesting accepted. Real documents nest four deep. */
  public static final int MAX_DEPTH = 32;

  private static final Pattern LIST_ITEM = Pattern.compile("[^\\s,]+");

  private static final ClientConfigParser DEFAULTS = new ClientConfigParser(DEFAULT_MAX_BYTES);

  private final int maxBytes;
  private final XMLInputFactory factory;

  private ClientConfigParser(int maxBytes) {
    this.maxBytes = maxBytes;
    this.factory = XmlText.newInputFactory();
  }

  /** The parser with the default size limit. */
  public static ClientConfigParser defaults() {
    return DEFAULTS;
  }

  /**
   * A parser with another input size limit.
   *
   * @param maxBytes the largest document accepted, at least 1
   */
  public ClientConfigParser withMaxBytes(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    return new ClientConfigParser(maxBytes);
  }

  /** The input size limit in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Parses a file.
   *
   * @throws ClientConfigException if the file cannot be read or is not a clientConfig document
   */
  public ClientConfig parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new ClientConfigException(Reason.READ_FAILED, file.toString(), -1, "cannot read: " + e, e);
    }
  }

  /**
   * Parses a document held in a string.
   *
   * @throws ClientConfigException if it is not a clientConfig document
   */
  public ClientConfig parse(String xml, String sourceName) {
    // The cap is in bytes, as for streams: a string of 3-byte characters must not pass at a third.
    if (xml.length() > maxBytes || utf8Length(xml) > maxBytes) {
      throw new ClientConfigException(Reason.TOO_LARGE, sourceName, -1, "larger than " + maxBytes + " bytes");
    }
    return parseText(xml.startsWith("\uFEFF") ? xml.substring(1) : xml, sourceName);
  }

  /**
   * Parses a document from a stream, which the caller closes. At most {@link #maxBytes()} are read.
   *
   * @param sourceName where the document came from, used in messages and {@link
   *     ClientConfig#sourceName()}
   * @throws ClientConfigException if it is not a clientConfig document
   */
  public ClientConfig parse(InputStream input, String sourceName) {
    BoundedInputStream bounded = new BoundedInputStream(input, maxBytes);
    byte[] bytes;
    try {
      bytes = bounded.readAllBytes();
    } catch (BoundedInputStream.LimitExceededException e) {
      throw new ClientConfigException(Reason.TOO_LARGE, sourceName, -1, "larger than " + maxBytes + " bytes", e);
    } catch (IOException e) {
      throw new ClientConfigException(Reason.READ_FAILED, sourceName, -1, "cannot read: " + e, e);
    }
    String text;
    try {
      text = XmlText.decode(bytes);
    } catch (XmlText.DecodingException e) {
      throw new ClientConfigException(Reason.MALFORMED_XML, sourceName, e.line(), "malformed XML: " + e.getMessage(), e);
    }
    return parseText(text, sourceName);
  }

  /** The length of the text in UTF-8, counted without encoding it. */
  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private ClientConfig parseText(String text, String sourceName) {
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(text));
      return new Reading(reader, sourceName).document();
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new ClientConfigException(
          Reason.MALFORMED_XML, sourceName, line, "malformed XML: " + describe(e), e);
    } catch (ClientConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      // The JDK's parser reports a few malformations unchecked.
      throw new ClientConfigException(Reason.MALFORMED_XML, sourceName, -1, "malformed XML: " + e, e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // Closing a reader over a string frees nothing that matters.
        }
      }
    }
  }

  private static String describe(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int detail = message.indexOf("Message: ");
    return detail >= 0 ? message.substring(detail + "Message: ".length()).strip() : message.strip();
  }

  /** The state of one parse. */
  private static final class Reading {
    private final XMLStreamReader reader;
    private final String sourceName;
    private final List<String> warnings = new ArrayList<>();
    private int depth;

    Reading(XMLStreamReader reader, String sourceName) {
      this.reader = reader;
      this.sourceName = sourceName;
    }

    ClientConfig document() throws XMLStreamException {
      if (!nextStartElement()) {
        throw fail(Reason.NOT_A_CLIENT_CONFIG, "no root element");
      }
      if (!isStandard("clientConfig")) {
        throw fail(
            Reason.NOT_A_CLIENT_CONFIG,
            "the root element is <" + reader.getLocalName() + ">, not <clientConfig>");
      }
      ClientConfig.Builder config = ClientConfig.builder().sourceName(sourceName);
      String version = attribute("version");
      if (version != null) {
        config.version(version.strip());
      }
      int rootDepth = depth;
      while (nextChild(rootDepth)) {
        if (isStandard("emailProvider")) {
          config.addEmailProviders(emailProvider());
        } else if (isStandard("oAuth2")) {
          config.oAuth2(oAuth2());
        } else {
          skipElement();
        }
      }
      // Anything after the root element must still be well-formed.
      while (reader.hasNext()) {
        next();
      }
      return config.addAllWarnings(warnings).build();
    }

    private EmailProviderConfig emailProvider() throws XMLStreamException {
      EmailProviderConfig.Builder provider = EmailProviderConfig.builder();
      String id = attribute("id");
      provider.id(id == null ? "" : id.strip());
      int providerDepth = depth;
      while (nextChild(providerDepth)) {
        if (isStandard("domain")) {
          String purpose = attribute("purpose");
          int line = line();
          String domain = text();
          Optional<String> ascii = HostNames.normalise(domain).filter(d -> !HostNames.isIpLiteral(d));
          if (ascii.isEmpty()) {
            warn(line, "domain \"" + domain + "\" ignored: not a domain name");
          } else if (purpose != null && purpose.strip().equalsIgnoreCase("mx")) {
            provider.addMxDomains(ascii.get());
          } else if (purpose == null || purpose.isBlank()) {
            provider.addDomains(ascii.get());
          } else {
            warn(line, "domain \"" + domain + "\" ignored: unknown purpose \"" + purpose + "\"");
          }
        } else if (isStandard("displayName")) {
          nonBlank(displayText()).ifPresent(provider::displayName);
        } else if (isStandard("displayShortName")) {
          nonBlank(displayText()).ifPresent(provider::displayShortName);
        } else if (isStandard("documentation")) {
          String url = attribute("url");
          if (url != null && !url.isBlank()) {
            provider.addDocumentationUrls(Texts.safe(url.strip()));
          }
          skipElement();
        } else if (isStandard("incomingServer")) {
          server(true).ifPresent(provider::addIncomingServers);
        } else if (isStandard("outgoingServer")) {
          server(false).ifPresent(provider::addOutgoingServers);
        } else if (isExtension("note")) {
          nonBlank(displayText()).ifPresent(provider::addNotes);
        } else {
          skipElement();
        }
      }
      return provider.build();
    }

    private Optional<ServerConfig> server(boolean incoming) throws XMLStreamException {
      int line = line();
      String element = incoming ? "incomingServer" : "outgoingServer";
      String type = attribute("type");
      String typeText = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
      String hostname = null;
      String extensionHostname = null;
      String domainDots = null;
      Integer port = null;
      String portText = null;
      Security security = null;
      String socketType = null;
      List<AuthMethod> auth = new ArrayList<>();
      String username = null;
      String imapPathPrefix = null;
      List<String> tlsVersions = new ArrayList<>();
      Long maxSize = null;
      Boolean leaveOnServer = null;
      int serverDepth = depth;
      while (nextChild(serverDepth)) {
        if (isStandard("hostname")) {
          hostname = text().strip();
        } else if (isStandard("port")) {
          portText = text().strip();
          port = parsePort(portText);
        } else if (isStandard("socketType")) {
          socketType = text().strip();
          security = Security.fromAutoconfig(socketType).orElse(null);
        } else if (isStandard("authentication")) {
          String system = attribute("system");
          AuthMethod.fromAutoconfig(text(), system == null ? "" : system).ifPresent(auth::add);
        } else if (isStandard("username")) {
          username = text().strip();
        } else if (isStandard("pop3")) {
          leaveOnServer = pop3Options();
        } else if (isExtension("hostname")) {
          domainDots = attribute("domainDots");
          extensionHostname = text().strip();
        } else if (isExtension("imapPathPrefix")) {
          imapPathPrefix = text().strip();
        } else if (isExtension("tlsVersions")) {
          LIST_ITEM.matcher(text()).results().map(MatchResult::group).forEach(tlsVersions::add);
        } else if (isExtension("maxMessageSize")) {
          maxSize = parseSize(text().strip());
        } else {
          skipElement();
        }
      }
      Optional<Protocol> protocol = protocolOf(typeText, incoming);
      String label = element + " type=" + (type == null ? "(none)" : type);
      if (protocol.isEmpty()) {
        warn(line, label + " ignored: not " + (incoming ? "IMAP or POP3" : "SMTP"));
        return Optional.empty();
      }
      String host = extensionHostname != null && !extensionHostname.isEmpty() ? extensionHostname : hostname;
      if (host == null || host.isEmpty()) {
        warn(line, label + " ignored: no hostname");
        return Optional.empty();
      }
      if (port == null) {
        warn(line, label + " ignored: " + (portText == null ? "no port" : "invalid port \"" + portText + "\""));
        return Optional.empty();
      }
      if (security == null) {
        warn(
            line,
            label
                + " ignored: "
                + (socketType == null ? "no socketType" : "unknown socketType \"" + socketType + "\""));
        return Optional.empty();
      }
      // Both reach protocol commands, and settings refuse control characters in them (a line
      // break would inject a command): such a section can make no settings.
      String unusable =
          username != null && hasControlCharacter(username)
              ? "username"
              : imapPathPrefix != null && hasControlCharacter(imapPathPrefix) ? "imapPathPrefix" : null;
      if (unusable != null) {
        warn(line, label + " ignored: its " + unusable + " contains a control character");
        return Optional.empty();
      }
      ServerConfig.Builder server =
          ServerConfig.builder()
              .protocol(protocol.get())
              .hostname(host)
              .port(port)
              .security(security)
              .addAllAuthMethods(auth)
              .addAllTlsVersions(tlsVersions);
      if (extensionHostname != null && domainDots != null && !domainDots.isEmpty()) {
        server.domainDotReplacement(domainDots);
      }
      if (username != null) {
        server.username(username);
      }
      if (imapPathPrefix != null) {
        server.imapPathPrefix(imapPathPrefix);
      }
      if (maxSize != null) {
        server.maxMessageSize(maxSize);
      }
      if (leaveOnServer != null) {
        server.leaveMessagesOnServer(leaveOnServer);
      }
      return Optional.of(server.build());
    }

    private static boolean hasControlCharacter(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isISOControl(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    private @Nullable Boolean pop3Options() throws XMLStreamException {
      Boolean leave = null;
      int pop3Depth = depth;
      while (nextChild(pop3Depth)) {
        if (isStandard("leaveMessagesOnServer")) {
          String value = text().strip();
          if (value.equalsIgnoreCase("true")) {
            leave = true;
          } else if (value.equalsIgnoreCase("false")) {
            leave = false;
          }
        } else {
          skipElement();
        }
      }
      return leave;
    }

    private OAuth2Config oAuth2() throws XMLStreamException {
      OAuth2Config.Builder oauth = OAuth2Config.builder();
      int oauthDepth = depth;
      while (nextChild(oauthDepth)) {
        if (isStandard("issuer")) {
          nonBlank(text()).ifPresent(oauth::issuer);
        } else if (isStandard("scope")) {
          nonBlank(text()).ifPresent(oauth::scope);
        } else if (isStandard("authURL")) {
          nonBlank(text()).ifPresent(oauth::authUrl);
        } else if (isStandard("tokenURL")) {
          nonBlank(text()).ifPresent(oauth::tokenUrl);
        } else if (isExtension("deviceAuthURL")) {
          nonBlank(text()).ifPresent(oauth::deviceAuthUrl);
        } else {
          skipElement();
        }
      }
      return oauth.build();
    }

    private static Optional<Protocol> protocolOf(String type, boolean incoming) {
      if (incoming) {
        if (type.equals("imap")) {
          return Optional.of(Protocol.IMAP);
        }
        if (type.equals("pop3")) {
          return Optional.of(Protocol.POP3);
        }
        return Optional.empty();
      }
      return type.equals("smtp") ? Optional.of(Protocol.SMTP) : Optional.empty();
    }

    private static @Nullable Integer parsePort(String text) {
      if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int port = Integer.parseInt(text);
      return port >= 1 && port <= 65535 ? port : null;
    }

    private @Nullable Long parseSize(String text) {
      if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        warn(line(), "maxMessageSize \"" + text + "\" ignored: not a number of bytes");
        return null;
      }
      long size = Long.parseLong(text);
      return size > 0 ? size : null;
    }

    private static Optional<String> nonBlank(String text) {
      String stripped = text.strip();
      return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    private boolean isStandard(String localName) {
      String ns = reader.getNamespaceURI();
      return (ns == null || ns.isEmpty()) && reader.getLocalName().equals(localName);
    }

    private boolean isExtension(String localName) {
      return EXTENSION_NAMESPACE.equals(reader.getNamespaceURI())
          && reader.getLocalName().equals(localName);
    }

    private @Nullable String attribute(String name) {
      for (int i = 0; i < reader.getAttributeCount(); i++) {
        String ns = reader.getAttributeNamespace(i);
        if ((ns == null || ns.isEmpty()) && reader.getAttributeLocalName(i).equals(name)) {
          return reader.getAttributeValue(i);
        }
      }
      return null;
    }

    private int line() {
      return reader.getLocation() == null ? -1 : reader.getLocation().getLineNumber();
    }

    private void warn(int line, String message) {
      warnings.add("line " + line + ": " + message);
    }

    /** Advances to the next event, keeping the depth and refusing DTDs. */
    private int next() throws XMLStreamException {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth > MAX_DEPTH) {
          throw fail(Reason.TOO_DEEP, "elements nested deeper than " + MAX_DEPTH);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.DTD) {
        throw fail(Reason.DTD_NOT_ALLOWED, "a DOCTYPE is not allowed in a clientConfig document");
      } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw fail(Reason.DTD_NOT_ALLOWED, "entity references are not allowed");
      }
      return event;
    }

    private boolean nextStartElement() throws XMLStreamException {
      while (reader.hasNext()) {
        if (next() == XMLStreamConstants.START_ELEMENT) {
          return true;
        }
      }
      return false;
    }

    /**
     * Moves to the next child element of the element open at {@code parentDepth}; false when that
     * element ends.
     */
    private boolean nextChild(int parentDepth) throws XMLStreamException {
      while (reader.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.START_ELEMENT && depth == parentDepth + 1) {
          return true;
        }
        if (event == XMLStreamConstants.END_ELEMENT && depth < parentDepth) {
          return false;
        }
      }
      return false;
    }

    /** Skips the current element and everything in it. */
    private void skipElement() throws XMLStreamException {
      int elementDepth = depth;
      while (reader.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.END_ELEMENT && depth < elementDepth) {
          return;
        }
      }
    }

    /**
     * Text meant for people (names, notes): white space runs become one space, and control and
     * bidirectional formatting characters are replaced, so that a hostile document cannot drive
     * a terminal or disguise a name.
     */
    private String displayText() throws XMLStreamException {
      return Texts.safe(text().strip().replaceAll("\\s*[\\t\\r\\n]+\\s*", " "));
    }

    /** The text of the current element, ignoring (and skipping) any child elements. */
    private String text() throws XMLStreamException {
      StringBuilder text = new StringBuilder();
      int elementDepth = depth;
      while (reader.hasNext()) {
        int event = next();
        if (event == XMLStreamConstants.END_ELEMENT && depth < elementDepth) {
          break;
        }
        if (depth == elementDepth
            && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
          text.append(reader.getText());
        }
      }
      return text.toString();
    }

    private ClientConfigException fail(Reason reason, String detail) {
      return new ClientConfigException(reason, sourceName, line(), detail);
    }
  }
}
