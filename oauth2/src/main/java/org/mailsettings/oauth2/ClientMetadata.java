package org.mailsettings.oauth2;

import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the application says about itself when it registers with an authorization server it has
 * no prior relationship with (RFC 7591 dynamic client registration, as the OAuth profile for open
 * public clients uses it): a {@code software_id} that stays the same for every installation and
 * version of the application (a UUID the developer generates once; servers such as Fastmail tell
 * registrations of one application apart by it), the name the user sees on the consent page, and
 * optionally a version and the application's pages.
 *
 * <p>None of it is secret: it is sent to every authorization server the application registers at.
 */
@Value.Immutable
public abstract class ClientMetadata {

  ClientMetadata() {}

  /**
   * {@return the application's identity with only the required members}
   *
   * @param softwareId the application's stable id ({@code software_id}), a UUID
   * @param clientName the name the user sees ({@code client_name})
   */
  public static ClientMetadata of(String softwareId, String clientName) {
    return builder().softwareId(softwareId).clientName(clientName).build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the application's stable id, the same for all its installations ({@code software_id})} */
  public abstract String softwareId();

  /** {@return the application's name as the user sees it on the consent page ({@code client_name})} */
  public abstract String clientName();

  /** {@return the application's version ({@code software_version})} */
  public abstract Optional<String> softwareVersion();

  /** {@return the application's home page ({@code client_uri}), https} */
  public abstract Optional<URI> clientUri();

  /** {@return the application's logo ({@code logo_uri}), https} */
  public abstract Optional<URI> logoUri();

  /** {@return the application's terms of service ({@code tos_uri}), https} */
  public abstract Optional<URI> tosUri();

  /** {@return the application's privacy policy ({@code policy_uri}), https} */
  public abstract Optional<URI> policyUri();

  @Value.Check
  void check() {
    requireText("softwareId", softwareId(), 255);
    if (softwareId().chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new IllegalArgumentException("The software id must be printable ASCII without spaces (a UUID): " + softwareId());
    }
    requireText("clientName", clientName(), 200);
    softwareVersion().ifPresent(version -> requireText("softwareVersion", version, 100));
    clientUri().ifPresent(uri -> requireHttps("clientUri", uri));
    logoUri().ifPresent(uri -> requireHttps("logoUri", uri));
    tosUri().ifPresent(uri -> requireHttps("tosUri", uri));
    policyUri().ifPresent(uri -> requireHttps("policyUri", uri));
  }

  private static void requireText(String name, String value, int max) {
    if (value.isBlank() || value.length() > max || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters without control characters");
    }
  }

  private static void requireHttps(String name, URI uri) {
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + " must be an https URL: " + uri);
    }
  }

  /** Builds a {@link ClientMetadata}. */
  public static final class Builder {
    private final ImmutableClientMetadata.Builder delegate = new ImmutableClientMetadata.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ClientMetadata} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ClientMetadata instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ClientMetadata#softwareId() softwareId} attribute.
     * @param softwareId The value for softwareId
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder softwareId(String softwareId) {
      delegate.softwareId(softwareId);
      return this;
    }

    /**
     * Initializes the value for the {@link ClientMetadata#clientName() clientName} attribute.
     * @param clientName The value for clientName
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clientName(String clientName) {
      delegate.clientName(clientName);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#softwareVersion() softwareVersion} to softwareVersion.
     * @param softwareVersion The value for softwareVersion
     * @return {@code this} builder for chained invocation
     */
    public Builder softwareVersion(String softwareVersion) {
      delegate.softwareVersion(softwareVersion);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#softwareVersion() softwareVersion} to softwareVersion.
     * @param softwareVersion The value for softwareVersion
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder softwareVersion(Optional<String> softwareVersion) {
      delegate.softwareVersion(softwareVersion);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#clientUri() clientUri} to clientUri.
     * @param clientUri The value for clientUri
     * @return {@code this} builder for chained invocation
     */
    public Builder clientUri(URI clientUri) {
      delegate.clientUri(clientUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#clientUri() clientUri} to clientUri.
     * @param clientUri The value for clientUri
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder clientUri(Optional<? extends URI> clientUri) {
      delegate.clientUri(clientUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#logoUri() logoUri} to logoUri.
     * @param logoUri The value for logoUri
     * @return {@code this} builder for chained invocation
     */
    public Builder logoUri(URI logoUri) {
      delegate.logoUri(logoUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#logoUri() logoUri} to logoUri.
     * @param logoUri The value for logoUri
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder logoUri(Optional<? extends URI> logoUri) {
      delegate.logoUri(logoUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#tosUri() tosUri} to tosUri.
     * @param tosUri The value for tosUri
     * @return {@code this} builder for chained invocation
     */
    public Builder tosUri(URI tosUri) {
      delegate.tosUri(tosUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#tosUri() tosUri} to tosUri.
     * @param tosUri The value for tosUri
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder tosUri(Optional<? extends URI> tosUri) {
      delegate.tosUri(tosUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#policyUri() policyUri} to policyUri.
     * @param policyUri The value for policyUri
     * @return {@code this} builder for chained invocation
     */
    public Builder policyUri(URI policyUri) {
      delegate.policyUri(policyUri);
      return this;
    }

    /**
     * Initializes the optional value {@link ClientMetadata#policyUri() policyUri} to policyUri.
     * @param policyUri The value for policyUri
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder policyUri(Optional<? extends URI> policyUri) {
      delegate.policyUri(policyUri);
      return this;
    }

    /**
     * Builds a new {@link ClientMetadata ClientMetadata}.
     * @return An immutable instance of ClientMetadata
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ClientMetadata build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
