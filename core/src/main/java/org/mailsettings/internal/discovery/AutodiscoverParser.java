package org.mailsettings.internal.discovery;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mailsettings.internal.xml.XmlText;

/**
 * Reads the {@code Protocol} sections of a Microsoft Autodiscover (POX) response: type, server,
 * port, SSL, encryption and login name. Everything else is ignored; DTDs are refused as in
 * every XML the library reads.
 */
final class AutodiscoverParser {
  /** One {@code Protocol} section, its child elements by local name. */
  record Section(Map<String, String> values) {
    String get(String name) {
      return values.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  /** The sections, and the redirect the server asked for instead, if any. */
  record Response(List<Section> protocols, String redirect) {}

  private static final XMLInputFactory FACTORY = XmlText.newInputFactory();
  private static final int MAX_DEPTH = 32;

  private AutodiscoverParser() {}

  /** An answer that is not a readable Autodiscover response. */
  static final class MalformedException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Parses a response.
   *
   * @throws MalformedException when it is not well-formed XML or not readable
   */
  static Response parse(byte[] body) throws MalformedException {
    try {
      return read(body);
    } catch (XMLStreamException | XmlText.DecodingException | RuntimeException e) {
      throw new MalformedException("malformed Autodiscover answer: " + e.getMessage(), e);
    }
  }

  private static Response read(byte[] body) throws XMLStreamException, XmlText.DecodingException {
    XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(XmlText.decode(body)));
    try {
      List<Section> protocols = new ArrayList<>();
      Map<String, String> current = null;
      String redirect = "";
      String action = "";
      StringBuilder text = new StringBuilder();
      int depth = 0;
      int protocolDepth = -1;
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE is not allowed");
          case XMLStreamConstants.START_ELEMENT -> {
            depth++;
            if (depth > MAX_DEPTH) {
              throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH);
            }
            text.setLength(0);
            if (reader.getLocalName().equals("Protocol")) {
              current = new HashMap<>();
              protocolDepth = depth;
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            String name = reader.getLocalName();
            if (current != null && depth == protocolDepth + 1) {
              current.put(name.toLowerCase(Locale.ROOT), text.toString().strip());
            } else if (current != null && depth == protocolDepth && name.equals("Protocol")) {
              protocols.add(new Section(Map.copyOf(current)));
              current = null;
            } else if (name.equals("Action")) {
              action = text.toString().strip();
            } else if (name.equals("RedirectAddr") || name.equals("RedirectUrl")) {
              redirect = text.toString().strip();
            }
            text.setLength(0);
            depth--;
          }
          default -> {
            // comments, whitespace, processing instructions
          }
        }
      }
      return new Response(List.copyOf(protocols), action.toLowerCase(Locale.ROOT).startsWith("redirect") ? redirect : "");
    } finally {
      reader.close();
    }
  }
}
