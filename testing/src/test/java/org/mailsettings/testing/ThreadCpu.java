package org.mailsettings.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The CPU time of a test server's threads, for benchmarks that share the machine with it. */
final class ThreadCpu {
  private ThreadCpu() {}

  /** The CPU time the live ones of {@code threads} have spent, in nanoseconds (ended ones count 0). */
  static long of(Iterable<Thread> threads) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread thread : threads) {
      total += Math.max(0, bean.getThreadCpuTime(thread.getId()));
    }
    return total;
  }

  /** The CPU time the calling thread has spent, in nanoseconds. */
  static long ofCurrentThread() {
    return Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
  }
}
