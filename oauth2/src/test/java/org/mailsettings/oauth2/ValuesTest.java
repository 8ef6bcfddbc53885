package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The small public types: their checks and defaults. */
class ValuesTest {

  @Test
  void aRegistrationNeedsAClientIdAndAPlainRedirectPath() {
    assertThat(ClientRegistration.of("id").redirectPath()).isEqualTo("/");
    assertThat(ClientRegistration.of("id").clientSecret()).isEmpty();
    assertThatThrownBy(() -> ClientRegistration.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientRegistration.of("id", "")).isInstanceOf(IllegalArgumentException.class);
    for (String path : new String[] {"callback", "/cb?x=1", "/cb#f", "/c b", "/%2e"}) {
      assertThatThrownBy(() -> ClientRegistration.builder().clientId("id").redirectPath(path).build())
          .as(path).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ClientRegistration.builder().clientId("id").redirectPath("/oauth2/callback").build().redirectPath())
        .isEqualTo("/oauth2/callback");
  }

  @Test
  void optionsHaveBoundedDefaultsAndRefuseNonsense() {
    OAuth2Options defaults = OAuth2Options.defaults();
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.refreshSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.signInTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.maxResponseBytes()).isEqualTo(256 * 1024);
    assertThatThrownBy(() -> OAuth2Options.builder().readTimeout(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuth2Options.builder().refreshSkew(Duration.ofSeconds(-1)).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuth2Options.builder().maxResponseBytes(10).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theInMemoryStoresKeepReplaceAndForgetByKeyAndCountInsteadOfShowing() {
    TokenStore tokens = TokenStore.inMemory();
    TokenSet first = TokenSet.builder().accessToken("access-1").expiresAt(Instant.EPOCH).build();
    TokenSet second = TokenSet.builder().accessToken("access-2").expiresAt(Instant.EPOCH).build();
    assertThat(tokens.load("issuer jan@example.cz")).isEmpty();
    tokens.save("issuer jan@example.cz", first);
    tokens.save("issuer jan@example.cz", second);
    tokens.save("issuer eva@example.cz", first);
    assertThat(tokens.load("issuer jan@example.cz")).contains(second);
    assertThat(tokens.toString()).isEqualTo("InMemoryTokenStore[2 accounts]").doesNotContain("access-");
    tokens.delete("issuer jan@example.cz");
    assertThat(tokens.load("issuer jan@example.cz")).isEmpty();
    assertThat(tokens.load("issuer eva@example.cz")).contains(first);

    RegistrationStore registrations = RegistrationStore.inMemory();
    RegisteredClient client =
        RegisteredClient.builder()
            .issuer("https://auth.example.cz")
            .clientId("dyn-1")
            .addRedirectUris(URI.create("http://127.0.0.1/"))
            .softwareId("6f1c2f6e-0a6b-4d47-9d3e-6a2c0b1e9f10")
            .build();
    String key = RegisteredClient.keyOf(client.issuer(), URI.create("http://127.0.0.1/"));
    registrations.save(key, client);
    assertThat(registrations.load(key)).contains(client);
    assertThat(registrations.toString()).isEqualTo("InMemoryRegistrationStore[1 registrations]");
    registrations.delete(key);
    assertThat(registrations.load(key)).isEmpty();
    assertThat(TokenStore.inMemory()).isNotSameAs(TokenStore.inMemory());
  }

  @Test
  void withoutADesktopTheAddressGoesToTheFallback() throws Exception {
    assumeFalse(Browser.systemBrowserAvailable(), "a desktop browser is available here");
    AtomicReference<URI> shown = new AtomicReference<>();
    URI url = URI.create("https://accounts.example/authorize?client_id=x");
    Browser.systemOr(shown::set).open(url);
    assertThat(shown.get()).isEqualTo(url);
  }
}
