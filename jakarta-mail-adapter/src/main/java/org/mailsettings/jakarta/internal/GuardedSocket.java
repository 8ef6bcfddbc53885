package org.mailsettings.jakarta.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A plain socket of a {@link ConnectionGuard}: it resolves and checks the address before it
 * connects, counts what the server sends, and is closed by the guard when the attempt stops. TLS
 * is layered over it, so the guard sees (and can close) every connection of the attempt.
 */
final class GuardedSocket extends Socket {
  private final ConnectionGuard guard;
  private volatile @Nullable InputStream counted;

  GuardedSocket(ConnectionGuard guard) {
    this.guard = guard;
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    InetSocketAddress target = (InetSocketAddress) endpoint;
    if (target.isUnresolved()) {
      target = new InetSocketAddress(InetAddress.getByName(target.getHostString()), target.getPort());
    }
    guard.checkAddress(target.getAddress());
    guard.register(this);
    super.connect(target, timeout);
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public InputStream getInputStream() throws IOException {
    InputStream stream = counted;
    if (stream == null) {
      synchronized (this) {
        stream = counted;
        if (stream == null) {
          stream = new Counting(super.getInputStream(), guard);
          counted = stream;
        }
      }
    }
    return stream;
  }

  /** Reports every byte read to the guard. */
  private static final class Counting extends FilterInputStream {
    private final ConnectionGuard guard;

    Counting(InputStream in, ConnectionGuard guard) {
      super(in);
      this.guard = guard;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        guard.read(1);
      } else {
        guard.endOfStream();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        guard.read(n);
      } else if (n < 0) {
        guard.endOfStream();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) {
        guard.read(skipped);
      }
      return skipped;
    }
  }
}
