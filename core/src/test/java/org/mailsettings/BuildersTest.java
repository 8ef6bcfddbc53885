package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsettings.probe.ProbeOptions;

/** Public builders are public classes all the way: frameworks can call them by reflection. */
class BuildersTest {

  @Test
  void everyBuilderMethodIsDeclaredByAPublicClassAndCallableByReflection() throws Exception {
    for (Class<?> builder : List.of(DiscoveryOptions.Builder.class, ResolutionPolicy.Builder.class, ResolutionRequest.Builder.class,
        ServerSettings.Builder.class, Candidate.Builder.class, ProbeOptions.Builder.class, OAuth2Settings.Builder.class)) {
      assertThat(builder.getSuperclass()).as(builder.getName()).isEqualTo(Object.class);
      for (Method method : builder.getMethods()) {
        if (method.getDeclaringClass() != Object.class) {
          assertThat(Modifier.isPublic(method.getDeclaringClass().getModifiers())).as(method.toString()).isTrue();
        }
      }
    }
    DiscoveryOptions.Builder options = DiscoveryOptions.builder();
    DiscoveryOptions.Builder.class.getMethod("deadline", Duration.class).invoke(options, Duration.ofSeconds(3));
    assertThat(options.build().deadline()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aMissingRequiredValueIsTheLibrarysTypedError() {
    assertThatThrownBy(() -> ServerSettings.builder().protocol(Protocol.IMAP).port(993).build())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("host");
    assertThatThrownBy(() -> ProbeOptions.builder().concurrency(0).build()).isInstanceOf(InvalidSettingsException.class);
  }
}
