package org.mailsettings.oauth2;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a sign-in under the OAuth profile for open public clients asks for: the profile's mail
 * scope ({@link #MAIL}) and {@link #OFFLINE_ACCESS} (for a refresh token), more scopes only when
 * the application asks ({@link #CONTACTS}, {@link #CALENDARS}, {@code openid}, ...), and the RFC
 * 8707 resource indicators of the servers the tokens are for. Scopes the authorization server
 * does not list in its {@code scopes_supported} are left out of the request (asking for them
 * fails at some servers), except the mail scope, without which the sign-in is refused.
 */
@Value.Immutable
public abstract class AccessRequest {
  /** The profile's scope for mail (IMAP, POP3, SMTP submission, JMAP mail). */
  public static final String MAIL = "urn:ietf:params:oauth:scope:mail";
  /** The profile's scope for contacts (CardDAV, JMAP contacts). */
  public static final String CONTACTS = "urn:ietf:params:oauth:scope:contacts";
  /** The profile's scope for calendars (CalDAV, JMAP calendars). */
  public static final String CALENDARS = "urn:ietf:params:oauth:scope:calendars";
  /** The scope that asks for a refresh token. */
  public static final String OFFLINE_ACCESS = "offline_access";

  AccessRequest() {}

  /** {@return mail and a refresh token, for no resource in particular} */
  public static AccessRequest mail() {
    return builder().build();
  }

  /** {@return a builder, starting from mail and a refresh token} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether {@link #OFFLINE_ACCESS} is asked for} Default true. */
  @Value.Default
  public boolean offlineAccess() {
    return true;
  }

  /** {@return the scopes asked for beyond mail and offline access, in order} */
  public abstract List<String> extraScopes();

  /**
   * {@return the RFC 8707 resource indicators: the servers the tokens are for (a JMAP session URL, the
   * {@code resource} of RFC 9728 metadata); none by default}
   */
  public abstract List<URI> resources();

  /** {@return every scope asked for: mail, offline access when asked, then the extras} */
  public List<String> scopes() {
    List<String> scopes = new ArrayList<>();
    scopes.add(MAIL);
    if (offlineAccess()) {
      scopes.add(OFFLINE_ACCESS);
    }
    for (String extra : extraScopes()) {
      if (!scopes.contains(extra)) {
        scopes.add(extra);
      }
    }
    return List.copyOf(scopes);
  }

  @Value.Check
  void check() {
    for (String scope : extraScopes()) {
      if (scope.isEmpty() || !scope.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E))) {
        throw new IllegalArgumentException("\"" + scope + "\" is not an OAuth 2.0 scope (RFC 6749, 3.3)");
      }
    }
    for (URI resource : resources()) {
      if (!resource.isAbsolute() || resource.getRawFragment() != null) {
        throw new IllegalArgumentException("A resource indicator must be an absolute URI without fragment (RFC 8707): " + resource);
      }
    }
  }

  /** Builds an {@link AccessRequest}. */
  public static final class Builder {
    private final ImmutableAccessRequest.Builder delegate = new ImmutableAccessRequest.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code AccessRequest} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(AccessRequest instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link AccessRequest#offlineAccess() offlineAccess} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link AccessRequest#offlineAccess() offlineAccess}.</em>
     * @param offlineAccess The value for offlineAccess
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder offlineAccess(boolean offlineAccess) {
      delegate.offlineAccess(offlineAccess);
      return this;
    }

    /**
     * Adds one element to {@link AccessRequest#extraScopes() extraScopes} list.
     * @param element A extraScopes element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addExtraScopes(String element) {
      delegate.addExtraScopes(element);
      return this;
    }

    /**
     * Adds elements to {@link AccessRequest#extraScopes() extraScopes} list.
     * @param elements An array of extraScopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addExtraScopes(String... elements) {
      delegate.addExtraScopes(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AccessRequest#extraScopes() extraScopes} list.
     * @param elements An iterable of extraScopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder extraScopes(Iterable<String> elements) {
      delegate.extraScopes(elements);
      return this;
    }

    /**
     * Adds elements to {@link AccessRequest#extraScopes() extraScopes} list.
     * @param elements An iterable of extraScopes elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllExtraScopes(Iterable<String> elements) {
      delegate.addAllExtraScopes(elements);
      return this;
    }

    /**
     * Adds one element to {@link AccessRequest#resources() resources} list.
     * @param element A resources element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addResources(URI element) {
      delegate.addResources(element);
      return this;
    }

    /**
     * Adds elements to {@link AccessRequest#resources() resources} list.
     * @param elements An array of resources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addResources(URI... elements) {
      delegate.addResources(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link AccessRequest#resources() resources} list.
     * @param elements An iterable of resources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder resources(Iterable<? extends URI> elements) {
      delegate.resources(elements);
      return this;
    }

    /**
     * Adds elements to {@link AccessRequest#resources() resources} list.
     * @param elements An iterable of resources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllResources(Iterable<? extends URI> elements) {
      delegate.addAllResources(elements);
      return this;
    }

    /**
     * Builds a new {@link AccessRequest AccessRequest}.
     * @return An immutable instance of AccessRequest
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public AccessRequest build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
