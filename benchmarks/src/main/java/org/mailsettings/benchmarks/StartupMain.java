package org.mailsettings.benchmarks;

import org.mailsettings.MailSettingsResolver;

/** What {@link StartupBenchmark} starts in a fresh JVM: nothing, or a resolver and one resolution. */
public final class StartupMain {
  private StartupMain() {}

  /** {@code noop} returns at once; {@code resolve} builds a resolver and resolves one address. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("resolve")) {
      if (MailSettingsResolver.create().resolve("info@vizus.cz").isEmpty()) {
        throw new IllegalStateException("no candidates");
      }
    }
  }
}
