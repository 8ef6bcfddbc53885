package org.mailsettings.oauth2.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/**
 * Issuer identifiers as the OAuth profile for open public clients wants them, and where their
 * metadata is. The profile followed is <b>draft-ietf-mailmaint-oauth-public-06</b> (16 Sep 2026)
 * as the project's fact sheet summarises it (section 3.2: an issuer is an {@code https} URI with a
 * host and without user information, query, fragment, dot segments or percent-encoded unreserved
 * characters; it is compared as the exact string, a trailing {@code /} included).
 *
 * <p>The metadata is at the RFC 8414 section 3.1 address ({@code /.well-known/oauth-authorization-server}
 * inserted before the issuer's path), then, as the profile falls back to it, at the OpenID Connect
 * Discovery address ({@code /.well-known/openid-configuration} appended to the issuer).
 */
public final class Issuers {
  private static final String UNRESERVED_PUNCTUATION = "-._~";
  private static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";
  private static final String OAUTH_AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";

  private Issuers() {}

  /**
   * The issuer as a URI, checked.
   *
   * @throws OAuth2Exception with {@link Reason#UNTRUSTED} for an identifier the profile does not allow
   */
  public static URI check(String issuer) {
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw refused(issuer, "it is not a URI");
    }
    if (!"https".equals(uri.getScheme())) {
      throw refused(issuer, "it is not https");
    }
    if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw refused(issuer, "it names no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw refused(issuer, "it holds user information");
    }
    if (uri.getRawQuery() != null || issuer.indexOf('?') >= 0) {
      throw refused(issuer, "it has a query");
    }
    if (uri.getRawFragment() != null || issuer.indexOf('#') >= 0) {
      throw refused(issuer, "it has a fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw refused(issuer, "its path has a dot segment");
      }
    }
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length()) {
        throw refused(issuer, "it has a broken percent escape");
      }
      int value;
      try {
        value = Integer.parseInt(path.substring(i + 1, i + 3), 16);
      } catch (NumberFormatException e) {
        throw refused(issuer, "it has a broken percent escape");
      }
      if ((value < 0x80 && Character.isLetterOrDigit(value)) || UNRESERVED_PUNCTUATION.indexOf(value) >= 0) {
        throw refused(issuer, "it percent-encodes an unreserved character");
      }
    }
    return uri;
  }

  private static OAuth2Exception refused(String issuer, String why) {
    return new OAuth2Exception(
        Reason.UNTRUSTED, "\"" + TokenEndpoint.shorten(issuer) + "\" is not an issuer the OAuth profile for open public clients allows: " + why);
  }

  /**
   * The issuers whose metadata can be at {@code location} (RFC 8414 section 3.1 or OpenID Connect
   * Discovery section 4.1, the one an RFC 7628 {@code openid-configuration} names), with and
   * without a trailing {@code /}: both forms drop it before the well-known part, so the document
   * there says which one it is. The draft followed (oauth-public-06, see the class) takes the issuer
   * from a mail server's failed {@code OAUTHBEARER} login this way.
   *
   * @throws OAuth2Exception with {@link Reason#UNTRUSTED} for an address that is not {@code https}, has
   *     user information, a query or a fragment, or is neither well-known form (then nothing tells
   *     which issuer it is for)
   */
  public static List<String> atMetadataLocation(URI location) {
    String text = location.toString();
    if (!"https".equals(location.getScheme())
        || location.getRawAuthority() == null
        || location.getHost() == null
        || location.getRawUserInfo() != null
        || location.getRawQuery() != null
        || location.getRawFragment() != null) {
      throw new OAuth2Exception(
          Reason.UNTRUSTED, "\"" + TokenEndpoint.shorten(text) + "\" is not an https address of authorization server metadata");
    }
    String origin = "https://" + location.getRawAuthority();
    String path = location.getRawPath() == null ? "" : location.getRawPath();
    String issuerPath;
    if (path.endsWith(OPENID_CONFIGURATION)) {
      issuerPath = path.substring(0, path.length() - OPENID_CONFIGURATION.length());
    } else if (path.startsWith(OAUTH_AUTHORIZATION_SERVER)
        && (path.length() == OAUTH_AUTHORIZATION_SERVER.length() || path.charAt(OAUTH_AUTHORIZATION_SERVER.length()) == '/')) {
      issuerPath = path.substring(OAUTH_AUTHORIZATION_SERVER.length());
    } else {
      throw new OAuth2Exception(
          Reason.UNTRUSTED,
          "\"" + TokenEndpoint.shorten(text) + "\" is not an address of authorization server metadata (RFC 8414 or OpenID Connect"
              + " Discovery): which issuer it is for cannot be told");
    }
    if (issuerPath.endsWith("/")) {
      return List.of(origin + issuerPath);
    }
    return List.of(origin + issuerPath, origin + issuerPath + "/");
  }

  /** Where the metadata of {@code issuer} is, in the order to ask. */
  public static List<URI> metadataLocations(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String origin = "https://" + issuer.getRawAuthority().toLowerCase(Locale.ROOT);
    return List.of(URI.create(origin + OAUTH_AUTHORIZATION_SERVER + trimmed), URI.create(origin + trimmed + OPENID_CONFIGURATION));
  }
}
