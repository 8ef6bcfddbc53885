package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.Source;
import org.mailsettings.Trust;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/** Where the browser may be sent: only where trusted provider data says. */
class TrustTest {
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();
  private static final OAuth2Client CLIENT = OAuth2Client.create(ClientRegistration.of("app"));

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  @Test
  void bundledProvidersGiveTheirSettings() {
    assertThat(OAuth2Client.trustedSettings(RESOLVER.resolve("jan@gmail.com")).authorizationEndpoint().getHost())
        .isEqualTo("accounts.google.com");
    OAuth2Account outlook = CLIENT.account(RESOLVER.resolve("Jan <jan@outlook.com>"), TokenStore.inMemory());
    assertThat(outlook.settings().deviceAuthorizationEndpoint()).isPresent();
    assertThat(outlook.key()).isEqualTo("login.microsoftonline.com jan@outlook.com");
    assertThat(outlook.address().asciiAddress()).isEqualTo("jan@outlook.com");
  }

  @Test
  void aProviderWithoutOAuthOrNoProviderIsNotOffered() {
    assertThatThrownBy(() -> OAuth2Client.trustedSettings(RESOLVER.resolve("info@vizus.cz")))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));
    assertThatThrownBy(() -> CLIENT.account(RESOLVER.resolve("jan@unknown-domain.example"), TokenStore.inMemory()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OFFERED));
  }

  @Test
  void settingsThatMustBeConfirmedNeverDecideWhereTheBrowserGoes() {
    Resolution bundled = RESOLVER.resolve("jan@gmail.com");
    Candidate first = bundled.incoming().get(0);
    Candidate forged = Candidate.of(first.settings(), Source.AUTOCONFIG_HTTP, Trust.NEEDS_CONFIRMATION, Note.of(NoteCode.FROM_AUTOCONFIG_HTTP, "gmail.com"));
    Resolution discovered = Resolution.builder().from(bundled).incoming(java.util.List.of(forged)).build();

    assertThatThrownBy(() -> CLIENT.account(discovered, TokenStore.inMemory()))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
          assertThat(e.getMessage()).contains("NEEDS_CONFIRMATION");
        });
    Resolution guessed = Resolution.builder().from(bundled)
        .outgoing(java.util.List.of(Candidate.of(bundled.outgoing().get(0).settings(), Source.GUESS, Trust.UNVERIFIED, Note.of(NoteCode.FROM_GUESS, "gmail.com"))))
        .build();
    assertThatThrownBy(() -> OAuth2Client.trustedSettings(guessed))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
    Resolution empty = Resolution.builder().from(bundled).incoming(java.util.List.of()).outgoing(java.util.List.of()).build();
    assertThatThrownBy(() -> OAuth2Client.trustedSettings(empty))
        .isInstanceOfSatisfying(OAuth2Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED));
  }
}
