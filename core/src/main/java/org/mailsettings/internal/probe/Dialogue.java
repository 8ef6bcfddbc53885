package org.mailsettings.internal.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Protocol;
import org.mailsettings.internal.text.SaslNames;

/**
 * The credential-free part of each protocol: recognise the greeting, ask the capabilities,
 * upgrade with STARTTLS, and leave politely. Never a login.
 */
public abstract class Dialogue {

  /** What a capability answer offered. */
  public record Capabilities(boolean startTls, List<String> mechanisms) {}

  /** The dialogue for a protocol. */
  public static Dialogue of(Protocol protocol, String clientName) {
    return switch (protocol) {
      case IMAP -> new Imap();
      case POP3 -> new Pop3();
      case SMTP -> new Smtp(clientName);
    };
  }

  /**
   * Which protocol a greeting belongs to, judged by its first line: IMAP, POP3 or SMTP; null for
   * anything else.
   */
  public static @Nullable Protocol recognise(String greeting) {
    String upper = greeting.toUpperCase(Locale.ROOT);
    if (upper.startsWith("* OK") || upper.startsWith("* PREAUTH") || upper.startsWith("* BYE")) {
      return Protocol.IMAP;
    }
    if (upper.startsWith("+OK") || upper.startsWith("-ERR")) {
      return Protocol.POP3;
    }
    if (upper.length() >= 3 && Character.isDigit(upper.charAt(0)) && Character.isDigit(upper.charAt(1))
        && Character.isDigit(upper.charAt(2)) && (upper.length() == 3 || upper.charAt(3) == ' ' || upper.charAt(3) == '-')) {
      return Protocol.SMTP;
    }
    return null;
  }

  /** Reads the greeting (all its lines) and returns its first line. */
  public String greeting(LineConnection connection) throws IOException {
    return connection.readLine();
  }

  /** Asks the capabilities. */
  public abstract Capabilities capabilities(LineConnection connection) throws IOException;

  /** Asks to start TLS; true when the server agreed. */
  public abstract boolean startTls(LineConnection connection) throws IOException;

  /** Says goodbye; errors are ignored. */
  public abstract void quit(LineConnection connection);

  private static final Pattern WORD = Pattern.compile("\\S+");

  /** Sends a last line; the connection is being left, so a failure changes nothing. */
  static void sendQuietly(LineConnection connection, String line) {
    try {
      connection.send(line);
    } catch (IOException ignored) {
      // leaving anyway
    }
  }

  static List<String> words(String text) {
    return WORD.matcher(text).results().map(MatchResult::group).toList();
  }

  /**
   * The SASL mechanism names of a capability list, upper case. Anything else a server puts there
   * (an overlong word, terminal escape sequences) is left out: only names of RFC 4422's form, 1 to
   * 20 of A-Z, 0-9, hyphen and underscore, reach the findings.
   */
  static List<String> mechanisms(String list) {
    List<String> mechanisms = new ArrayList<>();
    for (String token : words(list)) {
      String name = token.toUpperCase(Locale.ROOT);
      if (SaslNames.isMechanismName(name)) {
        mechanisms.add(name);
      }
    }
    return mechanisms;
  }

  private static final class Imap extends Dialogue {
    private int tag;

    private String next() {
      tag++;
      return "m" + tag;
    }

    @Override
    public Capabilities capabilities(LineConnection connection) throws IOException {
      String t = next();
      connection.send(t + " CAPABILITY");
      boolean startTls = false;
      List<String> mechanisms = new ArrayList<>();
      for (int i = 0; i < LineConnection.MAX_LINES; i++) {
        String line = connection.readLine();
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("* CAPABILITY")) {
          for (String token : words(upper.substring("* CAPABILITY".length()))) {
            if (token.equals("STARTTLS")) {
              startTls = true;
            } else if (token.startsWith("AUTH=") && SaslNames.isMechanismName(token.substring(5))) {
              mechanisms.add(token.substring(5));
            }
          }
        } else if (upper.startsWith(t.toUpperCase(Locale.ROOT) + " ")) {
          return new Capabilities(startTls, List.copyOf(mechanisms));
        }
      }
      throw new LineConnection.ProtocolException("the CAPABILITY answer never ended");
    }

