package org.mailsettings.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lines of standard input, read and handed out one at a time so that a list of millions is
 * answered as it streams: memory stays flat. A line longer than {@link #MAX_LINE} bytes is an
 * error record of its own (the rest of it is skipped, not held), and a line that is not valid
 * UTF-8 is one too, never a silent U+FFFD. Address lists pass over blank lines and {@code #}
 * comments and strip spaces; {@linkplain #raw raw} lines (for CSV, whose quoted fields may hold
 * them) are handed out as they are, without the line end.
 */
final class InputLines implements Iterator<InputLines.Line> {
  /** The longest line read, in bytes: far more than an address with a display name. */
  static final int MAX_LINE = 4096;

  /** A line: its text, or why it could not be read; its number, from 1. */
  record Line(long number, @Nullable String text, @Nullable String error) {
    Optional<String> value() {
      return Optional.ofNullable(text);
    }
  }

  private final InputStream in;
  private final int maxLine;
  private final boolean raw;
  private long number;
  private @Nullable Line next;
  private boolean done;

  InputLines(InputStream in) {
    this(in, MAX_LINE, false);
  }

  private InputLines(InputStream in, int maxLine, boolean raw) {
    this.in = in;
    this.maxLine = maxLine;
    this.raw = raw;
  }

  /** Every line as it is (blank ones too, a final carriage return dropped), up to {@code maxLine} bytes. */
  static InputLines raw(InputStream in, int maxLine) {
    return new InputLines(in, maxLine, true);
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      next = read();
    }
    return next != null;
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Line line = next;
    next = null;
    return java.util.Objects.requireNonNull(line);
  }

  /** The next line worth answering (blank lines and {@code #} comments are passed over), or null. */
  private @Nullable Line read() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean tooLong = false;
    int b;
    try {
      while ((b = in.read()) >= 0 && b != '\n') {
        if (bytes.size() < maxLine) {
          bytes.write(b);
        } else {
          tooLong = true; // skipped, not kept
        }
      }
    } catch (IOException e) {
      done = true;
      return new Line(++number, null, "cannot read the input: " + e.getMessage());
    }
    if (b < 0) {
      done = true;
      if (bytes.size() == 0 && !tooLong) {
        return null;
      }
    }
    number++;
    if (tooLong) {
      return new Line(number, null, "line " + number + " is longer than " + maxLine + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return new Line(number, null, "line " + number + " is not valid UTF-8");
    }
    if (raw) {
      return new Line(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, null);
    }
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.startsWith("#")) {
      return null; // passed over: hasNext reads on (a loop, not recursion: a million blank lines are fine)
    }
    return new Line(number, stripped, null);
  }
}
