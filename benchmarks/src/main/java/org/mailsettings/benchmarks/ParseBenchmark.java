package org.mailsettings.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * ISPDB snapshot bundled in core's jar.
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
    URI snapshot;
    try {
      snapshot = Objects.requireNonNull(ClientConfig.class.getResource("/org/mailsettings/ispdb/"), "ISPDB snapshot").toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    // Inside core's jar, or core's classes directory when run from an IDE.
    if ("jar".equals(snapshot.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(snapshot, Map.of())) {
        read(jar.provider().getPath(snapshot));
      }
    } else {
      read(Path.of(snapshot));
    }
  }

  private void read(Path ispdb) throws IOException {
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
