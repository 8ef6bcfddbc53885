package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.mailsettings.oauth2.OAuth2Exception;

/** Issuer identifiers as draft-ietf-mailmaint-oauth-public-06 allows them, and their metadata addresses. */
class IssuersTest {

  @Test
  void theMetadataIsAskedAtTheRfc8414AddressThenTheOpenIdOne() {
    assertThat(Issuers.metadataLocations(Issuers.check("https://auth.example.com")))
        .containsExactly(
            URI.create("https://auth.example.com/.well-known/oauth-authorization-server"),
            URI.create("https://auth.example.com/.well-known/openid-configuration"));
    assertThat(Issuers.metadataLocations(Issuers.check("https://Auth.Example.com:8443/tenant/one/")))
        .containsExactly(
            URI.create("https://auth.example.com:8443/.well-known/oauth-authorization-server/tenant/one"),
            URI.create("https://auth.example.com:8443/tenant/one/.well-known/openid-configuration"));
  }

  @Test
  void refusesWhatTheProfileDoesNotAllow() {
    assertThat(Issuers.check("https://auth.example.com/%C3%A9").getRawPath()).isEqualTo("/%C3%A9");
    for (String issuer : new String[] {
        "http://auth.example.com", "https:///path", "https://u:p@auth.example.com", "https://auth.example.com?x=1",
        "https://auth.example.com/#", "https://auth.example.com/a/./b", "https://auth.example.com/..",
        "https://auth.example.com/%7Euser", "https://auth.example.com/%2", "https://auth.example.com/%zz", "auth.example.com"}) {
      assertThatThrownBy(() -> Issuers.check(issuer)).as(issuer).isInstanceOf(OAuth2Exception.class);
    }
  }
}
