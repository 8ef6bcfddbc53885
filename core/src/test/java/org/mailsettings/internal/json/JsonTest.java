package org.mailsettings.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict reader: what RFC 8259 allows, and nothing a lenient parser would also take. */
class JsonTest {
  private static Object parse(String text) throws Json.JsonException {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  @Test
  void readsTheDraftsExample() throws Exception {
    Object value = parse("{\"protocols\":{\"imap\":{\"host\":\"imap.example.com\"}},\"n\":[1,-0.5e3,true,false,null],"
        + "\"s\":\"a\\u00e9\\ud83d\\ude00\\n\\\"\\/\"}");
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(((Map<?, ?>) ((Map<?, ?>) map.get("protocols")).get("imap")).get("host")).isEqualTo("imap.example.com");
    assertThat(map.get("n")).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("-0.5e3"), true, false, Json.NULL));
    assertThat(map.get("s")).isEqualTo("aé\uD83D\uDE00\n\"/");
  }

  @Test
  void refusesWhatIsNotStrictJson() {
    for (String text : List.of(
        "", " ", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "// c\n{}", "{\"a\":1}/* c */", "NaN", "01", "1.", ".5", "+1",
        "-", "1e", "tru", "nul", "\"a", "\"\t\"", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"\\u00g1\"", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "{} {}", "{\"a\":1,\"a\":2}", "\u00a0{}",
        "1e99999999999")) {
      assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(Json.JsonException.class);
    }
  }

  @Test
  void refusesMalformedUtf8AndAByteOrderMark() {
    assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}, 100)).isInstanceOf(Json.JsonException.class);
    assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, 100))
        .isInstanceOf(Json.JsonException.class); // an encoded surrogate
    assertThatThrownBy(() -> Json.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, 100))
        .isInstanceOf(Json.JsonException.class);
  }

  @Test
  void boundsNestingSizeAndNumbers() throws Exception {
    assertThat(parse("[".repeat(32) + "]".repeat(32))).isInstanceOf(List.class);
    assertThatThrownBy(() -> parse("[".repeat(33) + "]".repeat(33))).isInstanceOf(Json.JsonException.class);
    // Far deeper than any stack: a typed refusal, not a StackOverflowError.
    assertThatThrownBy(() -> parse("{\"a\":".repeat(100_000))).isInstanceOf(Json.JsonException.class);
    assertThatThrownBy(() -> Json.parse("[1,2,3]".getBytes(StandardCharsets.UTF_8), 6)).isInstanceOf(Json.JsonException.class);
    assertThatThrownBy(() -> parse("1" + "0".repeat(64))).isInstanceOf(Json.JsonException.class);
    assertThat(parse("1" + "0".repeat(63))).isEqualTo(new BigDecimal("1" + "0".repeat(63)));
  }

  @Test
  void writesIndentedJsonThatReadsBack() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("protocols", Map.of("imap", Map.of("host", "imap.example.com")));
    value.put("list", List.of(1, "x\u0001\u007f\"\\", false, Json.NULL, List.of(), Map.of()));
    String text = Json.write(value);
    assertThat(text).startsWith("{\n  \"protocols\": {\n    \"imap\": {\n      \"host\": \"imap.example.com\"\n    }\n  },");
    assertThat(text).contains("\"x\\u0001\\u007f\\\"\\\\\"").contains("[]").contains("{}");
    assertThat(parse(text)).isEqualTo(Map.of(
        "protocols", Map.of("imap", Map.of("host", "imap.example.com")),
        "list", List.of(BigDecimal.ONE, "x\u0001\u007f\"\\", false, Json.NULL, List.of(), Map.of())));
    assertThatThrownBy(() -> Json.write("\uD800")).isInstanceOf(IllegalArgumentException.class);
  }
}
