package org.mailsettings.examples.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of a list run ({@code -} or {@code --input FILE}): the addresses of the arguments,
 * the lines of standard input or of a file, or one column of their CSV records. Each input keeps
 * its other columns until its answer is printed (only the inputs in hand are held, so memory stays
 * flat), and one that could not be read (not UTF-8, too long, a broken record) keeps its place
 * with its error.
 */
final class BulkInput implements AutoCloseable {
  /** An input: the address text, the record's columns (CSV), or why it could not be read. */
  record Entry(String text, List<String> columns, @Nullable String error) {}

  private final Iterator<Entry> entries;
  private final List<String> header;
  private final char delimiter;
  private final OptionalLong total;
  private final List<InputStream> opened;
  // Written and read on the thread that consumes the results (the bulk run reads its inputs there).
  private final Map<Long, Entry> held = new HashMap<>();
  private long nextIndex;

  private BulkInput(Iterator<Entry> entries, List<String> header, char delimiter, OptionalLong total, List<InputStream> opened) {
    this.entries = entries;
    this.header = header;
    this.delimiter = delimiter;
    this.total = total;
    this.opened = opened;
  }

  /**
   * The inputs of {@code arguments} ({@code -} for standard input) and then of {@code file}; with
   * {@code csvColumn}, the records of the one CSV input ({@code -} or the file) and that column
   * of them, named by its header or numbered from 1.
   *
   * @throws IllegalArgumentException if the file cannot be read or the column is not in the header
   */
  static BulkInput of(List<String> arguments, Supplier<InputStream> stdin, @Nullable Path file, @Nullable String csvColumn) {
    List<InputStream> opened = new ArrayList<>();
    try {
      if (csvColumn != null) {
        if (file != null && arguments.isEmpty()) {
          OptionalLong total = OptionalLong.of(Math.max(0, countRecords(file) - 1));
          return csv(new Csv.Reader(open(file, opened)), csvColumn, total, opened);
        }
        if (file == null && arguments.equals(List.of("-"))) {
          return csv(new Csv.Reader(stdin.get()), csvColumn, OptionalLong.empty(), opened);
        }
        throw new IllegalArgumentException("--csv reads one CSV input: '-' or --input FILE, and no addresses beside it");
      }
      List<Iterator<Entry>> parts = new ArrayList<>();
      long known = 0;
      boolean unknown = false;
      for (String argument : arguments) {
        if (argument.equals("-")) {
          parts.add(lines(new InputLines(stdin.get())));
          unknown = true;
        } else {
          parts.add(List.of(new Entry(argument, List.of(), null)).iterator());
          known++;
        }
      }
      if (file != null) {
        known += countLines(file);
        parts.add(lines(new InputLines(open(file, opened))));
      }
      return new BulkInput(concatenated(parts), List.of(), ',', unknown ? OptionalLong.empty() : OptionalLong.of(known), opened);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static BulkInput csv(Csv.Reader reader, String column, OptionalLong total, List<InputStream> opened) {
    if (!reader.hasNext()) {
      throw new IllegalArgumentException("the CSV input is empty: it needs a header line naming its columns");
    }
    Csv.Row headerRow = reader.next();
    if (headerRow.error() != null) {
      throw new IllegalArgumentException("the CSV header cannot be read: " + headerRow.error());
    }
    List<String> header = headerRow.fields();
    int index = columnIndex(header, column);
    Iterator<Entry> entries = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return reader.hasNext();
      }

      @Override
      public Entry next() {
        Csv.Row row = reader.next();
        if (row.error() != null) {
          return new Entry("", List.of(), row.error());
        }
        if (index >= row.fields().size()) {
          return new Entry("", row.fields(), "line " + row.line() + " has no column " + header.get(index));
        }
        return new Entry(row.fields().get(index).strip(), row.fields(), null);
      }
    };
    return new BulkInput(entries, header, reader.delimiter(), total, opened);
  }

  private static int columnIndex(List<String> header, String column) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(column.strip())) {
        return i;
      }
    }
    if (column.strip().matches("[0-9]{1,4}")) {
      int number = Integer.parseInt(column.strip());
      if (number >= 1 && number <= header.size()) {
        return number - 1;
      }
    }
    throw new IllegalArgumentException("--csv " + column + ": the header has no such column (it has: "
        + Terminal.safe(String.join(", ", header)) + "; or give its number from 1)");
  }

  private static Iterator<Entry> lines(InputLines lines) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Entry next() {
        InputLines.Line line = lines.next();
        return line.error() != null ? new Entry("", List.of(), line.error()) : new Entry(line.value().orElse(""), List.of(), null);
      }
    };
  }

  private static Iterator<Entry> concatenated(List<Iterator<Entry>> parts) {
    return new Iterator<>() {
      private int part;

      @Override
      public boolean hasNext() {
        while (part < parts.size()) {
          if (parts.get(part).hasNext()) {
            return true;
          }
          part++;
        }
        return false;
      }

      @Override
      public Entry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return parts.get(part).next();
      }
    };
  }

  private static InputStream open(Path file, List<InputStream> opened) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      opened.add(in);
      return in;
    } catch (IOException e) {
      throw new IllegalArgumentException("--input " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The addresses in the file, counted in a first pass for the progress bar (memory stays flat). */
  private static long countLines(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      InputLines lines = new InputLines(in);
      long count = 0;
      while (lines.hasNext()) {
        lines.next();
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new IllegalArgumentException("--input " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static long countRecords(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      Csv.Reader reader = new Csv.Reader(in);
      long count = 0;
      while (reader.hasNext()) {
        reader.next();
        count++;
      }
      return count;
    } catch (IOException e) {
      throw new IllegalArgumentException("--input " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The addresses, read lazily; each one's entry is held until {@link #take} is called for its index. */
  Iterator<String> addresses() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public String next() {
        Entry entry = entries.next();
        held.put(nextIndex++, entry);
        return entry.text();
      }
    };
  }

  /** The entry of the input at {@code index}, no longer held. */
  Entry take(long index) {
    Entry entry = held.remove(index);
    if (entry == null) {
      throw new IllegalStateException("no input " + index + " in hand");
    }
    return entry;
  }

  /** The CSV header, or empty when the input is not CSV. */
  List<String> header() {
    return header;
  }

  /** The CSV delimiter (a comma unless the input's header uses another). */
  char delimiter() {
    return delimiter;
  }

  /** How many inputs there are, when known before reading them (a file, the arguments). */
  OptionalLong total() {
    return total;
  }

  /** A CSV header's column names as JSON keys: as given, or {@code column N} for a blank one. */
  static String columnName(List<String> header, int index) {
    String name = index < header.size() ? header.get(index).strip() : "";
    return name.isEmpty() ? "column " + (index + 1) : name;
  }

  @Override
  public void close() {
    closeAll(opened);
  }

  private static void closeAll(List<InputStream> streams) {
    for (InputStream in : streams) {
      try {
        in.close();
      } catch (IOException e) {
        // Only read from: a stream that does not close cleanly has lost nothing.
      }
    }
  }
}
