package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The RFC 9728 pointer in {@code WWW-Authenticate} values as servers write them. */
class WwwAuthenticateTest {

  @Test
  void findsTheBearerChallengesResourceMetadataAmongOtherChallengesAndParameters() {
    assertThat(WwwAuthenticate.resourceMetadata(
            "Bearer resource_metadata=\"https://api.fastmail.com/.well-known/oauth-protected-resource\""))
        .contains("https://api.fastmail.com/.well-known/oauth-protected-resource");
    assertThat(WwwAuthenticate.resourceMetadata(
            "Basic realm=\"x, y\", Bearer realm=\"jmap\", error=\"invalid_token\", RESOURCE_METADATA=\"https://r.example/m\""))
        .contains("https://r.example/m");
    assertThat(WwwAuthenticate.resourceMetadata("bearer resource_metadata=r.example, error=invalid_token"))
        .contains("r.example");
    assertThat(WwwAuthenticate.resourceMetadata("Bearer resource_metadata=\"https://r.example/\\\"m\""))
        .contains("https://r.example/\"m");
  }

  @Test
  void anotherSchemesParameterOrABrokenValueIsNothing() {
    assertThat(WwwAuthenticate.resourceMetadata("Basic resource_metadata=\"https://r.example/m\"")).isEmpty();
    assertThat(WwwAuthenticate.resourceMetadata("Negotiate abc==, Basic realm=\"x\"")).isEmpty();
    assertThat(WwwAuthenticate.resourceMetadata("Bearer resource_metadata=\"https://r.example/m")).isEmpty();
    assertThat(WwwAuthenticate.resourceMetadata("Bearer resource_metadata=\"https://r.example/\u0000m\"")).isEmpty();
    assertThat(WwwAuthenticate.resourceMetadata("Bearer resource_metadata=\"\"")).isEmpty();
    assertThat(WwwAuthenticate.resourceMetadata("")).isEmpty();
    // Unquoted, a URL is no token (RFC 9110 section 5.6.2): not cut short at its colon, not read at all.
    assertThat(WwwAuthenticate.resourceMetadata("Bearer resource_metadata=https://r.example/m")).isEmpty();
    assertThat(WwwAuthenticate.resourceMetadata("Bearer resource_metadata=\"https://r.example/" + "m".repeat(WwwAuthenticate.MAX_LENGTH) + "\""))
        .isEmpty();
  }
}
