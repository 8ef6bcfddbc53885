package org.mailsettings.oauth2.internal;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the RFC 9728 (section 5.1) {@code resource_metadata} parameter of a {@code Bearer}
 * challenge in a {@code WWW-Authenticate} header value, which comes from the network: the
 * challenges and their parameters as RFC 9110 section 11.6.1 writes them ({@code scheme
 * name=token} or {@code name="quoted string"}, comma-separated, several challenges in one value).
 * Anything it cannot read ends the search with nothing found, never an exception; at most {@link
 * #MAX_LENGTH} characters are looked at.
 */
public final class WwwAuthenticate {
  /** The longest header value read. */
  public static final int MAX_LENGTH = 8192;

  private final String text;
  private int at;

  private WwwAuthenticate(String text) {
    this.text = text;
  }

  /** The {@code resource_metadata} of the first {@code Bearer} challenge that has one. */
  public static Optional<String> resourceMetadata(String headerValue) {
    if (headerValue.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return new WwwAuthenticate(headerValue).find();
  }

  private Optional<String> find() {
    boolean bearer = false;
    while (true) {
      skipSpacesAndCommas();
      if (at >= text.length()) {
        return Optional.empty();
      }
      String token = token();
      if (token.isEmpty()) {
        return Optional.empty(); // a character no challenge can hold here
      }
      skipSpaces();
      if (at < text.length() && text.charAt(at) == '=') {
        // A parameter (or a token68's padding, which has no name: then the value is empty).
        at++;
        while (at < text.length() && text.charAt(at) == '=') {
          at++; // token68 padding
        }
        skipSpaces();
        String value;
        if (at < text.length() && text.charAt(at) == '"') {
          value = quoted();
          if (value == null) {
            return Optional.empty();
          }
        } else {
          value = token();
        }
        skipSpaces();
        if (at < text.length() && text.charAt(at) != ',') {
          // Not the end of a parameter: an unquoted value with characters a token cannot hold
          // (an unquoted URL, say). Nothing is read from a value it cannot delimit.
          return Optional.empty();
        }
        if (bearer && token.toLowerCase(Locale.ROOT).equals("resource_metadata") && !value.isEmpty()) {
          return Optional.of(value);
        }
        continue;
      }
      // A new challenge's scheme (a parameter name is always followed by '=').
      bearer = token.equalsIgnoreCase("Bearer");
    }
  }

  private void skipSpaces() {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
  }

  private void skipSpacesAndCommas() {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == ',')) {
      at++;
    }
  }

  /** An RFC 9110 token (tchar), or a token68's characters; empty when there is none here. */
  private String token() {
    int start = at;
    while (at < text.length() && isTokenChar(text.charAt(at))) {
      at++;
    }
    return text.substring(start, at);
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~/".indexOf(c) >= 0;
  }

  /** A quoted string's content, escapes undone; null when it does not end or holds a control character. */
  private @Nullable String quoted() {
    at++; // the opening quote
    StringBuilder value = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (at >= text.length()) {
          return null;
        }
        c = text.charAt(at++);
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return null;
      }
      value.append(c);
    }
    return null;
  }
}
