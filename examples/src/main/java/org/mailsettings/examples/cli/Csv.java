package org.mailsettings.examples.cli;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 has it and spreadsheets write it: records of fields split by a delimiter
 * (a comma, or the semicolon or tab that many locales' spreadsheets use, told from the header),
 * fields in double quotes where they hold the delimiter, quotes or line ends, a byte-order mark
 * at the start ignored. Records are read one at a time; one longer than {@link #MAX_RECORD}
 * bytes, or not valid UTF-8, is an error record of its own and the records after it are read on.
 */
final class Csv {
  /** The longest line read, in bytes, and the longest record, in characters. */
  static final int MAX_RECORD = 64 * 1024;

  private Csv() {}

  /** A record: its fields, or why it could not be read; the number of its first line. */
  record Row(long line, List<String> fields, @Nullable String error) {}

  /** The delimiter a header line uses: the most frequent of comma, semicolon and tab outside quotes. */
  static char delimiterOf(String header) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  /** Reads records from a stream; the delimiter is told from the first record. */
  static final class Reader implements Iterator<Row> {
    private final InputLines lines;
    private char delimiter;
    private boolean first = true;
    private @Nullable Row next;

    Reader(InputStream in) {
      this.lines = InputLines.raw(in, MAX_RECORD);
    }

    char delimiter() {
      return delimiter;
    }

    @Override
    public boolean hasNext() {
      while (next == null && lines.hasNext()) {
        next = read();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = java.util.Objects.requireNonNull(next);
      next = null;
      return row;
    }

    /** The next record, or null for a blank line. */
    private @Nullable Row read() {
      InputLines.Line line = lines.next();
      long number = line.number();
      if (line.error() != null) {
        return new Row(number, List.of(), line.error());
      }
      String text = line.value().orElse("");
      if (first) {
        if (text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        delimiter = delimiterOf(text);
        first = false;
      }
      if (text.isBlank()) {
        return null;
      }
      StringBuilder record = new StringBuilder(text);
      // A quoted field may hold line ends: join the lines until its quotes close. A record that
      // turns out too long or unreadable is still read to its end (and dropped), so that the
      // records after it are read as they are.
      String error = null;
      boolean open = oddQuotes(text);
      while (open) {
        if (!lines.hasNext()) {
          return new Row(number, List.of(), error != null ? error : "the record from line " + number + " ends inside a quoted field");
        }
        InputLines.Line more = lines.next();
        if (more.error() != null) {
          // An unreadable line: its quotes cannot be counted; take it as closing nothing.
          error = error != null ? error : more.error();
          continue;
        }
        String continued = more.value().orElse("");
        open ^= oddQuotes(continued);
        if (error == null && record.length() + 1 + continued.length() > MAX_RECORD) {
          error = "the record from line " + number + " is longer than " + MAX_RECORD + " characters";
        }
        if (error == null) {
          record.append('\n').append(continued);
        }
      }
      if (error != null) {
        return new Row(number, List.of(), error);
      }
      return fields(number, record);
    }

    /** Whether a line has an odd number of quotes: it opens (or closes) a field that spans lines. */
    private static boolean oddQuotes(String line) {
      boolean odd = false;
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) == '"') {
          odd = !odd;
        }
      }
      return odd;
    }

    private Row fields(long number, CharSequence record) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      for (int i = 0; i < record.length(); i++) {
        char c = record.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '"' || wasQuoted) {
          return new Row(number, List.of(), "line " + number + " has a stray quote in field " + (fields.size() + 1));
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      return new Row(number, List.copyOf(fields), null);
    }
  }

  /** One record, fields quoted where they need it, without the line end. */
  static String row(List<String> fields, char delimiter) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      if (i > 0) {
        row.append(delimiter);
      }
      boolean quote = field.indexOf(delimiter) >= 0 || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
      if (quote) {
        row.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        row.append(field);
      }
    }
    return row.toString();
  }

  /**
   * A value from a server, a document or an unchecked input, made safe to open in a spreadsheet:
   * one that starts like a formula ({@code = + - @}, tab or carriage return) gets a leading
   * apostrophe, as OWASP advises against CSV injection. The input's own columns are written
   * as they came.
   */
  static String cell(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
  }
}
