package org.mailsettings.clientconfig;

/**
 * Thrown when a clientConfig document cannot be read at all: malformed XML, a DTD, too large or
 * too deeply nested, not a clientConfig, or an I/O failure. The message names the source and the
 * line. Sections the parser can merely ignore are not errors; see {@link ClientConfig#warnings()}.
 */
public final class ClientConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the document was refused. */
  public enum Reason {
    /** Not well-formed XML, or a wrong encoding. */
    MALFORMED_XML,
    /** The document has a DOCTYPE; DTDs and entities are never processed. */
    DTD_NOT_ALLOWED,
    /** Larger than the parser's size limit. */
    TOO_LARGE,
    /** Elements nested deeper than the parser's limit. */
    TOO_DEEP,
    /** Well-formed XML whose root is not {@code clientConfig}. */
    NOT_A_CLIENT_CONFIG,
    /** The input could not be read. */
    READ_FAILED
  }

  private final Reason reason;
  private final String sourceName;
  private final int line;

  /** Creates the exception; the message is "source:line: detail". */
  public ClientConfigException(Reason reason, String sourceName, int line, String detail, Throwable cause) {
    super(format(sourceName, line, detail), cause);
    this.reason = reason;
    this.sourceName = sourceName;
    this.line = line;
  }

  /** Creates the exception; the message is "source:line: detail". */
  public ClientConfigException(Reason reason, String sourceName, int line, String detail) {
    super(format(sourceName, line, detail));
    this.reason = reason;
    this.sourceName = sourceName;
    this.line = line;
  }

  private static String format(String sourceName, int line, String detail) {
    return sourceName + (line > 0 ? ":" + line : "") + ": " + detail;
  }

  /** Why the document was refused. */
  public Reason reason() {
    return reason;
  }

  /** The source name given to the parser. */
  public String sourceName() {
    return sourceName;
  }

  /** The line of the problem, or -1 when unknown. */
  public int line() {
    return line;
  }
}
