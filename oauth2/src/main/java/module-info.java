/**
 * mailsettings OAuth 2.0: signs a user in at the mail provider (authorization code with PKCE on
 * a loopback redirect, or the device grant), keeps the tokens fresh, and hands the Jakarta Mail
 * adapter an access token supplier. {@code PublicOAuth2Client} does the same at any provider of
 * the OAuth profile for open public clients (RFC 8414 metadata, RFC 7591 registration, RFC 8707
 * resources, an application's own redirect scheme), without a client registered in advance.
 *
 * <p>Exports {@code org.mailsettings.oauth2}; {@code org.mailsettings.oauth2.internal} is an
 * implementation detail. The protocol work is done by Nimbus {@code oauth2-oidc-sdk}, which is not
 * part of this module's API. {@code java.desktop} is optional: where it is present (and not
 * headless), the system browser opens through {@code java.awt.Desktop}; a modular application
 * that wants that adds {@code requires java.desktop} (or {@code --add-modules java.desktop}).
 */
@org.jspecify.annotations.NullMarked
// "module": javac advises against a name component ending in a digit; "oauth2" is the name the
// project chose (artifact mailsettings-oauth2), and the warning says nothing else.
@SuppressWarnings("module")
module org.mailsettings.oauth2 {
  requires transitive org.mailsettings.core;
  requires transitive org.mailsettings.jakarta;
  requires java.net.http;
  requires static java.desktop;
  // Nimbus oauth2-oidc-sdk has no module descriptor and no Automatic-Module-Name: its module name
  // is the one the JDK derives from the jar's file name.
  requires oauth2.oidc.sdk;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;

  exports org.mailsettings.oauth2;
}
