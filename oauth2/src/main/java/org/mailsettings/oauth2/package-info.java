/**
 * OAuth 2.0 sign-in for mail accounts: an {@link org.mailsettings.oauth2.OAuth2Client} (one per
 * application, holding its client registration) gives an {@link
 * org.mailsettings.oauth2.OAuth2Account} per address, which signs in through the browser or the
 * device grant, stores the tokens in a {@link org.mailsettings.oauth2.TokenStore}, and hands out
 * access tokens that refresh themselves.
 *
 * <pre>{@code
 * Resolution r = MailSettingsResolver.create().resolve("jan@gmail.com");
 * try (OAuth2Client oauth = OAuth2Client.create(ClientRegistration.of("my-client-id", "my-secret"))) {
 *   OAuth2Account account = oauth.account(r, TokenStore.inMemory());
 *   account.signInWithBrowser(Browser.systemOr(url -> System.out.println("Open " + url))).join();
 *   Session session = MailConnector.create().session(r.outgoing().get(0).settings(), r.address(), account.credentials());
 * }
 * }</pre>
 */
@NullMarked
@ValueStyle
package org.mailsettings.oauth2;

import org.jspecify.annotations.NullMarked;
import org.mailsettings.oauth2.internal.ValueStyle;
