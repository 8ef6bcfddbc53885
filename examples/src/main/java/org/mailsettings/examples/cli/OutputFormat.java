package org.mailsettings.examples.cli;

/** How answers are printed: a table for people, JSON lines or CSV for programs and spreadsheets. */
enum OutputFormat {
  /** Readable tables, one an address. */
  TABLE,
  /** One JSON object an address, one a line. */
  JSON,
  /** One CSV record an address, under a header, the best incoming and outgoing settings in columns. */
  CSV
}
