package org.mailsettings.clientconfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mailsettings.AuthMethod;

/**
 * Writes a {@link ClientConfig} as a clientConfig document (version 1.2) that {@link
 * ClientConfigParser} reads back to an equal model: for applications that keep provider files of
 * their own, and for the round-trip tests. Extension values go into the project's namespace; a
 * server whose host needs the dot replacement has no standard {@code hostname}, so that other
 * clients drop it instead of using a wrong host.
 */
public final class ClientConfigWriter {
  private static final String PREFIX = "ms";

  private ClientConfigWriter() {}

  /**
   * {@return the document as UTF-8 text}
   *
   * @param config the document
   * @throws IllegalArgumentException if a value holds a character XML cannot carry
   */
  public static String write(ClientConfig config) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(config, bytes);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the document to {@code out} in UTF-8; the caller closes the stream.
   *
   * @param config the document
   * @param out where to write it
   * @throws IOException if writing to {@code out} fails
   * @throws IllegalArgumentException if a value holds a character XML cannot carry
   */
  public static void write(ClientConfig config, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("clientConfig");
      xml.writeAttribute("version", config.version().isEmpty() ? "1.2" : config.version());
      xml.writeNamespace(PREFIX, ClientConfigParser.EXTENSION_NAMESPACE);
      for (EmailProviderConfig provider : config.emailProviders()) {
        provider(xml, provider);
      }
      if (config.oAuth2().isPresent()) {
        OAuth2Config oauth = config.oAuth2().get();
        xml.writeStartElement("oAuth2");
        element(xml, "issuer", oauth.issuer());
        element(xml, "scope", oauth.scope());
        element(xml, "authURL", oauth.authUrl());
        element(xml, "tokenURL", oauth.tokenUrl());
        if (oauth.deviceAuthUrl().isPresent()) {
          extension(xml, "deviceAuthURL", oauth.deviceAuthUrl().get());
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the document: " + e.getMessage(), e);
    }
  }

  private static void provider(XMLStreamWriter xml, EmailProviderConfig provider) throws XMLStreamException {
    xml.writeStartElement("emailProvider");
    xml.writeAttribute("id", checked(provider.id()));
    for (String domain : provider.domains()) {
      element(xml, "domain", domain);
    }
    for (String domain : provider.mxDomains()) {
      xml.writeStartElement("domain");
      xml.writeAttribute("purpose", "mx");
      xml.writeCharacters(checked(domain));
      xml.writeEndElement();
    }
    element(xml, "displayName", provider.displayName());
    element(xml, "displayShortName", provider.displayShortName());
    for (ServerConfig server : provider.incomingServers()) {
      server(xml, "incomingServer", server);
    }
    for (ServerConfig server : provider.outgoingServers()) {
      server(xml, "outgoingServer", server);
    }
    for (String url : provider.documentationUrls()) {
      xml.writeEmptyElement("documentation");
      xml.writeAttribute("url", checked(url));
    }
    for (String note : provider.notes()) {
      extension(xml, "note", note);
    }
    xml.writeEndElement();
  }

  private static void server(XMLStreamWriter xml, String name, ServerConfig server) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeAttribute("type", server.protocol().autoconfigType());
    if (server.domainDotReplacement().isPresent()) {
      xml.writeStartElement(PREFIX, "hostname", ClientConfigParser.EXTENSION_NAMESPACE);
      xml.writeAttribute("domainDots", checked(server.domainDotReplacement().get()));
      xml.writeCharacters(checked(server.hostname()));
      xml.writeEndElement();
    } else {
      element(xml, "hostname", server.hostname());
    }
    element(xml, "port", Integer.toString(server.port()));
    element(xml, "socketType", server.security().autoconfigName());
    for (AuthMethod method : server.authMethods()) {
      xml.writeStartElement("authentication");
      if (method.kind() == AuthMethod.Kind.SASL) {
        xml.writeAttribute("system", "sasl");
      }
      xml.writeCharacters(method.autoconfigName());
      xml.writeEndElement();
    }
    element(xml, "username", server.username());
    if (server.leaveMessagesOnServer().isPresent()) {
      xml.writeStartElement("pop3");
      element(xml, "leaveMessagesOnServer", server.leaveMessagesOnServer().get().toString());
      xml.writeEndElement();
    }
    if (server.imapPathPrefix().isPresent()) {
      extension(xml, "imapPathPrefix", server.imapPathPrefix().get());
    }
    if (!server.tlsVersions().isEmpty()) {
      extension(xml, "tlsVersions", String.join(" ", server.tlsVersions()));
    }
    if (server.maxMessageSize().isPresent()) {
      extension(xml, "maxMessageSize", Long.toString(server.maxMessageSize().getAsLong()));
    }
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, Optional<String> value) throws XMLStreamException {
    if (value.isPresent()) {
      element(xml, name, value.get());
    }
  }

  private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(checked(value));
    xml.writeEndElement();
  }

  private static void extension(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(PREFIX, name, ClientConfigParser.EXTENSION_NAMESPACE);
    xml.writeCharacters(checked(value));
    xml.writeEndElement();
  }

  /** The value, if XML 1.0 can carry every character of it. */
  private static String checked(String value) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      boolean allowed =
          c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed) {
        throw new IllegalArgumentException("XML cannot carry the character U+" + Integer.toHexString(c) + " in \"" + value + "\"");
      }
      i += Character.charCount(c);
    }
    return value;
  }
}
