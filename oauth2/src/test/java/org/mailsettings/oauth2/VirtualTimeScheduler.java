package org.mailsettings.oauth2;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler in virtual time: a task scheduled with a delay runs at once, after the clock has
 * been moved on by that delay. The delays asked for are recorded, so that a test can check the
 * waits without waiting.
 */
final class VirtualTimeScheduler extends ScheduledThreadPoolExecutor {
  private final MutableClock clock;
  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  VirtualTimeScheduler(MutableClock clock) {
    super(1, runnable -> {
      Thread thread = new Thread(runnable, "virtual-time");
      thread.setDaemon(true);
      return thread;
    });
    this.clock = clock;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (delay <= 0) {
      return super.schedule(command, 0, TimeUnit.NANOSECONDS);
    }
    Duration wait = Duration.ofNanos(unit.toNanos(delay));
    delays.add(wait);
    return super.schedule(() -> {
      clock.advance(wait);
      command.run();
    }, 0, TimeUnit.NANOSECONDS);
  }

  /** The delays asked for, in order (immediate tasks left out). */
  List<Duration> delays() {
    return List.copyOf(delays);
  }
}
