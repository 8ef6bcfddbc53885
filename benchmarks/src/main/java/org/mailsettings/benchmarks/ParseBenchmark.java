package org.mailsettings.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing clientConfig documents: one of typical size (GMX, 2.6 kB, six servers) and the whole
 * ISPDB corpus of {@code ../shared/corpora/ispdb} (set {@code -Dmailsettings.shared=...} when run
 * from elsewhere).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ParseBenchmark {
  private final ClientConfigParser parser = ClientConfigParser.defaults();
  private byte[] typical = new byte[0];
  private final List<byte[]> corpus = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    Path ispdb = Path.of(System.getProperty("mailsettings.shared", "../shared")).resolve("corpora/ispdb");
    typical = Files.readAllBytes(ispdb.resolve("gmx.net.xml"));
    try (Stream<Path> files = Files.list(ispdb)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".xml")).sorted()::iterator) {
        corpus.add(Files.readAllBytes(file));
      }
    }
  }

  @Benchmark
  public ClientConfig typicalDocument() {
    return parser.parse(new ByteArrayInputStream(typical), "gmx.net.xml");
  }

  @Benchmark
  public void wholeCorpus(Blackhole blackhole) {
    for (byte[] document : corpus) {
      blackhole.consume(parser.parse(new ByteArrayInputStream(document), "corpus"));
    }
  }
}
