package org.mailsettings.internal.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * Safe XML input for every format the library reads: a StAX factory with DTDs and external
 * entities off, and strict decoding of bytes into text.
 *
 * <p>Turns a document's bytes into text the way XML says (byte order mark, else the declaration's
 * {@code encoding}, else UTF-8), strictly: bytes that are not valid in the encoding are an error,
 * never replaced. Done here rather than in the XML parser because the JDK's parser prints
 * encoding errors on standard error.
 */
public final class XmlText {
  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

  private XmlText() {}

  /** Thrown when the bytes cannot be decoded; the message says why. */
  public static final class DecodingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    DecodingException(String message, int line, Throwable cause) {
      super(message, cause);
      this.line = line;
    }

    /** The line of the problem, or -1. */
    public int line() {
      return line;
    }
  }

  /**
   * A StAX factory of the JDK's own implementation with DTDs, external entities and external
   * DTD access off, namespace-aware and coalescing, that reports nothing on standard error.
   */
  public static XMLInputFactory newInputFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setXMLReporter((message, errorType, relatedInformation, location) -> {});
    return f;
  }

  /** Decodes a document's bytes as XML says. */
  public static String decode(byte[] bytes) throws DecodingException {
    Charset charset;
    int offset = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      offset = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
      charset = StandardCharsets.UTF_16BE;
      offset = startsWith(bytes, 0xFE, 0xFF) ? 2 : 0;
    } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
      charset = StandardCharsets.UTF_16LE;
      offset = startsWith(bytes, 0xFF, 0xFE) ? 2 : 0;
    } else {
      charset = declaredEncoding(bytes);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodingException("the bytes are not valid " + charset.name(), -1, e);
    }
  }

  private static Charset declaredEncoding(byte[] bytes) throws DecodingException {
    String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
    Matcher matcher = DECLARED_ENCODING.matcher(head);
    if (!matcher.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = matcher.group(1);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new DecodingException("unsupported encoding \"" + name + "\"", 1, e);
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
