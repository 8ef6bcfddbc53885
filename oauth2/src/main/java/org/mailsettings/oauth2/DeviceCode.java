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
  public static final class Builder extends ImmutableDeviceCode.Builder {
    Builder() {}
  }
}
