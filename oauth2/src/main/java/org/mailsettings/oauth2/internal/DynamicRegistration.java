package org.mailsettings.oauth2.internal;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.SoftwareID;
import com.nimbusds.oauth2.sdk.id.SoftwareVersion;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/**
 * RFC 7591 dynamic client registration as the OAuth profile for open public clients
 * (draft-ietf-mailmaint-oauth-public-06) does it: a POST of the client's metadata with no initial
 * access token, as a public client ({@code token_endpoint_auth_method} {@code none}) for the
 * authorization code and refresh token grants, with the application's {@code software_id}, name
 * and pages; the answer's {@code client_id} is what is kept. Built and parsed by Nimbus.
 */
public final class DynamicRegistration {

  /** What the application says about itself (see {@code org.mailsettings.oauth2.ClientMetadata}). */
  public record Application(
      String softwareId,
      String clientName,
      Optional<String> softwareVersion,
      Optional<URI> clientUri,
      Optional<URI> logoUri,
      Optional<URI> tosUri,
      Optional<URI> policyUri) {}

  /** What the authorization server registered. */
  public record Registered(String clientId, @Nullable Instant issuedAt) {
    @Override
    public String toString() {
      return "Registered[" + clientId + "]";
    }
  }

  private DynamicRegistration() {}

  /** The registration request for {@code redirectUri} and {@code scopes}. */
  public static HTTPRequest request(URI endpoint, Application application, URI redirectUri, List<String> scopes) {
    ClientMetadata metadata = new ClientMetadata();
    metadata.setRedirectionURI(redirectUri);
    metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
    metadata.setGrantTypes(new LinkedHashSet<>(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)));
    metadata.setResponseTypes(Set.of(new ResponseType(ResponseType.Value.CODE)));
    if (!scopes.isEmpty()) {
      metadata.setScope(TokenEndpoint.scopeOf(scopes));
    }
    metadata.setName(application.clientName());
    metadata.setSoftwareID(new SoftwareID(application.softwareId()));
    application.softwareVersion().ifPresent(v -> metadata.setSoftwareVersion(new SoftwareVersion(v)));
    application.clientUri().ifPresent(metadata::setURI);
    application.logoUri().ifPresent(metadata::setLogoURI);
    application.tosUri().ifPresent(metadata::setTermsOfServiceURI);
    application.policyUri().ifPresent(metadata::setPolicyURI);
    HTTPRequest http = new ClientRegistrationRequest(endpoint, metadata, null).toHTTPRequest();
    http.setAccept("application/json");
    return http;
  }

  /**
   * Reads the authorization server's answer (what {@link #request} gets, readable without a
   * socket): the client id of a public client, or an {@link OAuth2Exception}.
   *
   * <p>A registration the server made for another way of authenticating than {@code none} is
   * refused ({@link Reason#SERVER_ERROR}): the library has no place for a client secret, and keeps
   * none. A {@code client_secret} sent anyway beside {@code none} is dropped, never stored.
   */
  public static Registered read(HTTPResponse http, String where) {
    ClientRegistrationResponse parsed;
    try {
      parsed = ClientRegistrationResponse.parse(http);
    } catch (ParseException | RuntimeException e) {
      // Nimbus may throw unchecked exceptions on odd documents; never chained: it may quote them.
      throw new OAuth2Exception(
          Reason.PROTOCOL_ERROR, where + ": the answer (HTTP " + http.getStatusCode() + ") is not an RFC 7591 registration response");
    }
    if (parsed instanceof ClientRegistrationErrorResponse error) {
      throw TokenEndpoint.error(where, error.getErrorObject(), http.getStatusCode());
    }
    ClientInformation information = ((ClientInformationResponse) parsed).getClientInformation();
    String clientId = information.getID() == null ? "" : information.getID().getValue();
    if (clientId.isEmpty() || !clientId.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new OAuth2Exception(Reason.PROTOCOL_ERROR, where + ": the registration carries no usable client_id");
    }
    ClientAuthenticationMethod method = information.getMetadata().getTokenEndpointAuthMethod();
    if (method != null && !ClientAuthenticationMethod.NONE.equals(method)) {
      throw new OAuth2Exception(
          Reason.SERVER_ERROR,
          where + ": the server registered a client that authenticates with " + TokenEndpoint.shorten(method.getValue())
              + ", not the public client (none) that was asked for");
    }
    return new Registered(clientId, information.getIDIssueDate() == null ? null : information.getIDIssueDate().toInstant());
  }
}
