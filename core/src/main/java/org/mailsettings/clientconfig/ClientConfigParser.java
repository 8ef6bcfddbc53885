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
import java.util.stream.Collectors;
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
 * ignored; a server section missing its host, port or socket type, with no authentication method
 * this library knows, or of a type other than IMAP, POP3 or SMTP, is dropped alone (and named in
 * {@link ClientConfig#warnings()}); several sections of one kind keep their order.
 *
 * <p>Inside a section, the first usable value of an element counts (as in Thunderbird): a
 * repeated {@code <hostname>} or {@code <port>} is left out, and so is a value that cannot be
 * used, such as a host name that is not one, a port out of range or an unknown {@code
 * socketType}, without hiding a usable value written after it. Each value left out is a warning
 * naming its line. Every {@code <authentication>} value the library knows is kept, in order; the
 * draft's {@code none} and {@code client-IP-address}, and in SMTP sections the older format's
 * {@code smtp-after-pop}, mean that the server needs no login.
 *
 * <p>A document that is not well-formed XML is refused with a {@link ClientConfigException}
 * naming the source and line.
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

  /** The most characters of a document's value quoted in a warning. */
  private static final int MAX_QUOTED = 80;

  /** The most values listed in one warning. */
  private static final int MAX_QUOTED_VALUES = 5;

  private static final ClientConfigParser DEFAULTS = new ClientConfigParser(DEFAULT_MAX_BYTES);

  private final int maxBytes;
  private final XMLInputFactory factory;

  private ClientConfigParser(int maxBytes) {
    this.maxBytes = maxBytes;
    this.factory = XmlText.newInputFactory();
  }

  /** {@return the parser with the default size limit} */
  public static ClientConfigParser defaults() {
    return DEFAULTS;
  }

  /**
   * {@return a parser with another input size limit}
   *
   * @param maxBytes the largest document accepted, at least 1
   */
  public ClientConfigParser withMaxBytes(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    return new ClientConfigParser(maxBytes);
  }

  /** {@return the input size limit in bytes} */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Parses a file.
   *
   * @param file the file
   * @return the document
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
   * @param xml the document
   * @param sourceName where the document came from (for messages)
   * @return the document
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
   * @param input the document
   * @param sourceName where the document came from, used in messages and {@link
   *     ClientConfig#sourceName()}
   * @return the document
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
            warn(line, "domain " + quote(domain) + " ignored: not a domain name");
          } else if (purpose != null && purpose.strip().equalsIgnoreCase("mx")) {
            provider.addMxDomains(ascii.get());
          } else if (purpose == null || purpose.isBlank()) {
            provider.addDomains(ascii.get());
          } else {
            warn(line, "domain " + quote(domain) + " ignored: unknown purpose " + quote(purpose));
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
      Optional<Protocol> protocol = protocolOf(typeText, incoming);
      String label = element + " type=" + (type == null ? "(none)" : Texts.safe(shortened(type)));
      if (protocol.isEmpty()) {
        // Another protocol's values are not this library's to judge.
        skipElement();
        warn(line, label + " ignored: not " + (incoming ? "IMAP or POP3" : "SMTP"));
        return Optional.empty();
      }
      First<String> hostname = new First<>("hostname");
      First<ExtensionHost> extensionHostname = new First<>("ms:hostname");
      First<Integer> port = new First<>("port");
      First<Security> security = new First<>("socketType");
      List<AuthMethod> auth = new ArrayList<>();
      List<String> unknownAuth = new ArrayList<>();
      First<String> username = new First<>("username");
      First<String> imapPathPrefix = new First<>("ms:imapPathPrefix");
      First<List<String>> tlsVersions = new First<>("ms:tlsVersions");
      First<Long> maxSize = new First<>("ms:maxMessageSize");
      First<Boolean> leaveOnServer = new First<>("leaveMessagesOnServer");
      int serverDepth = depth;
      while (nextChild(serverDepth)) {
        int valueLine = line();
        if (isStandard("hostname")) {
          String text = text().strip();
          hostname.offer(valueLine, text, isHostname(text) ? text : null, "not a host name");
        } else if (isStandard("port")) {
          String text = text().strip();
          port.offer(valueLine, text, parsePort(text), "not a port number from 1 to 65535");
        } else if (isStandard("socketType")) {
          String text = text().strip();
          security.offer(valueLine, text, Security.fromAutoconfig(text).orElse(null), "not SSL, STARTTLS or plain");
        } else if (isStandard("authentication")) {
          String system = attribute("system");
          String text = text().strip();
          Optional<AuthMethod> method = authMethod(text, system == null ? "" : system, incoming);
          if (method.isPresent()) {
            if (!auth.contains(method.get())) {
              auth.add(method.get());
            }
          } else {
            unknownAuth.add(system == null || system.isBlank() ? text : system.strip() + ":" + text);
          }
        } else if (isStandard("username")) {
          String text = text().strip();
          username.offer(valueLine, text, text, "");
        } else if (isStandard("pop3")) {
          pop3Options(leaveOnServer);
        } else if (isExtension("hostname")) {
          String domainDots = attribute("domainDots");
          String text = text().strip();
          extensionHostname.offer(
              valueLine,
              text,
              isHostname(text) ? new ExtensionHost(text, domainDots == null ? "" : domainDots) : null,
              "not a host name");
        } else if (isExtension("imapPathPrefix")) {
          String text = text().strip();
          imapPathPrefix.offer(valueLine, text, text, "");
        } else if (isExtension("tlsVersions")) {
          String text = text();
          tlsVersions.offer(
              valueLine, text.strip(), LIST_ITEM.matcher(text).results().map(MatchResult::group).toList(), "");
        } else if (isExtension("maxMessageSize")) {
          String text = text().strip();
          maxSize.offer(valueLine, text, parseSize(text), "not a number of bytes");
        } else {
          skipElement();
        }
      }
      ExtensionHost extension = extensionHostname.value();
      String host = extension != null ? extension.template() : hostname.value();
      if (host == null) {
        warn(line, label + " ignored: " + hostname.missing());
        return Optional.empty();
      }
      Integer portNumber = port.value();
      if (portNumber == null) {
        warn(line, label + " ignored: " + port.missing());
        return Optional.empty();
      }
      Security socketType = security.value();
      if (socketType == null) {
        warn(line, label + " ignored: " + security.missing());
        return Optional.empty();
      }
      if (auth.isEmpty()) {
        // The draft: a section none of whose authentication methods the client supports is
        // ignored; Thunderbird ignores one without any <authentication> as well.
        warn(
            line,
            label
                + " ignored: "
                + (unknownAuth.isEmpty()
                    ? "no authentication"
                    : "no authentication this library supports (" + quoteAll(unknownAuth) + ")"));
        return Optional.empty();
      }
      // Both reach protocol commands, and settings refuse control characters in them (a line
      // break would inject a command): such a section can make no settings.
      String usernameText = username.value();
      String prefixText = imapPathPrefix.value();
      String unusable =
          usernameText != null && hasControlCharacter(usernameText)
              ? "username"
              : prefixText != null && hasControlCharacter(prefixText) ? "imapPathPrefix" : null;
      if (unusable != null) {
        warn(line, label + " ignored: its " + unusable + " contains a control character");
        return Optional.empty();
      }
      ServerConfig.Builder server =
          ServerConfig.builder()
              .protocol(protocol.get())
              .hostname(host)
              .port(portNumber)
              .security(socketType)
              .addAllAuthMethods(auth);
      if (extension != null && !extension.domainDots().isEmpty()) {
        server.domainDotReplacement(extension.domainDots());
      }
      List<String> versions = tlsVersions.value();
      if (versions != null) {
        server.addAllTlsVersions(versions);
      }
      String user = username.value();
      if (user != null) {
        server.username(user);
      }
      String pathPrefix = imapPathPrefix.value();
      if (pathPrefix != null) {
        server.imapPathPrefix(pathPrefix);
      }
      Long size = maxSize.value();
      if (size != null) {
        server.maxMessageSize(size);
      }
      Boolean leave = leaveOnServer.value();
      if (leave != null) {
        server.leaveMessagesOnServer(leave);
      }
      return Optional.of(server.build());
    }

    /**
     * An {@code authentication} value. {@code smtp-after-pop} (the older Thunderbird format's
     * value, still in the ISPDB) means that the server lets a client send that has just fetched
     * its mail: no SMTP login, as Thunderbird reads it, so it is {@link AuthMethod#NONE} in an
     * SMTP section and an unknown value elsewhere.
     */
    private static Optional<AuthMethod> authMethod(String text, String system, boolean incoming) {
      if (!incoming && system.isBlank() && text.equalsIgnoreCase("smtp-after-pop")) {
        return Optional.of(AuthMethod.NONE);
      }
      return AuthMethod.fromAutoconfig(text, system);
    }

    /**
     * Whether a host name as written can be used: a template (placeholders are expanded and
     * checked per address by the resolver), or a valid host name or IP address.
     */
    private static boolean isHostname(String text) {
      return text.indexOf('%') >= 0 || HostNames.normalise(text).isPresent();
    }

    private static boolean hasControlCharacter(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isISOControl(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    private void pop3Options(First<Boolean> leaveOnServer) throws XMLStreamException {
      int pop3Depth = depth;
      while (nextChild(pop3Depth)) {
        if (isStandard("leaveMessagesOnServer")) {
          int valueLine = line();
          String value = text().strip();
          Boolean leave = null;
          if (value.equalsIgnoreCase("true")) {
            leave = true;
          } else if (value.equalsIgnoreCase("false")) {
            leave = false;
          }
          leaveOnServer.offer(valueLine, value, leave, "not true or false");
        } else {
          skipElement();
        }
      }
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

    private static @Nullable Long parseSize(String text) {
      if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
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

    /** A document's text quoted for a warning: made safe to show, and shortened. */
    private static String quote(String text) {
      return "\"" + Texts.safe(shortened(text)) + "\"";
    }

    private static String shortened(String text) {
      return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "\u2026";
    }

    private static String quoteAll(List<String> texts) {
      String quoted =
          texts.stream().limit(MAX_QUOTED_VALUES).map(Reading::quote).collect(Collectors.joining(", "));
      return texts.size() > MAX_QUOTED_VALUES ? quoted + ", \u2026" : quoted;
    }

    /** The project's {@code <ms:hostname>}: a host name template and its {@code domainDots}. */
    private record ExtensionHost(String template, String domainDots) {}

    /**
     * One single-valued element of a server section. The first usable value counts, as in
     * Thunderbird (an alternative written after it is not the provider's choice); a value that
     * cannot be used is ignored, as the draft's must-ignore rule says, so it neither hides a
     * usable value written after it nor discards the section. Every value left out is a warning
     * on its own line.
     */
    private final class First<T> {
      private final String name;
      private @Nullable T value;
      private boolean rejected;

      First(String name) {
        this.name = name;
      }

      /**
       * Offers the element's value: {@code parsed} is its usable form, or null when {@code
       * text} cannot be used for the reason {@code problem}.
       */
      void offer(int line, String text, @Nullable T parsed, String problem) {
        if (parsed == null) {
          rejected = true;
          warn(line, name + " " + quote(text) + " ignored: " + problem);
        } else if (value != null) {
          warn(line, name + " " + quote(text) + " ignored: the first " + name + " of the section counts");
        } else {
          value = parsed;
        }
      }

      @Nullable T value() {
        return value;
      }

      /** Why the section has no value: none was given, or none could be used. */
      String missing() {
        return (rejected ? "no usable " : "no ") + name;
      }
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
