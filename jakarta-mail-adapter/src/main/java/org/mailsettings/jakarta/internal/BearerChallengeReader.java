package org.mailsettings.jakarta.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mailsettings.internal.json.Json;

/**
 * Reads the error a server sends when it refuses an {@code OAUTHBEARER} login (RFC 7628 section
 * 3.2.2): a JSON object with {@code status} (required), {@code scope} and {@code
 * openid-configuration}. The bytes come from the network and are untrusted: at most {@link
 * #MAX_BYTES} are read, through core's strict JSON reader (strict UTF-8 and RFC 8259, no member
 * twice, nesting bounded); anything that is not such an object, or whose {@code status} is not a
 * string of RFC 6749 error characters, is no challenge at all. A {@code scope} that is not a list
 * of RFC 6749 scope tokens, and an {@code openid-configuration} that is not an {@code https} URL
 * with a host and without user information or fragment, are left out; unknown members are
 * ignored.
 */
public final class BearerChallengeReader {
  /** The most bytes read: a challenge is a few members (Dovecot's is under 200 bytes). */
  public static final int MAX_BYTES = 4096;

  private static final int MAX_DEPTH = 8;
  private static final int MAX_STATUS = 128;
  private static final int MAX_SCOPE = 1024;
  private static final int MAX_URL = 2048;

  /** What a challenge says, each member checked. */
  public record Read(String status, @Nullable String scope, @Nullable URI openidConfiguration) {}

  private BearerChallengeReader() {}

  /** {@return what the challenge says; null when it is no RFC 7628 error} */
  public static @Nullable Read read(byte[] challenge) {
    Object parsed;
    try {
      parsed = Json.parse(challenge, MAX_BYTES, MAX_DEPTH);
    } catch (Json.JsonException e) {
      return null;
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      return null;
    }
    Object status = object.get("status");
    Object scope = object.get("scope");
    Object configuration = object.get("openid-configuration");
    if (!(status instanceof String statusText) || !isErrorCode(statusText)) {
      return null;
    }
    if ((scope != null && !(scope instanceof String)) || (configuration != null && !(configuration instanceof String))) {
      return null; // a member of the wrong type: not the RFC's error
    }
    String scopeText = scope instanceof String text && isScope(text) ? text : null;
    URI url = configuration instanceof String text ? https(text) : null;
    return new Read(statusText, scopeText, url);
  }

  /** RFC 6749 section 7.2's {@code error}: {@code 1*NQSCHAR} (printable ASCII without {@code "} and {@code \}). */
  private static boolean isErrorCode(String text) {
    return !text.isEmpty() && text.length() <= MAX_STATUS && text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\');
  }

  /** RFC 6749 section 3.3's {@code scope}: scope tokens ({@code 1*NQCHAR}) separated by single spaces. */
  private static boolean isScope(String text) {
    if (text.isEmpty() || text.length() > MAX_SCOPE) {
      return false;
    }
    for (String token : text.split(" ", -1)) {
      if (token.isEmpty() || !token.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != '"' && c != '\\')) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable URI https(String text) {
    if (text.length() > MAX_URL) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
    if (uri.getScheme() == null
        || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return null;
    }
    return uri;
  }
}
