package org.mailsettings.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailsettings.Candidate;
import org.mailsettings.ServerSettings;

/**
 * Prints answers in the chosen {@link OutputFormat}. For a list, each answer carries its input's
 * index (answers may come as they complete) and the input record's other columns: JSON gets
 * {@code index} and {@code columns} members, CSV the input's columns first and then its own, a
 * table a line of them. CSV has one record an address: the best incoming and outgoing settings.
 */
final class AnswerPrinter {
  /** The columns CSV output adds after the input's own. */
  static final List<String> CSV_COLUMNS = List.of(
      "index", "address", "status", "error", "provider",
      "incoming_protocol", "incoming_host", "incoming_port", "incoming_security", "incoming_username",
      "incoming_source", "incoming_trust",
      "outgoing_host", "outgoing_port", "outgoing_security", "outgoing_username", "outgoing_source", "outgoing_trust",
      "requires_confirmation");

  private final OutputFormat format;
  private final PrintWriter out;
  private final boolean list;
  private final List<String> header;
  private final char delimiter;
  private final boolean verifyColumn;

  /**
   * A printer to {@code out}; {@code list} for a list run (indexes and columns), {@code header}
   * the input's CSV header (empty when it is not CSV), {@code verifyColumn} whether CSV says
   * whether a login worked.
   */
  AnswerPrinter(OutputFormat format, PrintWriter out, boolean list, List<String> header, char delimiter, boolean verifyColumn) {
    this.format = format;
    this.out = out;
    this.list = list;
    this.header = header;
    this.delimiter = delimiter;
    this.verifyColumn = verifyColumn;
  }

  /** Prints what comes before the first answer: the CSV header. */
  void begin() {
    if (format == OutputFormat.CSV) {
      List<String> names = new ArrayList<>(header);
      names.addAll(CSV_COLUMNS);
      if (verifyColumn) {
        names.add("verified");
      }
      out.println(Csv.row(names, delimiter));
    }
  }

  void answer(long index, List<String> columns, Answer answer) {
    switch (format) {
      case JSON -> {
        Map<String, Object> root = new LinkedHashMap<>();
        if (list) {
          root.put("index", index);
        }
        root.putAll(ResolutionJson.map(answer.resolution(), answer.verified(), answer.properties(), answer.findings()));
        putColumns(root, columns);
        out.println(Json.write(root));
      }
      case CSV -> out.println(Csv.row(csv(index, columns, answer), delimiter));
      case TABLE -> table(columns, answer);
    }
  }

  /** An input that is not an address (or could not be read); a table shows nothing (the error went to standard error). */
  void error(long index, String input, List<String> columns, String message) {
    switch (format) {
      case JSON -> {
        Map<String, Object> root = new LinkedHashMap<>();
        if (list) {
          root.put("index", index);
        }
        root.putAll(ResolutionJson.errorMap(input, message));
        putColumns(root, columns);
        out.println(Json.write(root));
      }
      case CSV -> {
        List<String> row = padded(columns);
        row.add(Long.toString(index));
        row.add(Csv.cell(input));
        row.add("invalid");
        row.add(Csv.cell(message));
        while (row.size() < header.size() + CSV_COLUMNS.size() + (verifyColumn ? 1 : 0)) {
          row.add("");
        }
        out.println(Csv.row(row, delimiter));
      }
      case TABLE -> {
        // the error is on standard error; a table has no row for what is not an address
      }
    }
  }

  private void putColumns(Map<String, Object> root, List<String> columns) {
    if (!header.isEmpty()) {
      Map<String, Object> named = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        named.put(BulkInput.columnName(header, i), columns.get(i));
      }
      root.put("columns", named);
    }
  }

  private List<String> padded(List<String> columns) {
    List<String> row = new ArrayList<>(columns);
    while (row.size() < header.size()) {
      row.add("");
    }
    return row;
  }

  private List<String> csv(long index, List<String> columns, Answer answer) {
    List<String> row = padded(columns);
    row.add(Long.toString(index));
    row.add(Csv.cell(answer.resolution().address().address()));
    row.add(answer.resolution().isEmpty() ? "not-found" : "found");
    row.add("");
    row.add(Csv.cell(answer.resolution().provider().map(p -> p.name()).orElse("")));
    Optional<Candidate> incoming = answer.resolution().bestIncoming();
    row.add(incoming.map(c -> c.protocol().name()).orElse(""));
    addServer(row, incoming);
    addServer(row, answer.resolution().bestOutgoing());
    row.add(Boolean.toString(answer.resolution().requiresConfirmation()));
    if (verifyColumn) {
      row.add(answer.verified() == null ? "" : Boolean.toString(answer.verified().anyWorks()));
    }
    return row;
  }

  private static void addServer(List<String> row, Optional<Candidate> candidate) {
    if (candidate.isEmpty()) {
      for (int i = 0; i < 6; i++) {
        row.add("");
      }
      return;
    }
    ServerSettings settings = candidate.get().settings();
    row.add(settings.host());
    row.add(Integer.toString(settings.port()));
    row.add(settings.security().name());
    row.add(Csv.cell(settings.username()));
    row.add(candidate.get().source().name());
    row.add(candidate.get().trust().name());
  }

  private void table(List<String> columns, Answer answer) {
    ResolutionTable.print(answer.resolution(), out);
    // The table ends with a blank line; the record's columns and the rest go before the next one.
    if (!header.isEmpty()) {
      StringBuilder line = new StringBuilder("  columns:");
      for (int i = 0; i < columns.size(); i++) {
        line.append(i == 0 ? " " : "; ").append(BulkInput.columnName(header, i)).append('=').append(columns.get(i));
      }
      out.println(Terminal.safe(line.toString()));
      out.println();
    }
    if (!answer.findings().isEmpty()) {
      out.println("  Probed without credentials:");
      answer.findings().forEach(f -> {
        out.println("    " + Terminal.safe(f.toString()));
        f.proposal().ifPresent(p -> out.println("      proposal: " + p.settings().address()
            + " (" + Terminal.safe(MailSettingsCommand.joined(p.reasons())) + ")"));
      });
      out.println();
    }
    Map<String, String> properties = answer.properties();
    if (properties != null) {
      properties.forEach((title, text) -> {
        out.println("  Jakarta Mail properties for " + title + ":");
        text.lines().forEach(l -> out.println("    " + l));
      });
      out.println();
    }
    Verifying.Result verified = answer.verified();
    if (verified != null) {
      verified.print(out);
    }
  }
}
