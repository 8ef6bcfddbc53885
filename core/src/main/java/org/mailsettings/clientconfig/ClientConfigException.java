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

  /** Why the document was refused. */
  private final Reason reason;
  /** Where the document came from. */
  private final String sourceName;
  /** The line, or -1 when unknown. */
  private final int line;

  /**
   * Creates the exception; the message is "source:line: detail".
   *
   * @param reason why the document was refused
   * @param sourceName where the document came from (for messages)
   * @param line the line, or -1 when unknown
   * @param detail what is wrong
   * @param cause the underlying error
   */
  public ClientConfigException(Reason reason, String sourceName, int line, String detail, Throwable cause) {
    super(format(sourceName, line, detail), cause);
    this.reason = reason;
    this.sourceName = sourceName;
    this.line = line;
  }

  /**
   * Creates the exception; the message is "source:line: detail".
   *
   * @param reason why the document was refused
   * @param sourceName where the document came from (for messages)
   * @param line the line, or -1 when unknown
   * @param detail what is wrong
   */
  public ClientConfigException(Reason reason, String sourceName, int line, String detail) {
    super(format(sourceName, line, detail));
    this.reason = reason;
    this.sourceName = sourceName;
    this.line = line;
  }

  private static String format(String sourceName, int line, String detail) {
    return sourceName + (line > 0 ? ":" + line : "") + ": " + detail;
  }

  /** {@return why the document was refused} */
  public Reason reason() {
    return reason;
  }

  /** {@return the source name given to the parser} */
  public String sourceName() {
    return sourceName;
  }

  /** {@return the line of the problem, or -1 when unknown} */
  public int line() {
    return line;
  }
}
