package org.mailsettings.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.ProviderDatabase;

/**
 * The retained heap of the provider database (curated files and ISPDB snapshot, loaded once per
 * JVM), of one more client, and the jar sizes: run with {@code java -cp
 * benchmarks/target/benchmarks.jar org.mailsettings.benchmarks.Footprint core/target/*.jar}.
 */
public final class Footprint {
  private Footprint() {}

  @SuppressWarnings("unused") // held so that it stays reachable while the heap is measured
  private static volatile @Nullable Object held;

  /** Prints the figures. */
  public static void main(String[] args) throws Exception {
    long empty = usedAfterGc();
    MailSettingsResolver first = MailSettingsResolver.create();
    first.resolve("info@vizus.cz"); // loads the curated layer's index (and the classes), decodes one document
    held = first;
    long loaded = usedAfterGc();
    first.resolve("jan@163.com"); // a domain only the ISPDB snapshot knows: indexes the snapshot layer
    long snapshot = usedAfterGc();
    // Every document decoded, as a caller that lists every provider causes: the most it holds.
    int providers = ProviderDatabase.bundled().providerConfigs().size() + ProviderDatabase.ispdbSnapshot().providerConfigs().size();
    long decoded = usedAfterGc();
    MailSettingsResolver second = MailSettingsResolver.create();
    second.resolve("info@vizus.cz");
    held = List.of(first, second);
    long two = usedAfterGc();
    System.out.printf("Retained heap of the first client after its first answer: %.1f KiB%n", (loaded - empty) / 1024.0);
    System.out.printf("... after an answer from the ISPDB snapshot too: %.1f KiB%n", (snapshot - empty) / 1024.0);
    System.out.printf("... with every document of the database decoded (%d providers): %.1f KiB%n", providers, (decoded - empty) / 1024.0);
    System.out.printf("Retained heap of each further client (the database is shared): %.1f KiB%n", (two - decoded) / 1024.0);
    held = null;
    first.close();
    second.close();
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
