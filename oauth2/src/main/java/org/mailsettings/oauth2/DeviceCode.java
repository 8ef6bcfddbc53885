package org.mailsettings.oauth2;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the user needs for the device grant (RFC 8628): the code to enter and where to enter it,
 * on any device with a browser. The device code itself, which the library polls with, stays
 * inside the library.
 */
@Value.Immutable
public abstract class DeviceCode {

  DeviceCode() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the code the user enters ({@code user_code})} */
  public abstract String userCode();

  /** {@return where the user enters it ({@code verification_uri}); show it to the user as it is} */
  public abstract URI verificationUri();

  /**
   * {@return the same page with the code filled in ({@code verification_uri_complete}), for a QR code or
   * a link, when the provider gives one}
   */
  public abstract Optional<URI> verificationUriComplete();

  /** {@return when the code stops working} */
  public abstract Instant expiresAt();

  /** {@return how long the library waits between two polls, as the provider asked} */
  public abstract Duration interval();

  @Override
  public String toString() {
    return "DeviceCode[enter " + userCode() + " at " + verificationUri() + ", until " + expiresAt() + "]";
  }

  /** Builds a {@link DeviceCode}. */
  public static final class Builder {
    private final ImmutableDeviceCode.Builder delegate = new ImmutableDeviceCode.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code DeviceCode} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(DeviceCode instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link DeviceCode#userCode() userCode} attribute.
     * @param userCode The value for userCode
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder userCode(String userCode) {
      delegate.userCode(userCode);
      return this;
    }

    /**
     * Initializes the value for the {@link DeviceCode#verificationUri() verificationUri} attribute.
     * @param verificationUri The value for verificationUri
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder verificationUri(URI verificationUri) {
      delegate.verificationUri(verificationUri);
      return this;
    }

    /**
     * Initializes the optional value {@link DeviceCode#verificationUriComplete() verificationUriComplete} to verificationUriComplete.
     * @param verificationUriComplete The value for verificationUriComplete
     * @return {@code this} builder for chained invocation
     */
    public Builder verificationUriComplete(URI verificationUriComplete) {
      delegate.verificationUriComplete(verificationUriComplete);
      return this;
    }

    /**
     * Initializes the optional value {@link DeviceCode#verificationUriComplete() verificationUriComplete} to verificationUriComplete.
     * @param verificationUriComplete The value for verificationUriComplete
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder verificationUriComplete(Optional<? extends URI> verificationUriComplete) {
      delegate.verificationUriComplete(verificationUriComplete);
      return this;
    }

    /**
     * Initializes the value for the {@link DeviceCode#expiresAt() expiresAt} attribute.
     * @param expiresAt The value for expiresAt
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder expiresAt(Instant expiresAt) {
      delegate.expiresAt(expiresAt);
      return this;
    }

    /**
     * Initializes the value for the {@link DeviceCode#interval() interval} attribute.
     * @param interval The value for interval
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder interval(Duration interval) {
      delegate.interval(interval);
      return this;
    }

    /**
     * Builds a new {@link DeviceCode DeviceCode}.
     * @return An immutable instance of DeviceCode
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public DeviceCode build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new IllegalArgumentException(String.valueOf(e.getMessage()));
      }
    }
  }

}
