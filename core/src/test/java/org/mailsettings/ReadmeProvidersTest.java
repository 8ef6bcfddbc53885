package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of bundled providers lists every provider in the database. */
class ReadmeProvidersTest {

  @Test
  void everyBundledProviderIsInTheReadmeTable() throws IOException {
    Path readme = Path.of(System.getProperty("mailsettings.root", "..")).resolve("README.md");
    String text = Files.readString(readme);
    for (Provider provider : ProviderDatabase.bundled().providers()) {
      assertThat(text).as(provider.id()).contains("| `" + provider.id() + "` |");
    }
  }
}
