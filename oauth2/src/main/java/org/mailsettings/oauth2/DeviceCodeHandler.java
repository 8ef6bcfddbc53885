package org.mailsettings.oauth2;

/**
 * Shows the user the code of a device grant and where to enter it (print it on a terminal, show
 * it in a dialog, turn {@link DeviceCode#verificationUriComplete()} into a QR code).
 */
@FunctionalInterface
public interface DeviceCodeHandler {

  /**
   * Shows {@code code}. Called once per sign-in, on one of the client's threads, before polling
   * starts; an exception thrown here ends the sign-in.
   *
   * @param code the code to show the user, and where to enter it
   */
  void show(DeviceCode code);
}
