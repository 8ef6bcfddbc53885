package org.mailsettings.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the reader and the writer over generated values and bytes. */
class JsonProperties {

  @Property(tries = 300)
  void whatTheWriterWritesReadsBackEqual(@ForAll("values") Object value) throws Exception {
    byte[] bytes = Json.writeBytes(value);
    assertThat(Json.parse(bytes, bytes.length + 1, 64)).isEqualTo(normalised(value));
    // Deterministic: the same value, the same bytes (what a digest is computed over).
    assertThat(Json.writeBytes(value)).isEqualTo(bytes);
  }

  @Property(tries = 500)
  void anyBytesGiveAValueOrATypedRefusal(@ForAll byte[] bytes) {
    try {
      Object value = Json.parse(bytes, 1 << 16);
      // What it read is what the writer writes back to equal JSON.
      assertThat(Json.parse(Json.writeBytes(value), 1 << 20, 64)).isEqualTo(value);
    } catch (Json.JsonException refused) {
      // typed
    }
  }

  @Property(tries = 300)
  void anyTextOfJsonCharactersGivesAValueOrATypedRefusal(@ForAll("jsonish") String text) {
    try {
      Json.parse(text.getBytes(StandardCharsets.UTF_8), 1 << 16);
    } catch (Json.JsonException refused) {
      // typed
    }
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 \\ntrufalsu\u00e9").ofMaxLength(60);
  }

  @Provide
  Arbitrary<Object> values() {
    return value(4);
  }

  private Arbitrary<Object> value(int depth) {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).filter(JsonProperties::noLoneSurrogate).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(Json.NULL));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(
            Arbitraries.strings().ofMaxLength(8).filter(JsonProperties::noLoneSurrogate), value(depth - 1))
        .ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.oneOf(leaf, list, map);
  }

  private static boolean noLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** What the reader gives for a written value: numbers as BigDecimal. */
  private static Object normalised(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return new BigDecimal(value.toString());
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(e -> out.add(normalised(e)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, normalised(v)));
      return out;
    }
    return value;
  }
}
