package org.mailsettings.examples.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * The progress of a list run on standard error: addresses done of the total (when it is known),
 * the rate and the time left, redrawn in place on one line. Other lines for standard error go
 * through {@link #println} so that they do not tear the bar. Closing it draws the bar one last
 * time and ends its line.
 */
final class Progress implements AutoCloseable {
  private final @Nullable ProgressBar bar;
  private final @Nullable Line line;

  private Progress(@Nullable ProgressBar bar, @Nullable Line line) {
    this.bar = bar;
    this.line = line;
  }

  /** No bar: lines for standard error are printed as they come. */
  static Progress none(PrintWriter err) {
    return new Progress(null, new Line(err, 0, false));
  }

  /** A bar on {@code err}, {@code width} characters wide, of {@code total} addresses ({@code -1}: not known). */
  static Progress bar(PrintWriter err, long total, int width) {
    Line line = new Line(err, width, true);
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("addresses")
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setConsumer(line)
        .build();
    return new Progress(bar, line);
  }

  /** One more address done. */
  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /** Prints a line of text on standard error, below the bar's last drawing. */
  void println(String text) {
    if (line != null) {
      line.println(text);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /** Draws the bar with a carriage return in front, so that each drawing replaces the last. */
  private static final class Line implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int width;
    private final boolean bar;
    private int drawn;

    Line(PrintWriter err, int width, boolean bar) {
      this.err = err;
      this.width = width;
      this.bar = bar;
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public void accept(String rendered) {
      synchronized (err) {
        err.print('\r');
        err.print(rendered);
        for (int i = rendered.length(); i < drawn; i++) {
          err.print(' ');
        }
        drawn = rendered.length();
        err.flush();
      }
    }

    void println(String text) {
      synchronized (err) {
        if (bar && drawn > 0) {
          err.print('\r');
          err.print(" ".repeat(drawn));
          err.print('\r');
          drawn = 0;
        }
        err.println(text);
        err.flush();
      }
    }

    @Override
    public void close() {
      synchronized (err) {
        if (drawn > 0) {
          err.println();
          drawn = 0;
        }
        err.flush();
      }
    }
  }
}
