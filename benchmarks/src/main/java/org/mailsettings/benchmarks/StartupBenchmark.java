package org.mailsettings.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up: a fresh JVM that builds the resolver and resolves one address, against one that only
 * starts ({@link StartupMain}). The difference is what the library adds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
@Fork(1)
@State(Scope.Benchmark)
public class StartupBenchmark {
  @Param({"noop", "resolve"})
  public String mode = "noop";

  @Benchmark
  public int freshJvm() throws IOException, InterruptedException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process =
        new ProcessBuilder(List.of(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"), StartupMain.class.getName(), mode))
            .inheritIO()
            .start();
    int status = process.waitFor();
    if (status != 0) {
      throw new IllegalStateException("the JVM exited with " + status);
    }
    return status;
  }
}
