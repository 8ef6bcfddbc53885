package org.mailsettings.benchmarks;

import java.util.concurrent.TimeUnit;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offline {@code resolve}: a bundled provider, a hoster through an MX hint, and an unknown domain
 * (guesses). Single thread; {@link Scaling} runs the same on both cores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ResolveBenchmark {
  MailSettingsResolver resolver = MailSettingsResolver.create();
  ResolutionRequest bundled = ResolutionRequest.of(EmailAddress.parse("info@vizus.cz"));
  ResolutionRequest hoster =
      ResolutionRequest.builder().address(EmailAddress.parse("jan@firma.cz")).addMxHosts("firma--cz.mx.spoje.net").build();
  ResolutionRequest unknown = ResolutionRequest.of(EmailAddress.parse("jan@unknown-firma.cz"));

  @Setup
  public void setUp() {
    resolver = MailSettingsResolver.create();
  }

  @Benchmark
  public Resolution bundledProvider() {
    return resolver.resolve(bundled);
  }

  @Benchmark
  public Resolution hosterByMxHint() {
    return resolver.resolve(hoster);
  }

  @Benchmark
  public Resolution unknownDomainGuesses() {
    return resolver.resolve(unknown);
  }

  /** Parsing the address as well, as {@code resolve(String)} does. */
  @Benchmark
  public Resolution bundledProviderFromText() {
    return resolver.resolve("Jan Novák <info@vizus.cz>");
  }

  /** The same on two threads sharing one resolver: with no contention, twice the throughput. */
  @Threads(2)
  public static class Scaling extends ResolveBenchmark {}
}
