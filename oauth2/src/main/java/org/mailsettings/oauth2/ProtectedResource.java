package org.mailsettings.oauth2;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What a protected resource (a JMAP or DAV server) says about itself in its RFC 9728 metadata,
 * found through the {@code resource_metadata} of its {@code WWW-Authenticate: Bearer} challenge
 * (see {@link PublicOAuth2Client#protectedResource(URI, String)}): its resource identifier, to ask
 * tokens for as an RFC 8707 resource indicator, and the issuers of the authorization servers that
 * issue them.
 */
public final class ProtectedResource {
  private final URI resource;
  private final List<String> authorizationServers;

  ProtectedResource(URI resource, List<String> authorizationServers) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.authorizationServers = List.copyOf(authorizationServers);
  }

  /** {@return the resource identifier ({@code resource})} */
  public URI resource() {
    return resource;
  }

  /** {@return the issuers of the authorization servers ({@code authorization_servers}), the first to use first} */
  public List<String> authorizationServers() {
    return authorizationServers;
  }

  @Override
  public String toString() {
    return "ProtectedResource[" + resource + ", authorization servers " + authorizationServers + "]";
  }
}
