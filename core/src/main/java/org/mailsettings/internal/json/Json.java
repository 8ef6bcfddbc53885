package org.mailsettings.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded JSON reader (RFC 8259) and a deterministic writer, for documents from the
 * network (PACC's {@code user-agent-configuration.json}) and the ones the library publishes.
 *
 * <p>The reader takes bytes, never more than the caller's bound, decodes them as strict UTF-8
 * (no byte order mark, no malformed or overlong sequences, no encoded surrogates) and accepts
 * exactly RFC 8259's grammar: no comments, no trailing commas, no single quotes, no leading
 * zeros, no {@code NaN}; control characters only escaped; <code>&#92;u</code> escapes only as well-formed
 * surrogate pairs. It refuses what a lenient parser would read one way and another parser another
 * way (a document whose digest was checked must mean one thing): a member name twice in one
 * object. Nesting is bounded (so a deep document is a {@link JsonException}, never a {@link
 * StackOverflowError}), and so is a number's length.
 *
 * <p>Values: objects are {@code Map<String, Object>} in document order, arrays {@code
 * List<Object>}, strings {@code String}, numbers {@link BigDecimal}, {@code true}/{@code false}
 * {@link Boolean}, {@code null} {@link #NULL}; all unmodifiable.
 */
public final class Json {
  /** JSON's {@code null}. */
  public static final Object NULL = Null.NULL;

  /** The deepest nesting read by default. */
  public static final int DEFAULT_MAX_DEPTH = 32;

  /** The longest number read (digits, sign, point and exponent). */
  static final int MAX_NUMBER_LENGTH = 64;

  private enum Null {
    NULL;

    @Override
    public String toString() {
      return "null";
    }
  }

  /** A document that is not strict JSON, or exceeds a bound. */
  public static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message);
    }
  }

  private final String text;
  private final int maxDepth;
  private int position;

  private Json(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /**
   * Reads one JSON value from {@code bytes}.
   *
   * @param maxBytes the most bytes accepted
   * @param maxDepth the deepest nesting of arrays and objects accepted
   * @throws JsonException when the bytes are not one strict JSON value within the bounds
   */
  public static Object parse(byte[] bytes, int maxBytes, int maxDepth) throws JsonException {
    if (bytes.length > maxBytes) {
      throw new JsonException("document of " + bytes.length + " bytes; at most " + maxBytes + " are read");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JsonException("not UTF-8");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw new JsonException("a byte order mark before the document");
    }
    Json reader = new Json(text, maxDepth);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.position != text.length()) {
      throw reader.error("text after the document");
    }
    return value;
  }

  /** Reads one JSON value with the default nesting bound. */
  public static Object parse(byte[] bytes, int maxBytes) throws JsonException {
    return parse(bytes, maxBytes, DEFAULT_MAX_DEPTH);
  }

  private JsonException error(String what) {
    return new JsonException(what + " at character " + position);
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private Object value(int depth) throws JsonException {
    if (position >= text.length()) {
      throw error("a value expected");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> {
        literal("true");
        yield true;
      }
      case 'f' -> {
        literal("false");
        yield false;
      }
      case 'n' -> {
        literal("null");
        yield NULL;
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character U+" + String.format("%04X", (int) c));
      }
    };
  }

  private void literal(String word) throws JsonException {
    if (!text.startsWith(word, position)) {
      throw error("not a JSON value");
    }
    position += word.length();
  }

  private Map<String, Object> object(int depth) throws JsonException {
    if (depth > maxDepth) {
      throw error("nested deeper than " + maxDepth);
    }
    position++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (position < text.length() && text.charAt(position) == '}') {
      position++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (position >= text.length() || text.charAt(position) != '"') {
        throw error("a member name expected");
      }
      int at = position;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth);
      if (members.putIfAbsent(name, value) != null) {
        position = at;
        throw error("the member \"" + shortened(name) + "\" twice");
      }
      skipWhitespace();
      if (position >= text.length()) {
        throw error("an unfinished object");
      }
      char c = text.charAt(position++);
      if (c == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (c != ',') {
        position--;
        throw error("',' or '}' expected");
      }
    }
  }

  private List<Object> array(int depth) throws JsonException {
    if (depth > maxDepth) {
      throw error("nested deeper than " + maxDepth);
    }
    position++; // [
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (position < text.length() && text.charAt(position) == ']') {
      position++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      if (position >= text.length()) {
        throw error("an unfinished array");
      }
      char c = text.charAt(position++);
      if (c == ']') {
        return Collections.unmodifiableList(elements);
      }
      if (c != ',') {
        position--;
        throw error("',' or ']' expected");
      }
    }
  }

  private void expect(char c) throws JsonException {
    if (position >= text.length() || text.charAt(position) != c) {
      throw error("'" + c + "' expected");
    }
    position++;
  }

  private String string() throws JsonException {
    position++; // "
    StringBuilder out = null;
    int start = position;
    while (true) {
      if (position >= text.length()) {
        throw error("an unfinished string");
      }
      char c = text.charAt(position);
      if (c == '"') {
        String value = out == null ? text.substring(start, position) : out.append(text, start, position).toString();
        position++;
        return value;
      }
      if (c < 0x20) {
        throw error("an unescaped control character in a string");
      }
      if (c != '\\') {
        position++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, start, position);
      position++;
      if (position >= text.length()) {
        throw error("an unfinished escape");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          char unit = hex4();
          if (Character.isHighSurrogate(unit)) {
            if (!text.startsWith("\\u", position)) {
              throw error("a lone surrogate escape");
            }
            position += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
              throw error("a lone surrogate escape");
            }
            out.append(unit).append(low);
          } else if (Character.isLowSurrogate(unit)) {
            throw error("a lone surrogate escape");
          } else {
            out.append(unit);
          }
        }
        default -> {
          position--;
          throw error("not a JSON escape");
        }
      }
      start = position;
    }
  }

  private char hex4() throws JsonException {
    if (position + 4 > text.length()) {
      throw error("an unfinished \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(position + i), 16);
      if (digit < 0 || text.charAt(position + i) > 'f') {
        throw error("not a hexadecimal digit");
      }
      value = value * 16 + digit;
    }
    position += 4;
    return (char) value;
  }

  private BigDecimal number() throws JsonException {
    int start = position;
    if (text.charAt(position) == '-') {
      position++;
    }
    if (position >= text.length()) {
      throw error("a digit expected");
    }
    if (text.charAt(position) == '0') {
      position++;
    } else if (!digits()) {
      throw error("a digit expected");
    }
    if (position < text.length() && text.charAt(position) == '.') {
      position++;
      if (!digits()) {
        throw error("a digit expected after '.'");
      }
    }
    if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      position++;
      if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
        position++;
      }
      if (!digits()) {
        throw error("a digit expected in the exponent");
      }
    }
    if (position - start > MAX_NUMBER_LENGTH) {
      position = start;
      throw error("a number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    try {
      return new BigDecimal(text.substring(start, position));
    } catch (NumberFormatException e) {
      position = start;
      throw error("a number out of range"); // an exponent beyond what BigDecimal holds
    }
  }

  private boolean digits() {
    int start = position;
    while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
      position++;
    }
    return position > start;
  }

  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  // The writer.

  /**
   * The value as JSON text, indented by two spaces, members in the map's order, ending without
   * a line break. Strings may hold any character but a lone surrogate; control characters are
   * escaped.
   *
   * @param value a {@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code Boolean},
   *     number ({@link BigDecimal}, {@link BigInteger}, {@code Integer}, {@code Long}) or {@link #NULL}
   * @throws IllegalArgumentException for another type or a lone surrogate
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String name)) {
          throw new IllegalArgumentException("a member name that is not a string: " + entry.getKey());
        }
        indent(out, indent + 1);
        string(name, out);
        out.append(": ");
        write(entry.getValue(), out, indent + 1);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      indent(out, indent);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        indent(out, indent + 1);
        write(list.get(i), out, indent + 1);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      indent(out, indent);
      out.append(']');
    } else if (value instanceof String string) {
      string(string, out);
    } else if (value instanceof Boolean bool) {
      out.append(bool.booleanValue());
    } else if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Null) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void indent(StringBuilder out, int indent) {
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("a lone surrogate in a string");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The UTF-8 bytes of {@link #write(Object)}. */
  public static byte[] writeBytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }
}
