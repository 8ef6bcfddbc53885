package org.mailsettings.jakarta.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.net.HostNames;

/**
 * Watches the sockets of one connection attempt (a verification login, a store or transport
 * being connected): it checks the address each socket connects to before a byte is sent, caps
 * what the server may send before the login is over, remembers whether TLS was established, and
 * closes every socket at once when the attempt's deadline passes or the attempt is abandoned, so
 * that no thread stays blocked in Jakarta Mail after the library has returned. It also keeps the
 * error a server answered a refused {@code OAUTHBEARER} login with (RFC 7628 section 3.2.2), for
 * the attempt's outcome.
 */
public final class ConnectionGuard {
  /** Thrown when a socket would connect to a loopback or private address that was not confirmed. */
  public static final class AddressNotConfirmedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String address;

    AddressNotConfirmedException(String address) {
      super("refused to connect to " + address + ": a loopback or private address that was not confirmed");
      this.address = address;
    }

    /** The address that was refused. */
    public String address() {
      return address;
    }
  }

  /** Thrown when the server sent more than the cap before the login was over. */
  public static final class TooMuchBeforeLoginException extends IOException {
    private static final long serialVersionUID = 1L;

    TooMuchBeforeLoginException(long cap) {
      super("the server sent more than " + cap + " bytes before the login was over");
    }
  }

  /** Thrown by a socket of an attempt that was stopped (its deadline passed, or it was abandoned). */
  public static final class StoppedException extends IOException {
    private static final long serialVersionUID = 1L;

    StoppedException() {
      super("the connection attempt was stopped");
    }
  }

  private final boolean privateAddressesAllowed;
  private final long maxBytesBeforeLogin;
  private final List<Socket> sockets = new ArrayList<>();
  private long bytesRead;
  private boolean loggedIn;
  private boolean tls;
  private boolean stopped;
  private boolean deadlinePassed;
  private boolean serverClosed;
  private boolean addressRefused;
  private byte @Nullable [] bearerChallenge;

  /**
   * @param privateAddressesAllowed whether sockets may connect to loopback and private addresses
   * @param maxBytesBeforeLogin what the server may send before {@link #loginDone()}; 0 for no cap
   */
  public ConnectionGuard(boolean privateAddressesAllowed, long maxBytesBeforeLogin) {
    this.privateAddressesAllowed = privateAddressesAllowed;
    this.maxBytesBeforeLogin = maxBytesBeforeLogin;
  }

  /** A guard for sessions the application drives itself: no cap, any address. */
  public static ConnectionGuard unrestricted() {
    return new ConnectionGuard(true, 0);
  }

  /** A new unconnected socket of this attempt. */
  public Socket newSocket() {
    return new GuardedSocket(this);
  }

  /** Registers a socket (a TLS layer too) to be closed when the attempt stops. */
  void register(Socket socket) throws IOException {
    synchronized (this) {
      if (!stopped) {
        sockets.add(socket);
        return;
      }
    }
    socket.close();
    throw new StoppedException();
  }

  /** Checks the address a socket is about to connect to. */
  void checkAddress(InetAddress address) throws IOException {
    synchronized (this) {
      if (stopped) {
        throw new StoppedException();
      }
    }
    if (!privateAddressesAllowed && HostNames.isLocalOrPrivate(address.getAddress())) {
      synchronized (this) {
        addressRefused = true;
      }
      throw new AddressNotConfirmedException(address.getHostAddress());
    }
  }

  /** Counts bytes the server sent; fails once the cap before login is passed. */
  void read(long count) throws IOException {
    synchronized (this) {
      if (stopped) {
        throw new StoppedException();
      }
      if (loggedIn || maxBytesBeforeLogin <= 0) {
        return;
      }
      bytesRead += count;
      if (bytesRead <= maxBytesBeforeLogin) {
        return;
      }
    }
    throw new TooMuchBeforeLoginException(maxBytesBeforeLogin);
  }

  /** The server closed a connection of this attempt before the login was over. */
  synchronized void endOfStream() {
    if (!loggedIn && !stopped) {
      serverClosed = true;
    }
  }

  /**
   * Keeps the server's error challenge to a refused {@code OAUTHBEARER} login (decoded from
   * base64, as the mechanism got it); one of more than {@code BearerChallengeReader.MAX_BYTES}
   * bytes is not kept.
   */
  synchronized void bearerChallenge(byte[] challenge) {
    bearerChallenge = challenge.length <= BearerChallengeReader.MAX_BYTES ? challenge.clone() : null;
  }

  /** {@return the error challenge of a refused {@code OAUTHBEARER} login of this attempt, as sent; null for none} */
  public synchronized byte @Nullable [] bearerChallenge() {
    return bearerChallenge == null ? null : bearerChallenge.clone();
  }

  /** Whether a socket was refused because its address is loopback or private and not confirmed. */
  public synchronized boolean addressRefused() {
    return addressRefused;
  }

  /** Whether the server hung up before the login was over (mid-greeting, say). */
  public synchronized boolean serverClosedFirst() {
    return serverClosed;
  }

  /** TLS was established on a socket of this attempt (implicit TLS or STARTTLS). */
  synchronized void tlsEstablished() {
    tls = true;
  }

  /** The login is over: the cap no longer applies. */
  public synchronized void loginDone() {
    loggedIn = true;
  }

  /** Whether TLS was established on some socket of this attempt. */
  public synchronized boolean isTlsEstablished() {
    return tls;
  }

  /** Whether the server sent anything at all. */
  public synchronized boolean serverSpoke() {
    return bytesRead > 0 || loggedIn;
  }

  /** Whether the attempt was stopped by its deadline. */
  public synchronized boolean deadlinePassed() {
    return deadlinePassed;
  }

  /** Whether the attempt was stopped (by its deadline or abandoned). */
  public synchronized boolean isStopped() {
    return stopped;
  }

  /** Stops the attempt because its deadline passed: every socket closed, none opened any more. */
  public void deadline() {
    synchronized (this) {
      if (!stopped) {
        deadlinePassed = true;
      }
    }
    stop();
  }

  /** Stops the attempt: every socket closed, none opened any more. */
  public void stop() {
    List<Socket> open;
    synchronized (this) {
      stopped = true;
      open = List.copyOf(sockets);
      sockets.clear();
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing to stop the attempt: nothing more to do
      }
    }
  }
}
