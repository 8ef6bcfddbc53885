package org.mailsettings.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.mailsettings.MailSettingsResolver;

/**
 * The retained heap of a resolver with the bundled database loaded, and the jar sizes: run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.mailsettings.benchmarks.Footprint}.
 */
public final class Footprint {
  private Footprint() {}

  @SuppressWarnings("unused") // held so that it stays reachable while the heap is measured
  private static volatile @Nullable Object held;

  /** Prints the figures. */
  public static void main(String[] args) throws Exception {
    // Load the classes first, so that only the resolver's own objects are counted.
    MailSettingsResolver.create().resolve("info@vizus.cz");
    long before = usedAfterGc();
    MailSettingsResolver resolver = MailSettingsResolver.create();
    held = resolver;
    long after = usedAfterGc();
    System.out.printf("Retained heap of a resolver with the bundled database: %.1f KiB%n", (after - before) / 1024.0);
    held = null;
    for (String jar : args) {
      Path path = Path.of(jar);
      System.out.printf("%s: %.1f KiB%n", path.getFileName(), Files.size(path) / 1024.0);
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
