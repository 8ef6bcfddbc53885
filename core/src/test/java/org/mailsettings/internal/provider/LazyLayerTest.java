package org.mailsettings.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailsettings.Source;

/** The ISPDB snapshot's layer is read alone and decoded only when a lookup reaches it. */
class LazyLayerTest {

  private static byte[] compiledDatabase() throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream(BundledData.CURATED_LOCATION + CompiledDatabase.RESOURCE)) {
      assertThat(in).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void eachLayerReadAloneEqualsTheLayerReadWithTheOthers() throws IOException {
    byte[] file = compiledDatabase();
    List<CompiledDatabase.Layer> all = CompiledDatabase.read(new ByteArrayInputStream(file));
    assertThat(all).extracting(CompiledDatabase.Layer::name).containsExactly(CompiledDatabase.CURATED, CompiledDatabase.ISPDB_SNAPSHOT);
    for (CompiledDatabase.Layer layer : all) {
      assertThat(CompiledDatabase.readLayer(new ByteArrayInputStream(file), layer.name())).isEqualTo(layer);
    }
  }

  @Test
  void aLazyIndexLoadsOnItsFirstLookupOnce() throws IOException {
    CompiledDatabase.Layer snapshot =
        CompiledDatabase.readLayer(new ByteArrayInputStream(compiledDatabase()), CompiledDatabase.ISPDB_SNAPSHOT);
    AtomicInteger loads = new AtomicInteger();
    ProviderIndex index = ProviderIndex.lazy(Source.ISPDB_SNAPSHOT, "snapshot", () -> {
      loads.incrementAndGet();
      return BundledData.entries(snapshot.documents(), Source.ISPDB_SNAPSHOT);
    });
    assertThat(index.source()).isEqualTo(Source.ISPDB_SNAPSHOT);
    assertThat(loads).hasValue(0);

    String domain = snapshot.documents().get(0).emailProviders().get(0).domains().get(0);
    assertThat(index.byDomain(domain)).isPresent();
    assertThat(index.byDomain("not-a-snapshot-domain.invalid")).isEmpty();
    assertThat(index.entries()).hasSizeGreaterThan(100);
    assertThat(loads).hasValue(1);
  }
}
