package org.mailsettings.clientconfig;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world documents the tests read, all inside the project: the bundled ISPDB snapshot
 * (core's resources, MPL-2.0) and the autoconfig draft's sample (test resources).
 */
public final class TestCorpora {
  private TestCorpora() {}

  /** The ISPDB snapshot's directory. */
  public static Path ispdb() {
    return directory("/org/mailsettings/ispdb/");
  }

  /** The autoconfig draft's sample document and schema. */
  public static Path autoconfigDraft() {
    return directory("/org/mailsettings/clientconfig/autoconfig-draft/");
  }

  private static Path directory(String resource) {
    URL url = TestCorpora.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("Missing from the class path: " + resource);
    }
    try {
      Path path = Path.of(url.toURI());
      if (!Files.isDirectory(path)) {
        throw new IllegalStateException("Not a directory: " + path);
      }
      return path;
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new IllegalStateException("Not readable as a directory: " + url, e);
    }
  }
}
