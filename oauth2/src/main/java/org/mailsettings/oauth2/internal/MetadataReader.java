package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/**
 * Reads the JSON documents of the any-provider flow, which come from the network and are
 * untrusted: RFC 8414 authorization server metadata and RFC 9728 protected resource metadata.
 * Only the members the flow uses are read, each with its type checked; unknown members are
 * ignored. Every failure is an {@link OAuth2Exception} whose message never quotes the document.
 */
public final class MetadataReader {

  /** The members of RFC 8414 metadata that the flow uses, as the document gave them. */
  public record ServerMetadata(
      String issuer,
      URI authorizationEndpoint,
      URI tokenEndpoint,
      @Nullable URI registrationEndpoint,
      @Nullable URI deviceAuthorizationEndpoint,
      List<String> scopesSupported,
      List<String> responseTypesSupported,
      List<String> grantTypesSupported,
      List<String> codeChallengeMethodsSupported,
      List<String> tokenEndpointAuthMethodsSupported,
      List<URI> protectedResources,
      boolean authorizationResponseIssParameterSupported) {}

  /** The members of RFC 9728 metadata that the flow uses. */
  public record ResourceMetadata(URI resource, List<String> authorizationServers) {}

  private MetadataReader() {}

  /**
   * Reads an answer from a metadata address: a 200 with a JSON object whose {@code issuer} is
   * exactly {@code expectedIssuer} (RFC 8414 section 3.3) and whose endpoints are {@code https}.
   *
   * @param where what the request was, for messages
   * @throws OAuth2Exception {@link Reason#UNTRUSTED} for another issuer or an endpoint that is
   *     not https, {@link Reason#PROTOCOL_ERROR} for anything that is not such metadata
   */
  public static ServerMetadata serverMetadata(HTTPResponse response, String expectedIssuer, String where) {
    return serverMetadata(response, List.of(expectedIssuer), where);
  }

  /**
   * Reads an answer from a metadata address as {@link #serverMetadata(HTTPResponse, String, String)}
   * does, its {@code issuer} exactly one of {@code expectedIssuers} (the issuers whose metadata
   * address the request went to).
   */
  public static ServerMetadata serverMetadata(HTTPResponse response, List<String> expectedIssuers, String where) {
    Map<String, Object> object = object(response, where);
    try {
      String issuer = string(object, "issuer");
      if (issuer == null) {
        throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": the metadata names no issuer");
      }
      if (!expectedIssuers.contains(issuer)) {
        throw new OAuth2Exception(
            Reason.UNTRUSTED,
            where + ": the metadata is for another issuer (\"" + TokenEndpoint.shorten(issuer)
                + "\"): RFC 8414 says not to use it");
      }
      URI authorization = https(object, "authorization_endpoint", where, true);
      URI token = https(object, "token_endpoint", where, true);
      return new ServerMetadata(
          issuer,
          required(authorization),
          required(token),
          https(object, "registration_endpoint", where, false),
          https(object, "device_authorization_endpoint", where, false),
          strings(object, "scopes_supported"),
          strings(object, "response_types_supported"),
          strings(object, "grant_types_supported"),
          strings(object, "code_challenge_methods_supported"),
          strings(object, "token_endpoint_auth_methods_supported"),
          uris(object, "protected_resources", where),
          bool(object, "authorization_response_iss_parameter_supported"));
    } catch (ParseException e) {
      // Not chained, and not its message: Nimbus may quote the document.
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": a member of the metadata has the wrong type");
    }
  }

  /**
   * Reads RFC 9728 protected resource metadata: {@code resource} (an absolute {@code https} URI)
   * and {@code authorization_servers} (issuer identifiers, checked later, one by one, when used).
   */
  public static ResourceMetadata resourceMetadata(HTTPResponse response, String where) {
    Map<String, Object> object = object(response, where);
    try {
      URI resource = https(object, "resource", where, true);
      List<String> servers = strings(object, "authorization_servers");
      if (servers.isEmpty()) {
        throw new OAuth2Exception(Reason.NOT_OFFERED, where + ": the resource names no authorization server");
      }
      return new ResourceMetadata(required(resource), servers);
    } catch (ParseException e) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": a member of the resource metadata has the wrong type");
    }
  }

  private static URI required(@Nullable URI uri) {
    if (uri == null) {
      throw new IllegalStateException("checked by https(..., true)");
    }
    return uri;
  }

  private static Map<String, Object> object(HTTPResponse http, String where) {
    if (http.getStatusCode() != 200) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": HTTP " + http.getStatusCode() + " instead of the metadata");
    }
    String body = http.getBody();
    if (body == null || body.isBlank()) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": an empty answer instead of the metadata");
    }
    try {
      return JSONObjectUtils.parseKeepingOrder(body);
    } catch (ParseException | RuntimeException e) {
      // json-smart may throw unchecked exceptions on some inputs; never chained (it may quote).
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": the answer is not a JSON object");
    }
  }

  /** A string member, null when absent (or JSON null). */
  private static @Nullable String string(Map<String, Object> object, String name) throws ParseException {
    Object value = object.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new ParseException(name + " is not a string");
  }

  /** A boolean member, false when absent (or JSON null). */
  private static boolean bool(Map<String, Object> object, String name) throws ParseException {
    Object value = object.get(name);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw new ParseException(name + " is not a boolean");
  }

  private static @Nullable URI https(Map<String, Object> object, String name, String where, boolean required)
      throws ParseException {
    String text = string(object, name);
    if (text == null) {
      if (required) {
        throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": the metadata has no " + name);
      }
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": " + name + " is not a URI");
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new OAuth2Exception(Reason.UNTRUSTED, where + ": " + name + " is not an https URL without user or fragment");
    }
    return uri;
  }

  private static List<String> strings(Map<String, Object> object, String name) throws ParseException {
    Object value = object.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ParseException(name + " is not an array");
    }
    List<String> values = new java.util.ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof String text)) {
        throw new ParseException(name + " holds something other than strings");
      }
      values.add(text);
    }
    return List.copyOf(values);
  }

  private static List<URI> uris(Map<String, Object> object, String name, String where) throws ParseException {
    List<String> values = strings(object, name);
    List<URI> uris = new java.util.ArrayList<>();
    for (String value : values) {
      try {
        URI uri = new URI(value);
        if (uri.isAbsolute() && uri.getRawFragment() == null) {
          uris.add(uri);
          continue;
        }
      } catch (URISyntaxException e) {
        // refused below
      }
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": " + name + " holds an entry that is not an absolute URI");
    }
    return List.copyOf(uris);
  }
}
