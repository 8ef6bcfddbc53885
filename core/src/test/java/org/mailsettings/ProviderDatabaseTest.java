package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.EmailProviderConfig;

/** Self-consistency of the bundled database, after libphonenumber's ExampleNumbersTest. */
class ProviderDatabaseTest {
  private static final ProviderDatabase BUNDLED = ProviderDatabase.bundled();

  @Test
  void theIndexListsExactlyTheFilesInTheDirectory() throws IOException, URISyntaxException {
    Path directory =
        Path.of(ProviderDatabase.class.getResource(org.mailsettings.internal.provider.BundledData.CURATED_LOCATION + "index.txt").toURI()).getParent();
    List<String> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().collect(Collectors.toList());
    }
    List<String> indexed;
    try (InputStream in = ProviderDatabase.class.getResourceAsStream(org.mailsettings.internal.provider.BundledData.CURATED_LOCATION + "index.txt")) {
      indexed =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .collect(Collectors.toList());
    }
    assertThat(indexed).containsExactlyInAnyOrderElementsOf(files);
    for (String file : files) {
      assertThat(file).isEqualTo(parse(file).emailProviders().get(0).id() + ".xml");
    }
  }

  private static org.mailsettings.clientconfig.ClientConfig parse(String file) throws IOException {
    try (InputStream in = ProviderDatabase.class.getResourceAsStream(org.mailsettings.internal.provider.BundledData.CURATED_LOCATION + file)) {
      return ClientConfigParser.defaults().parse(in, file);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBundledFileParsesCleanlyWithAtLeastOneServerOfEachDirection() {
    return BUNDLED.providerConfigs().stream()
        .map(
            config ->
                DynamicTest.dynamicTest(
                    config.id(),
                    () -> {
                      assertThat(parse(config.id() + ".xml").warnings()).isEmpty();
                      assertThat(config.incomingServers()).isNotEmpty();
                      assertThat(config.outgoingServers()).isNotEmpty();
                      assertThat(config.domains().size() + config.mxDomains().size()).isPositive();
                      assertThat(config.domains()).isSorted();
                      assertThat(config.mxDomains()).isSorted();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyBundledProviderResolvesItsOwnDomainsAndMxDomains() {
    MailSettingsResolver resolver = MailSettingsResolver.create();
    return BUNDLED.providerConfigs().stream()
        .flatMap(
            config ->
                Stream.concat(
                    config.domains().stream()
                        .map(domain -> DynamicTest.dynamicTest(config.id() + " domain " + domain, () -> {
                          Resolution r = resolver.resolve("test.user@" + domain);
                          assertResolvesTo(config, r, Trust.TRUSTED);
                        })),
                    config.mxDomains().stream()
                        .map(mx -> DynamicTest.dynamicTest(config.id() + " mx " + mx, () -> {
                          Resolution r =
                              resolver.resolve(
                                  ResolutionRequest.builder()
                                      .address(EmailAddress.parse("test.user@customer-of-" + config.id().replace('.', '-') + ".cz"))
                                      .addMxHosts("mx1." + mx)
                                      .build());
                          assertResolvesTo(config, r, Trust.NEEDS_CONFIRMATION);
                        }))));
  }

  private static void assertResolvesTo(EmailProviderConfig config, Resolution resolution, Trust trust) {
    assertThat(resolution.provider()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(config.id()));
    assertThat(resolution.incoming()).isNotEmpty();
    assertThat(resolution.outgoing()).isNotEmpty();
    assertThat(resolution.incoming()).allSatisfy(c -> {
      if (org.mailsettings.internal.net.HostNames.isLocalOrPrivate(c.settings().host())) {
        // A local bridge (Proton Mail's): never trusted unasked, even from the bundled data.
        assertThat(c.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
        assertThat(c.reasons()).extracting(Note::code).contains(NoteCode.PRIVATE_ADDRESS);
      } else {
        assertThat(c.trust()).isEqualTo(trust);
      }
      assertThat(c.settings().security().isEncrypted()).isTrue();
      assertThat(c.settings().username()).isNotBlank().doesNotContain("%");
    });
    assertThat(resolution.outgoing()).allSatisfy(c -> assertThat(c.settings().host()).doesNotContain("%"));
  }

  @Test
  void theBuildsCompiledCacheHoldsExactlyWhatTheFilesSay() {
    assertThat(ProviderDatabase.class.getResource(org.mailsettings.internal.provider.BundledData.CURATED_LOCATION + "providers.dat")).isNotNull();
    assertThat(BUNDLED.providerConfigs()).isEqualTo(ProviderDatabase.bundledFromXml().providerConfigs());
    assertThat(BUNDLED.providers()).isEqualTo(ProviderDatabase.bundledFromXml().providers());
  }

  @Test
  void theOAuth2BlocksOfTheBigProvidersReachTheProvider() {
    MailSettingsResolver resolver = MailSettingsResolver.create();
    for (String address : List.of("jan@gmail.com", "jan@outlook.com", "jan@hotmail.com", "jan@yahoo.com", "jan@aol.com")) {
      Provider provider = resolver.resolve(address).provider().orElseThrow();
      assertThat(provider.oauth2()).as(address).isPresent();
      OAuth2Settings oauth = provider.oauth2().get();
      assertThat(oauth.authorizationEndpoint().getScheme()).isEqualTo("https");
      assertThat(oauth.tokenEndpoint().getScheme()).isEqualTo("https");
      assertThat(oauth.scopes()).isNotEmpty();
    }
    OAuth2Settings microsoft = resolver.resolve("jan@outlook.com").provider().orElseThrow().oauth2().orElseThrow();
    assertThat(microsoft.issuer()).isEqualTo("login.microsoftonline.com");
    assertThat(microsoft.scopes()).contains("https://outlook.office365.com/SMTP.Send", "offline_access");
    assertThat(microsoft.deviceAuthorizationEndpoint())
        .hasValueSatisfying(uri -> assertThat(uri.toString()).endsWith("/common/oauth2/v2.0/devicecode"));
    assertThat(resolver.resolve("jan@gmail.com").provider().orElseThrow().oauth2().orElseThrow().scopes())
        .containsExactly("https://mail.google.com/");
    assertThat(resolver.resolve("info@vizus.cz").provider().orElseThrow().oauth2()).isEmpty();
  }

  @Test
  void anOAuth2BlockWithoutHttpsEndpointsIsNotRead() {
    String xml =
        "<clientConfig version='1.1'><emailProvider id='x.example'><domain>x.example</domain>"
            + "<incomingServer type='imap'><hostname>imap.x.example</hostname><port>993</port><socketType>SSL</socketType>"
            + "<authentication>OAuth2</authentication></incomingServer></emailProvider>"
            + "<oAuth2><issuer>x.example</issuer><scope>mail</scope><authURL>http://x.example/auth</authURL>"
            + "<tokenURL>https://x.example/token</tokenURL></oAuth2></clientConfig>";
    ProviderDatabase database =
        ProviderDatabase.of("test", List.of(ClientConfigParser.defaults().parse(xml, "x.xml")));
    assertThat(database.providers().get(0).oauth2()).isEmpty();
  }

  @Test
  void aClasspathLocationIsReadThroughItsIndex() {
    ProviderDatabase database = ProviderDatabase.fromClasspath(getClass().getClassLoader(), "test-providers");
    assertThat(database.providers()).extracting(Provider::id).containsExactly("intranet.example");
    assertThat(database.source()).isEqualTo(Source.LOCAL_FILE);
    Resolution resolution =
        MailSettingsResolver.builder().addProviders(database).build().resolve("jan@intranet.example");
    assertThat(resolution.outgoing().get(0).source()).isEqualTo(Source.LOCAL_FILE);
    assertThat(resolution.outgoing().get(0).settings().host()).isEqualTo("relay.intranet.example");
  }
}
