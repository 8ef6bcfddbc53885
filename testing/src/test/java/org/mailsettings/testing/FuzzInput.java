package org.mailsettings.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * How the fuzz tests ({@code *FuzzTest}) read their inputs, so that every seed file in their
 * {@code <Class>Inputs/<method>/} resource directory is plain text or the real bytes of a real
 * document, readable and editable by hand:
 *
 * <ul>
 *   <li>{@link #text}: the bytes as UTF-8 (a malformed sequence becomes U+FFFD). An input that
 *       starts with the bytes {@code FE FF} is read as raw UTF-16BE code units instead, so that
 *       the fuzzer can also produce lone surrogates, which no UTF-8 can carry.
 *   <li>{@link #lines}: that text split at line feeds, for targets that take several values, one
 *       a line.
 *   <li>{@link #number}: a line as an int, its decimal value when it is one.
 * </ul>
 */
public final class FuzzInput {
  private FuzzInput() {}

  /** The input as text: UTF-8, or raw UTF-16BE code units after a leading {@code FE FF}. */
  public static String text(byte[] data) {
    if (data.length >= 2 && (data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff) {
      char[] chars = new char[(data.length - 2) / 2];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (((data[2 + 2 * i] & 0xff) << 8) | (data[3 + 2 * i] & 0xff));
      }
      return new String(chars);
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  /**
   * The input's text split at line feeds (a carriage return before one is kept, as typed input
   * may have it), at most {@code max} lines: the last one holds the rest.
   */
  public static List<String> lines(byte[] data, int max) {
    String text = text(data);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (lines.size() < max - 1) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        break;
      }
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    lines.add(text.substring(start));
    return lines;
  }

  /** Line {@code index} of {@code lines}, or empty text when there are fewer lines. */
  public static String line(List<String> lines, int index) {
    return index < lines.size() ? lines.get(index) : "";
  }

  /**
   * A line as an int: its value when it is a decimal number that fits, else a number derived
   * from its text, so that every input gives some value.
   */
  public static int number(String line) {
    try {
      return Integer.parseInt(line.strip());
    } catch (NumberFormatException e) {
      return line.hashCode();
    }
  }

  /**
   * Seeds for a {@code byte[]} fuzz test from the files of a class-path directory (such as the
   * bundled provider files), each named by its file name.
   *
   * @param directory an absolute resource name, such as {@code /org/mailsettings/ispdb/}
   * @param suffix the file names taken, such as {@code .xml}
   */
  public static Stream<Arguments> resourceFiles(String directory, String suffix) {
    URL url = FuzzInput.class.getResource(directory);
    if (url == null) {
      throw new IllegalStateException("Missing from the class path: " + directory);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<Arguments> seeds = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
        seeds.add(Arguments.of(Named.of(file.getFileName().toString(), Files.readAllBytes(file))));
      }
      return seeds.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bytes of a class-path resource. */
  public static byte[] resource(String name) {
    try (InputStream in = FuzzInput.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the class path: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
