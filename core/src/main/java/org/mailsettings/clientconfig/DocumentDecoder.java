package org.mailsettings.clientconfig;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailsettings.clientconfig.ClientConfigException.Reason;

/**
 * Turns a document's bytes into text the way XML says (byte order mark, else the declaration's
 * {@code encoding}, else UTF-8), strictly: bytes that are not valid in the encoding are an error,
 * never replaced. Done here rather than in the XML parser because the JDK's parser prints
 * encoding errors on standard error.
 */
final class DocumentDecoder {
  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

  private DocumentDecoder() {}

  static String decode(byte[] bytes, String sourceName) {
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
      charset = declaredEncoding(bytes, sourceName);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ClientConfigException(
          Reason.MALFORMED_XML, sourceName, -1, "malformed XML: the bytes are not valid " + charset.name(), e);
    }
  }

  private static Charset declaredEncoding(byte[] bytes, String sourceName) {
    String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
    Matcher matcher = DECLARED_ENCODING.matcher(head);
    if (!matcher.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = matcher.group(1);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ClientConfigException(
          Reason.MALFORMED_XML, sourceName, 1, "malformed XML: unsupported encoding \"" + name + "\"", e);
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
