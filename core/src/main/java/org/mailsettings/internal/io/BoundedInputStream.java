package org.mailsettings.internal.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that fails once more than a set number of bytes would be read, so that no
 * document, however hostile, can make the library read without bound.
 */
public final class BoundedInputStream extends FilterInputStream {

  /** Thrown when the limit is passed. */
  public static final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(long limit) {
      super("input larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private long count;
  private boolean exceeded;

  /** Wraps {@code in}, allowing at most {@code limit} bytes. */
  public BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /** Whether the limit was passed. */
  public boolean limitExceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    // Read at most one byte past the limit: enough to know the input is too large.
    long allowed = Math.max(1, Math.min(length, limit - count + 1));
    int n = super.read(buffer, offset, (int) allowed);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - count + 1));
    count(skipped);
    return skipped;
  }

  private void count(long n) throws IOException {
    count += n;
    if (count > limit) {
      exceeded = true;
      throw new LimitExceededException(limit);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