    @Override
    public boolean startTls(LineConnection connection) throws IOException {
      String t = next();
      connection.send(t + " STARTTLS");
      for (int i = 0; i < LineConnection.MAX_LINES; i++) {
        String line = connection.readLine();
        if (line.toUpperCase(Locale.ROOT).startsWith(t.toUpperCase(Locale.ROOT) + " ")) {
          return line.toUpperCase(Locale.ROOT).startsWith(t.toUpperCase(Locale.ROOT) + " OK");
        }
      }
      return false;
    }

    @Override
    public void quit(LineConnection connection) {
      sendQuietly(connection, next() + " LOGOUT");
    }
  }

  private static final class Pop3 extends Dialogue {
    @Override
    public Capabilities capabilities(LineConnection connection) throws IOException {
      connection.send("CAPA");
      String first = connection.readLine();
      if (!first.startsWith("+OK")) {
        return new Capabilities(false, List.of());
      }
      boolean startTls = false;
      List<String> mechanisms = new ArrayList<>();
      for (int i = 0; i < LineConnection.MAX_LINES; i++) {
        String line = connection.readLine();
        if (line.equals(".")) {
          return new Capabilities(startTls, List.copyOf(mechanisms));
        }
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.equals("STLS")) {
          startTls = true;
        } else if (upper.startsWith("SASL")) {
          mechanisms.addAll(mechanisms(upper.substring(4)));
        }
      }
      throw new LineConnection.ProtocolException("the CAPA answer never ended");
    }

    @Override
    public boolean startTls(LineConnection connection) throws IOException {
      connection.send("STLS");
      return connection.readLine().startsWith("+OK");
    }

    @Override
    public void quit(LineConnection connection) {
      sendQuietly(connection, "QUIT");
    }
  }

  private static final class Smtp extends Dialogue {
    private final String clientName;

    Smtp(String clientName) {
      this.clientName = clientName;
    }

    @Override
    public String greeting(LineConnection connection) throws IOException {
      String first = connection.readLine();
      String line = first;
      for (int i = 0; i < LineConnection.MAX_LINES && line.length() > 3 && line.charAt(3) == '-'; i++) {
        line = connection.readLine();
      }
      return first;
    }

    @Override
    public Capabilities capabilities(LineConnection connection) throws IOException {
      connection.send("EHLO " + clientName);
      boolean startTls = false;
      List<String> mechanisms = new ArrayList<>();
      for (int i = 0; i < LineConnection.MAX_LINES; i++) {
        String line = connection.readLine();
        if (line.length() < 3 || !line.startsWith("2")) {
          return new Capabilities(false, List.of());
        }
        String keyword = line.length() > 4 ? line.substring(4).trim().toUpperCase(Locale.ROOT) : "";
        if (keyword.equals("STARTTLS")) {
          startTls = true;
        } else if (keyword.startsWith("AUTH ") || keyword.startsWith("AUTH=")) {
          for (String mechanism : mechanisms(keyword.substring(5))) {
            if (!mechanisms.contains(mechanism)) {
              mechanisms.add(mechanism);
            }
          }
        }
        if (line.length() == 3 || line.charAt(3) == ' ') {
          return new Capabilities(startTls, List.copyOf(mechanisms));
        }
      }
      throw new LineConnection.ProtocolException("the EHLO answer never ended");
    }

    @Override
    public boolean startTls(LineConnection connection) throws IOException {
      connection.send("STARTTLS");
      return connection.readLine().startsWith("220");
    }

    @Override
    public void quit(LineConnection connection) {
      sendQuietly(connection, "QUIT");
    }
  }
}
