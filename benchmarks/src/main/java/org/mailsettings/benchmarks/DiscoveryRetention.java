package org.mailsettings.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.ResolutionRequest;

/**
 * The memory 10,000 finished discoveries keep reachable: discoveries of a bundled provider
 * (answered at once) with a one-minute deadline, then the heap after GC. A run that keeps its
 * deadline's timer until the deadline keeps every one of them; one that cancels it keeps none.
 * Run with {@code java -cp benchmarks/target/benchmarks.jar org.mailsettings.benchmarks.DiscoveryRetention}.
 */
public final class DiscoveryRetention {
  private DiscoveryRetention() {}

  /** Prints the figure. */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (MailSettingsResolver resolver = MailSettingsResolver.create()) {
      ResolutionRequest request = ResolutionRequest.of(EmailAddress.parse("info@vizus.cz"));
      DiscoveryOptions options = DiscoveryOptions.builder().deadline(Duration.ofMinutes(1)).build();
      resolver.discoverAndWait(request, options); // classes and database loaded
      long before = usedAfterGc();
      for (int i = 0; i < count; i++) {
        resolver.discoverAndWait(request, options);
      }
      long after = usedAfterGc();
      System.out.printf("Heap held by %d finished discoveries: %.1f KiB (%.0f bytes each)%n",
          count, (after - before) / 1024.0, (after - before) / (double) count);
    }
  }

  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
