package org.mailsettings.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mailsettings.MailSettingsResolver;

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
    first.resolve("info@vizus.cz"); // loads the database (and the classes)
    held = first;
    long loaded = usedAfterGc();
    MailSettingsResolver second = MailSettingsResolver.create();
    second.resolve("info@vizus.cz");
    held = List.of(first, second);
    long two = usedAfterGc();
    System.out.printf("Retained heap of the first client with the whole database: %.1f KiB%n", (loaded - empty) / 1024.0);
    System.out.printf("Retained heap of each further client (the database is shared): %.1f KiB%n", (two - loaded) / 1024.0);
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
