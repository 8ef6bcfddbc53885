package org.mailsettings.internal.idn;

import java.util.Optional;

/** Punycode (RFC 3492), the encoding behind {@code xn--} labels. */
public final class Punycode {
  private static final int BASE = 36;
  private static final int T_MIN = 1;
  private static final int T_MAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;

  private Punycode() {}

  /**
   * Encodes a label's code points; the result carries no {@code xn--} prefix. Returns empty when
   * the input is too long to encode without overflow.
   */
  public static Optional<String> encode(String label) {
    int[] input = label.codePoints().toArray();
    StringBuilder output = new StringBuilder();
    for (int c : input) {
      if (c < 0x80) {
        output.append((char) c);
      }
    }
    int basicCount = output.length();
    int handled = basicCount;
    if (basicCount > 0) {
      output.append('-');
    }
    int n = INITIAL_N;
    int delta = 0;
    int bias = INITIAL_BIAS;
    try {
      while (handled < input.length) {
        int m = Integer.MAX_VALUE;
        for (int c : input) {
          if (c >= n && c < m) {
            m = c;
          }
        }
        delta = Math.addExact(delta, Math.multiplyExact(m - n, handled + 1));
        n = m;
        for (int c : input) {
          if (c < n) {
            delta = Math.addExact(delta, 1);
          }
          if (c == n) {
            int q = delta;
            for (int k = BASE; ; k += BASE) {
              int t = threshold(k, bias);
              if (q < t) {
                break;
              }
              output.append(digit(t + (q - t) % (BASE - t)));
              q = (q - t) / (BASE - t);
            }
            output.append(digit(q));
            bias = adapt(delta, handled + 1, handled == basicCount);
            delta = 0;
            handled++;
          }
        }
        delta = Math.addExact(delta, 1);
        n = Math.addExact(n, 1);
      }
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
    return Optional.of(output.toString());
  }

  /**
   * Decodes a label without its {@code xn--} prefix. Returns empty when the input is not valid
   * Punycode.
   */
  public static Optional<String> decode(String encoded) {
    int basicEnd = encoded.lastIndexOf('-');
    StringBuilder basic = new StringBuilder();
    if (basicEnd > 0) {
      for (int j = 0; j < basicEnd; j++) {
        char c = encoded.charAt(j);
        if (c >= 0x80) {
          return Optional.empty();
        }
        basic.append(c);
      }
    }
    int[] output = basic.codePoints().toArray();
    int length = output.length;
    output = java.util.Arrays.copyOf(output, Math.max(16, encoded.length() + 1));
    int n = INITIAL_N;
    int i = 0;
    int bias = INITIAL_BIAS;
    int in = basicEnd > 0 ? basicEnd + 1 : 0;
    try {
      while (in < encoded.length()) {
        int oldI = i;
        int w = 1;
        for (int k = BASE; ; k += BASE) {
          if (in >= encoded.length()) {
            return Optional.empty();
          }
          int digit = digitValue(encoded.charAt(in++));
          if (digit < 0) {
            return Optional.empty();
          }
          i = Math.addExact(i, Math.multiplyExact(digit, w));
          int t = threshold(k, bias);
          if (digit < t) {
            break;
          }
          w = Math.multiplyExact(w, BASE - t);
        }
        bias = adapt(i - oldI, length + 1, oldI == 0);
        n = Math.addExact(n, i / (length + 1));
        i %= length + 1;
        if (n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF)) {
          return Optional.empty();
        }
        if (length == output.length) {
          return Optional.empty();
        }
        System.arraycopy(output, i, output, i + 1, length - i);
        output[i++] = n;
        length++;
      }
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
    return Optional.of(new String(output, 0, length));
  }

  private static int threshold(int k, int bias) {
    if (k <= bias) {
      return T_MIN;
    }
    return k >= bias + T_MAX ? T_MAX : k - bias;
  }

  private static int adapt(int delta, int numPoints, boolean first) {
    int d = first ? delta / DAMP : delta / 2;
    d += d / numPoints;
    int k = 0;
    while (d > ((BASE - T_MIN) * T_MAX) / 2) {
      d /= BASE - T_MIN;
      k += BASE;
    }
    return k + (BASE - T_MIN + 1) * d / (d + SKEW);
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + (d - 26));
  }

  private static int digitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    return -1;
  }
}
