package org.mailsettings;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test corpora are: {@code ../shared} beside the checkout. */
public final class SharedCorpora {
  private SharedCorpora() {}

  /** The {@code shared} directory; fails loudly when it is missing, never skips. */
  public static Path shared() {
    String configured = System.getProperty("mailsettings.shared");
    Path path = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException(
          "The shared corpora are missing: expected ../shared beside the checkout, looked at "
              + path.toAbsolutePath().normalize());
    }
    return path;
  }

  /** The ISPDB corpus (MPL-2.0, test data only). */
  public static Path ispdb() {
    return shared().resolve("corpora").resolve("ispdb");
  }

  /** The autoconfig draft's sample and schema. */
  public static Path autoconfigDraft() {
    return shared().resolve("corpora").resolve("autoconfig-draft");
  }
}
