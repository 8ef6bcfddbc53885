package org.mailsettings.internal.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A socket read line by line, every line and every answer bounded, so that a hostile server
 * can neither flood nor stall the prober beyond its read timeout.
 */
public final class LineConnection {
  /** The longest line read. */
  public static final int MAX_LINE = 8192;
  /** The most lines in one answer. */
  public static final int MAX_LINES = 256;

  /** An answer that broke the bounds or the protocol. */
  public static final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final OutputStream out;

  /** The connection over a connected socket. */
  public LineConnection(Socket socket) throws IOException {
    this(socket.getInputStream(), socket.getOutputStream());
  }

  /**
   * The connection over the two directions of any transport: the server's bytes in, the
   * commands out (the fuzz tests feed it from bytes).
   */
  public LineConnection(InputStream in, OutputStream out) {
    this.in = new BufferedInputStream(in);
    this.out = out;
  }

  /** Reads one line without its line ending. */
  public String readLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (bytes.size() == 0) {
          throw new EOFException("the server closed the connection");
        }
        break;
      }
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        bytes.write(b);
      }
      if (bytes.size() > MAX_LINE) {
        throw new ProtocolException("a line longer than " + MAX_LINE + " bytes");
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** Sends one command line. */
  public void send(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Whether the server already sent bytes that have not been read. */
  public boolean hasBufferedInput() throws IOException {
    return in.available() > 0;
  }
}
