package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.provider.OverrideCheck;

/** The bundled ISPDB snapshot as a layer of the database: every domain, provenance, overrides. */
class IspdbSnapshotTest {
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();

  @TestFactory
  Stream<DynamicTest> everySnapshotDomainResolvesOfflineToItsOwnProviderWithItsFirstServerFirst() {
    Set<String> curated = new HashSet<>();
    ProviderDatabase.bundled().providers().forEach(p -> curated.addAll(p.domains()));
    Set<String> seen = new HashSet<>();
    List<DynamicTest> tests = new ArrayList<>();
    List<Provider> providers = ProviderDatabase.ispdbSnapshot().providers();
    List<EmailProviderConfig> configs = ProviderDatabase.ispdbSnapshot().providerConfigs();
    for (int i = 0; i < providers.size(); i++) {
      Provider provider = providers.get(i);
      EmailProviderConfig config = configs.get(i);
      for (String domain : provider.domains()) {
        if (curated.contains(domain) || !seen.add(domain)) {
          continue; // the curated layer, or an earlier snapshot provider, answers for it
        }
        tests.add(DynamicTest.dynamicTest(domain, () -> check(domain, provider, config)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(850);
    return tests.stream();
  }

  private static void check(String domain, Provider provider, EmailProviderConfig config) {
    List<ServerConfig> fixed = config.incomingServers().stream().filter(s -> s.hostname().indexOf('%') < 0).toList();
    ResolutionPolicy policy = ResolutionPolicy.builder().allowPlaintext(true)
        .preferredIncoming(fixed.isEmpty() ? Protocol.IMAP : fixed.get(0).protocol()).build();
    Resolution resolution =
        RESOLVER.resolve(ResolutionRequest.builder().address(EmailAddress.parse("jan@" + domain)).policy(policy).build());
    assertThat(resolution.provider()).hasValue(provider);
    assertThat(resolution.provider().orElseThrow().source()).isEqualTo(Source.ISPDB_SNAPSHOT);
    if (!fixed.isEmpty()) {
      Candidate first = resolution.incoming().get(0);
      assertThat(first.settings().host()).isEqualTo(fixed.get(0).hostname().toLowerCase(java.util.Locale.ROOT));
      assertThat(first.settings().port()).isEqualTo(fixed.get(0).port());
      assertThat(first.sources()).containsExactly(Source.ISPDB_SNAPSHOT);
      assertThat(first.trust()).isEqualTo(Trust.TRUSTED);
    }
  }

  @Test
  void aCandidateFromTheSnapshotSaysSo() {
    Resolution free = RESOLVER.resolve("jan@free.fr");
    assertThat(free.incoming().get(0).source()).isEqualTo(Source.ISPDB_SNAPSHOT);
    assertThat(free.provider().orElseThrow().origin()).isEqualTo("ispdb:free.fr.xml");
    assertThat(free.notes().get(0).code()).isEqualTo(NoteCode.PROVIDER_BY_DOMAIN);
    assertThat(free.notes().get(0).arguments()).contains("ISPDB snapshot of 2026-03-12");
    assertThat(free.incoming().get(0).reasons().get(0).toString()).startsWith("ISPDB snapshot of 2026-03-12: ");
  }

  @Test
  void theCuratedLayerWinsForADomainBothKnow() {
    Resolution gmail = RESOLVER.resolve("jan@googlemail.com");
    assertThat(gmail.provider().orElseThrow().source()).isEqualTo(Source.BUNDLED_DATABASE);
    assertThat(gmail.provider().orElseThrow().id()).isEqualTo("gmail.com");
    try (MailSettingsResolver snapshotOnly = MailSettingsResolver.builder().bundledDatabase(false).build()) {
      Resolution fromSnapshot = snapshotOnly.resolve("jan@googlemail.com");
      assertThat(fromSnapshot.provider().orElseThrow().source()).isEqualTo(Source.ISPDB_SNAPSHOT);
    }
  }

  @Test
  void aCuratedFileThatAddsNothingIsFoundRedundant() {
    ClientConfigParser parser = ClientConfigParser.defaults();
    String server = "<incomingServer type='imap'><hostname>imap.same.example</hostname><port>993</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>";
    ClientConfig snapshot = parser.parse("<clientConfig><emailProvider id='same.example'><domain>same.example</domain>"
        + "<domain>alias.example</domain>" + server + "</emailProvider></clientConfig>", "ispdb:same.example.xml");
    ClientConfig copy = parser.parse("<clientConfig><emailProvider id='same.example'><domain>same.example</domain>" + server
        + "</emailProvider></clientConfig>", "bundled:same.example.xml");
    ClientConfig better = parser.parse("<clientConfig xmlns:ms='" + ClientConfigParser.EXTENSION_NAMESPACE + "'>"
        + "<emailProvider id='same.example'><domain>same.example</domain>" + server
        + "<ms:note>IMAP must be switched on in the webmail first.</ms:note></emailProvider></clientConfig>", "bundled:same.example.xml");
    assertThat(OverrideCheck.overrides(List.of(copy), List.of(snapshot)))
        .singleElement().satisfies(o -> assertThat(o.redundant()).isTrue());
    assertThat(OverrideCheck.overrides(List.of(better), List.of(snapshot)))
        .singleElement().satisfies(o -> assertThat(o.additions()).containsExactly("notes"));
  }
}
