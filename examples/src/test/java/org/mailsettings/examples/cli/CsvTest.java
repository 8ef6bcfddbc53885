package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** CSV records written and read back, and the records a spreadsheet writes. */
class CsvTest {
  private static List<Csv.Row> read(String text) {
    Csv.Reader reader = new Csv.Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<Csv.Row> rows = new ArrayList<>();
    reader.forEachRemaining(rows::add);
    return rows;
  }

  @Property
  void whatIsWrittenIsReadBack(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) @Chars({',', ';', '"', '\n', ' ', 'a', 'ř', '\t'}) @CharRange(from = 'x', to = 'z') String> fields,
      @ForAll("delimiters") char delimiter) {
    String header = String.join(String.valueOf(delimiter), "a", "b");
    String row = Csv.row(fields, delimiter);
    List<Csv.Row> rows = read(header + "\n" + row + "\n");
    if (row.isBlank()) {
      assertThat(rows).hasSize(1); // a blank record is passed over
      return;
    }
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).error()).isNull();
    assertThat(rows.get(1).fields()).containsExactlyElementsOf(fields);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Character> delimiters() {
    return net.jqwik.api.Arbitraries.of(',', ';', '\t');
  }

  @Test
  void theDelimiterIsToldFromTheHeader() {
    assertThat(Csv.delimiterOf("a,b,c")).isEqualTo(',');
    assertThat(Csv.delimiterOf("Jméno;E-mail;\"Ulice, číslo\"")).isEqualTo(';');
    assertThat(Csv.delimiterOf("a\tb\tc")).isEqualTo('\t');
    assertThat(Csv.delimiterOf("email")).isEqualTo(',');
  }

  @Test
  void aBrokenRecordIsAnErrorAndTheNextOneIsReadOn() {
    List<Csv.Row> rows = read("a,b\nx,\"open\"stray\ny,z\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).error()).contains("line 2").contains("stray quote");
    assertThat(rows.get(2).fields()).containsExactly("y", "z");
  }

  @Test
  void aQuotedFieldThatNeverClosesIsAnErrorNotALostFile() {
    List<Csv.Row> rows = read("a,b\nx,\"never closed\ny,z\n");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).error()).contains("ends inside a quoted field");
  }

  @Test
  void aRecordLongerThanTheLimitIsAnErrorOfItsOwn() {
    String huge = "\"" + "x\n".repeat(Csv.MAX_RECORD) + "\"";
    List<Csv.Row> rows = read("a\n" + huge + "\nlast\n");
    assertThat(rows.get(1).error()).contains("longer than");
    assertThat(rows.get(rows.size() - 1).fields()).containsExactly("last");
  }

  @Test
  void formulasAreDefused() {
    assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-1")).isEqualTo("'-1");
    assertThat(Csv.cell("@x")).isEqualTo("'@x");
    assertThat(Csv.cell("jan@firma.cz")).isEqualTo("jan@firma.cz");
    assertThat(Csv.cell("")).isEmpty();
  }
}
