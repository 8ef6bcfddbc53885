package org.mailsettings.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailsettings.Source;

/**
 * The ISPDB snapshot's layer is read alone and decoded only when a lookup reaches it; a layer's
 * documents are decoded one by one, when a lookup needs one.
 */
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

  @Test
  void aLookupDecodesOnlyTheDocumentItFinds() throws IOException {
    List<CompiledDatabase.LazyDocument> documents =
        CompiledDatabase.readLazyLayer(new ByteArrayInputStream(compiledDatabase()), CompiledDatabase.CURATED);
    List<ProviderEntry> entries = new java.util.ArrayList<>();
    for (CompiledDatabase.LazyDocument document : documents) {
      entries.addAll(ProviderEntry.of(document, Source.BUNDLED_DATABASE));
    }
    ProviderIndex index = new ProviderIndex(Source.BUNDLED_DATABASE, "curated", entries);
    assertThat(documents).hasSizeGreaterThan(30).noneMatch(CompiledDatabase.LazyDocument::isDecoded);

    ProviderEntry vizus = index.byDomain("vizus.cz").orElseThrow();
    assertThat(vizus.provider().name()).isEqualTo("VIZUS");
    assertThat(vizus.config().incomingServers()).isNotEmpty();
    assertThat(index.byMxHost("mx1.forpsi.com")).isPresent();

    assertThat(documents).filteredOn(CompiledDatabase.LazyDocument::isDecoded)
        .extracting(CompiledDatabase.LazyDocument::sourceName)
        .containsExactly("bundled:vizus.cz.xml");
  }

  @Test
  void aLazyDocumentDecodesToWhatTheWholeLayerReads() throws IOException {
    byte[] file = compiledDatabase();
    for (String layer : List.of(CompiledDatabase.CURATED, CompiledDatabase.ISPDB_SNAPSHOT)) {
      List<CompiledDatabase.LazyDocument> lazy = CompiledDatabase.readLazyLayer(new ByteArrayInputStream(file), layer);
      List<org.mailsettings.clientconfig.ClientConfig> whole =
          CompiledDatabase.readLayer(new ByteArrayInputStream(file), layer).documents();
      assertThat(lazy).extracting(CompiledDatabase.LazyDocument::document).containsExactlyElementsOf(whole);
      for (int i = 0; i < lazy.size(); i++) {
        List<org.mailsettings.clientconfig.EmailProviderConfig> sections = whole.get(i).emailProviders();
        assertThat(lazy.get(i).sections()).extracting(CompiledDatabase.SectionHead::domains)
            .containsExactlyElementsOf(sections.stream().map(p -> p.domains()).toList());
        assertThat(lazy.get(i).sections()).extracting(CompiledDatabase.SectionHead::mxDomains)
            .containsExactlyElementsOf(sections.stream().map(p -> p.mxDomains()).toList());
      }
    }
  }
}
