package org.mailsettings.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.time.Duration;
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
  void withoutADesktopTheAddressGoesToTheFallback() throws Exception {
    assumeFalse(Browser.systemBrowserAvailable(), "a desktop browser is available here");
    AtomicReference<URI> shown = new AtomicReference<>();
    URI url = URI.create("https://accounts.example/authorize?client_id=x");
    Browser.systemOr(shown::set).open(url);
    assertThat(shown.get()).isEqualTo(url);
  }
}
