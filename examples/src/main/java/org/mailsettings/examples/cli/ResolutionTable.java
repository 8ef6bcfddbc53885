package org.mailsettings.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.ServerSettings;

/** One resolution as a readable table: per protocol, rank, host, port, security, and so on. */
final class ResolutionTable {
  private static final String[] HEADER = {
    "PROTOCOL", "#", "HOST", "PORT", "SECURITY", "AUTH", "USERNAME", "SOURCE", "TRUST"
  };

  private ResolutionTable() {}

  static void print(Resolution resolution, PrintWriter out) {
    out.println(Terminal.safe(
        resolution.address().address()
            + resolution.provider().map(p -> "  (" + p.name() + ", " + p.id() + ")").orElse("  (unknown provider)")));
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Protocol protocol : protocolsInOrder(resolution)) {
      int rank = 1;
      for (Candidate candidate : resolution.candidates(protocol)) {
        ServerSettings s = candidate.settings();
        rows.add(
            new String[] {
              protocol.name(),
              Integer.toString(rank++),
              Terminal.safe(s.host()),
              Integer.toString(s.port()),
              s.security().name(),
              s.authMethods().isEmpty()
                  ? "-"
                  : s.authMethods().stream().map(AuthMethod::autoconfigName).collect(Collectors.joining(",")),
              s.username().isEmpty() ? "-" : Terminal.safe(s.username()),
              candidate.source().description(),
              candidate.trust().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            });
      }
    }
    if (rows.size() == 1) {
      out.println("  no candidates");
    } else {
      int[] widths = new int[HEADER.length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < row.length; i++) {
          line.append(row[i]);
          if (i < row.length - 1) {
            line.append(" ".repeat(widths[i] - row[i].length() + 2));
          }
        }
        out.println(line.toString().stripTrailing());
      }
    }
    List<String> notes = new ArrayList<>();
    resolution.provider().ifPresent(p -> {
      notes.addAll(p.notes());
      p.documentationUrl().ifPresent(url -> notes.add("Provider documentation: " + url));
    });
    for (Note note : resolution.notes()) {
      notes.add(note.toString());
    }
    if (resolution.requiresConfirmation()) {
      notes.add("Confirm these settings before sending a password: they are not from a trusted source"
          + " (confirm: " + String.join(", ", resolution.hostDomains()) + ").");
    }
    for (String note : notes) {
      out.println("  * " + Terminal.safe(note));
    }
    out.println();
  }

  private static List<Protocol> protocolsInOrder(Resolution resolution) {
    List<Protocol> order = new ArrayList<>();
    for (Candidate candidate : resolution.incoming()) {
      if (!order.contains(candidate.protocol())) {
        order.add(candidate.protocol());
      }
    }
    order.add(Protocol.SMTP);
    return order;
  }
}
