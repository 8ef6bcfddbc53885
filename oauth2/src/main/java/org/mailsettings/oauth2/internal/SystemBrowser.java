package org.mailsettings.oauth2.internal;

import java.io.IOException;
import java.net.URI;

/**
 * The system browser through {@code java.awt.Desktop}, used only where the optional {@code
 * java.desktop} module is present and the environment is not headless: nothing of AWT is loaded
 * otherwise.
 */
public final class SystemBrowser {
  private SystemBrowser() {}

  /** Whether {@code java.awt.Desktop} can browse here. */
  public static boolean available() {
    if (ModuleLayer.boot().findModule("java.desktop").isEmpty()
        || !SystemBrowser.class.getModule().canRead(ModuleLayer.boot().findModule("java.desktop").get())) {
      return false;
    }
    try {
      return Awt.canBrowse();
    } catch (LinkageError | RuntimeException e) {
      return false; // an AWT without a toolkit, or a platform without a browser
    }
  }

  /** Opens {@code uri} in the system browser. */
  public static void open(URI uri) throws IOException {
    try {
      Awt.browse(uri);
    } catch (LinkageError | RuntimeException e) {
      throw new IOException("The system browser could not be opened: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Loaded only when {@code java.desktop} is there. */
  private static final class Awt {
    private Awt() {}

    static boolean canBrowse() {
      return !java.awt.GraphicsEnvironment.isHeadless()
          && java.awt.Desktop.isDesktopSupported()
          && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE);
    }

    static void browse(URI uri) throws IOException {
      java.awt.Desktop.getDesktop().browse(uri);
    }
  }
}
