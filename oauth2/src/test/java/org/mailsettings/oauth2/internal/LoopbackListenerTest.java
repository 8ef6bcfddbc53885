package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loopback redirect's own HTTP listener, on 127.0.0.1, spoken to with raw sockets. */
class LoopbackListenerTest {
  private final List<LoopbackListener.Request> seen = new CopyOnWriteArrayList<>();
  private LoopbackListener listener;

  @BeforeEach
  void start() throws IOException {
    listener = LoopbackListener.bind();
    listener.listen(request -> {
      seen.add(request);
      return new LoopbackListener.Response(200, Map.of("Content-Type", "text/plain"), "fine");
    });
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), listener.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String exchange(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8); // the listener closes after one answer
  }

  @Test
  void aRequestIsHandedOnWithItsPathAndQueryAndAnswered() throws IOException {
    try (Socket socket = connect()) {
      String answer = exchange(socket, "GET /cb?code=abc&state=xyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 4\r\n").contains("Connection: close\r\n").endsWith("\r\n\r\nfine");
    }
    assertThat(seen).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.rawPath()).isEqualTo("/cb");
      assertThat(request.rawQuery()).isEqualTo("code=abc&state=xyz");
      assertThat(request.toString()).doesNotContain("abc"); // the code is never shown
    });
  }

  @Test
  void aSilentConnectionDoesNotHoldUpTheNextOne() throws IOException {
    try (Socket idle = connect(); Socket redirect = connect()) {
      assertThat(exchange(redirect, "GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 ");
      assertThat(idle.isClosed()).isFalse();
    }
  }

  @Test
  void anOverlongHeadOrAStrangeRequestLineIsRefusedUnseen() throws IOException {
    try (Socket socket = connect()) {
      String longHeader = "X-Filler: " + "a".repeat(LoopbackListener.MAX_HEAD_BYTES) + "\r\n";
      String answer;
      try {
        answer = exchange(socket, "GET / HTTP/1.1\r\n" + longHeader + "\r\n");
      } catch (SocketException e) {
        answer = "reset"; // the listener stopped reading and closed with the rest unread: the kernel may reset first
      }
      assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 400 "), a -> assertThat(a).isEqualTo("reset"));
    }
    try (Socket socket = connect()) {
      assertThat(exchange(socket, "GET http://elsewhere/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }
    try (Socket socket = connect()) {
      assertThat(exchange(socket, "HELLO\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void afterCloseNothingIsHandedOn() {
    listener.close();
    // The port is free again: another test's listener running in parallel may have been given
    // it, so a connection may succeed; what must not happen is that this listener answers.
    try (Socket socket = connect()) {
      socket.setSoTimeout(2_000);
      exchange(socket, "GET /cb?code=late HTTP/1.1\r\n\r\n");
    } catch (IOException refusedOrReset) {
      // nothing listens: as expected
    }
    assertThat(seen).isEmpty();
  }
}
