package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.PaccPublication;
import org.mailsettings.clientconfig.PaccPublisher;
import org.mailsettings.internal.pacc.DigestRecord;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/**
 * PACC (draft-ietf-mailmaint-pacc-03) against a real HTTPS server with a test CA and a real DNS
 * server on 127.0.0.1: the document is used only when a UAAC1 record of its domain holds the
 * SHA-256 of its exact bytes.
 */
class PaccDiscoveryTest {
  private static final String DOCUMENT = """
      {"protocols":{"jmap":{"url":"https://jmap.firma.cz/session"},"imap":{"host":"imap.firma.cz"},
        "submit":{"host":"smtp.firma.cz"},"carddav":{"url":"https://dav.firma.cz/contacts/"}},
       "authentication":{"oauth-public":{"issuer":"https://auth.firma.cz/"},"password":true},
       "info":{"provider":{"name":"Firma s.r.o.","shortName":"Firma"},
        "help":{"documentation":"https://firma.cz/help/mail"}}}
      """;

  private MailSettingsResolver resolver;
  private TestHttpServer https;
  private TestDnsServer dns;

  @BeforeEach
  void start() throws Exception {
    https = TestHttpServer.https(TestTls.server("localhost"));
    dns = new TestDnsServer();
    resolver = MailSettingsResolver.builder()
        .sslContext(TestTls.client())
        .dnsServer("127.0.0.1", dns.port())
        .connectTimeout(Duration.ofSeconds(5)) // generous: a loaded machine's first TLS handshake is slow
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    resolver.close();
    https.close();
    dns.close();
  }

  private DiscoveryOptions.Builder options() {
    return DiscoveryOptions.builder()
        .deadline(Duration.ofSeconds(15))
        .requestTimeout(Duration.ofSeconds(5))
        .paccUrlTemplate(https.base() + "/pacc/%EMAILDOMAIN%/.well-known/user-agent-configuration.json")
        .autoconfigUrlTemplate(https.base() + "/ac/%EMAILDOMAIN%/mail/config-v1.1.xml")
        .wellKnownUrlTemplate(https.base() + "/wk/%EMAILDOMAIN%/mail/config-v1.1.xml")
        .autoconfigHttpUrlTemplate(https.base().replace("https:", "http:") + "/none/%EMAILDOMAIN%")
        .ispdbBaseUrl(https.base() + "/ispdb/")
        .autodiscoverUrlTemplates(List.of(https.base() + "/autodiscover/%EMAILDOMAIN%"));
  }

  private static String path(String domain) {
    return "/pacc/" + domain + "/.well-known/user-agent-configuration.json";
  }

  private static Response json(byte[] body) {
    return new Response(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO, false);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void serve(String domain, byte[] body) {
    https.route(path(domain), json(body));
  }

  private void record(String domain, String record) {
    dns.txt("_ua-auto-config." + domain, false, record);
  }

  private Resolution discover(String address) throws InterruptedException {
    return discover(address, options().build());
  }

  private Resolution discover(String address, DiscoveryOptions options) throws InterruptedException {
    return resolver.discoverAndWait(ResolutionRequest.of(EmailAddress.parse(address)), options);
  }

  private static SourceReport pacc(Resolution resolution) {
    return resolution.sourceReports().stream().filter(r -> r.source() == Source.PACC).findFirst().orElseThrow();
  }

  private static List<NoteCode> details(SourceReport report) {
    return report.details().stream().map(Note::code).toList();
  }

  private boolean fetched(String domain) {
    return https.requests().stream().anyMatch(r -> r.path().equals(path(domain)));
  }

  @Test
  void aDocumentWhoseDigestMatchesGivesTrustedImplicitTlsServers() throws Exception {
    serve("firma.cz", bytes(DOCUMENT));
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT)));
    Resolution resolution = discover("jan@firma.cz");

    Candidate imap = resolution.incoming().get(0);
    assertThat(imap.source()).isEqualTo(Source.PACC);
    assertThat(imap.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(imap.settings().host()).isEqualTo("imap.firma.cz");
    assertThat(imap.settings().port()).isEqualTo(993);
    assertThat(imap.settings().security()).isEqualTo(Security.IMPLICIT_TLS);
    assertThat(imap.settings().username()).isEqualTo("jan@firma.cz");
    assertThat(imap.settings().authMethods()).containsExactly(AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.OAUTH2);
    assertThat(imap.reasons()).extracting(Note::code).contains(NoteCode.FROM_PACC);
    Candidate smtp = resolution.outgoing().get(0);
    assertThat(smtp.source()).isEqualTo(Source.PACC);
    assertThat(smtp.settings().host()).isEqualTo("smtp.firma.cz");
    assertThat(smtp.settings().port()).isEqualTo(465);
    assertThat(resolution.requiresConfirmation()).isFalse();

    assertThat(resolution.provider()).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("Firma s.r.o.");
      assertThat(p.publicClientIssuer()).contains(URI.create("https://auth.firma.cz/"));
    });
    assertThat(resolution.serviceUrls()).containsExactly(
        Map.entry("jmap", URI.create("https://jmap.firma.cz/session")),
        Map.entry("carddav", URI.create("https://dav.firma.cz/contacts/")));
    SourceReport report = pacc(resolution);
    assertThat(report.outcome()).isEqualTo(SourceOutcome.FOUND);
    assertThat(details(report)).contains(NoteCode.PACC_DIGEST_MATCHED);
    // Asked for without credentials, and the address is not sent.
    assertThat(https.requests()).filteredOn(r -> r.path().startsWith("/pacc/")).singleElement()
        .satisfies(r -> assertThat(r.path()).doesNotContain("jan"));
  }

  @Test
  void aDnssecAuthenticatedDigestSaysSo() throws Exception {
    serve("firma.cz", bytes(DOCUMENT));
    dns.txt("_ua-auto-config.firma.cz", true, DigestRecord.format(bytes(DOCUMENT)));
    Resolution resolution = discover("jan@firma.cz");
    assertThat(resolution.incoming().get(0).reasons()).extracting(Note::code).contains(NoteCode.FROM_PACC_AUTHENTICATED);
  }

  @Test
  void pACCRanksBeforeTheClientConfigSourcesEvenWhenItAnswersLater() throws Exception {
    https.route(path("firma.cz"), json(bytes(DOCUMENT)).delayed(Duration.ofMillis(300)));
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT)));
    https.route("/ac/firma.cz/mail/config-v1.1.xml",
        Response.ok(DiscoveryTest.config("firma.cz", "imap.autoconfig.firma.cz", "smtp.autoconfig.firma.cz")));
    Resolution resolution = discover("jan@firma.cz");
    assertThat(resolution.incoming().get(0).settings().host()).isEqualTo("imap.firma.cz");
    assertThat(resolution.incoming().get(0).source()).isEqualTo(Source.PACC);
  }

  @Test
  void aMismatchIsATypedErrorNeverACandidate() throws Exception {
    serve("firma.cz", bytes(DOCUMENT));
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT.replace("imap.firma.cz", "imap.attacker.example"))));
    https.route("/ac/firma.cz/mail/config-v1.1.xml",
        Response.ok(DiscoveryTest.config("firma.cz", "imap.autoconfig.firma.cz", "smtp.autoconfig.firma.cz")));
    Resolution resolution = discover("jan@firma.cz");

    SourceReport report = pacc(resolution);
    assertThat(report.outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(details(report)).contains(NoteCode.PACC_DIGEST_MISMATCH);
    assertThat(resolution.incoming()).noneMatch(c -> c.sources().contains(Source.PACC));
    assertThat(resolution.outgoing()).noneMatch(c -> c.sources().contains(Source.PACC));
    assertThat(resolution.incoming().get(0).source()).isEqualTo(Source.AUTOCONFIG);
    assertThat(resolution.serviceUrls()).isEmpty();
  }

  @Test
  void oneChangedByteIsAMismatch() throws Exception {
    serve("firma.cz", bytes(DOCUMENT + " "));
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT)));
    Resolution resolution = discover("jan@firma.cz");
    assertThat(pacc(resolution).outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(details(pacc(resolution))).contains(NoteCode.PACC_DIGEST_MISMATCH);
    assertThat(resolution.incoming()).noneMatch(c -> c.sources().contains(Source.PACC));
  }

  @Test
  void duringARolloverAnyRecordOfTheSetMayMatch() throws Exception {
    byte[] old = bytes(DOCUMENT.replace("smtp.firma.cz", "smtp-old.firma.cz"));
    byte[] current = bytes(DOCUMENT);
    // Before the switch the old document is served, after it the new one; both records stand
    // (beside a record that is not ours) all the while.
    serve("before.cz", old);
    serve("after.cz", current);
    for (String domain : List.of("before.cz", "after.cz")) {
      record(domain, "v=spf1 -all");
      record(domain, DigestRecord.format(old));
      record(domain, DigestRecord.format(current));
    }
    Resolution before = discover("jan@before.cz");
    assertThat(pacc(before).outcome()).isEqualTo(SourceOutcome.FOUND);
    assertThat(before.outgoing().get(0).settings().host()).isEqualTo("smtp-old.firma.cz");
    Resolution after = discover("jan@after.cz");
    assertThat(pacc(after).outcome()).isEqualTo(SourceOutcome.FOUND);
    assertThat(after.outgoing().get(0).settings().host()).isEqualTo("smtp.firma.cz");
  }

  @Test
  void aRecordSplitIntoSeveralStringsIsJoinedWithoutASeparator() throws Exception {
    String record = DigestRecord.format(bytes(DOCUMENT));
    serve("firma.cz", bytes(DOCUMENT));
    dns.txt("_ua-auto-config.firma.cz", false, record.substring(0, 25), record.substring(25));
    assertThat(pacc(discover("jan@firma.cz")).outcome()).isEqualTo(SourceOutcome.FOUND);
  }

  @Test
  void malformedRecordsVouchForNothingAndTheDocumentIsNotFetched() throws Exception {
    String digest = DigestRecord.format(bytes(DOCUMENT)).substring("v=UAAC1; a=sha256; d=".length());
    serve("firma.cz", bytes(DOCUMENT));
    record("firma.cz", " v=UAAC1; a=sha256; d=" + digest);
    record("firma.cz", "v=uaac1; a=sha256; d=" + digest);
    record("firma.cz", "v=UAAC1; v=UAAC1; a=sha256; d=" + digest);
    record("firma.cz", "v=UAAC1; a=sha256; d=" + digest.substring(0, 43));
    Resolution resolution = discover("jan@firma.cz");

    SourceReport report = pacc(resolution);
    assertThat(report.outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(details(report)).filteredOn(c -> c == NoteCode.PACC_RECORD_MALFORMED).hasSize(4);
    assertThat(details(report)).contains(NoteCode.PACC_NO_DIGEST);
    assertThat(resolution.incoming()).noneMatch(c -> c.sources().contains(Source.PACC));
    assertThat(fetched("firma.cz")).isFalse();
  }

  @Test
  void aRecordOutsideAsciiIsMalformedAndAValidOneBesideItStillMatches() throws Exception {
    serve("firma.cz", bytes(DOCUMENT));
    dns.txtBytes("_ua-auto-config.firma.cz", (DigestRecord.format(bytes(DOCUMENT)) + "\u00e9").getBytes(StandardCharsets.UTF_8));
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT)));
    SourceReport report = pacc(discover("jan@firma.cz"));
    assertThat(report.outcome()).isEqualTo(SourceOutcome.FOUND);
    assertThat(details(report)).contains(NoteCode.PACC_RECORD_MALFORMED, NoteCode.PACC_DIGEST_MATCHED);
  }

  @Test
  void withoutARecordNothingIsFetched() throws Exception {
    serve("firma.cz", bytes(DOCUMENT));
    Resolution resolution = discover("jan@firma.cz");
    assertThat(pacc(resolution).outcome()).isEqualTo(SourceOutcome.NOTHING);
    assertThat(details(pacc(resolution))).contains(NoteCode.PACC_NO_DIGEST);
    assertThat(fetched("firma.cz")).isFalse();
  }

  @Test
  void aRedirectIsRefusedAndNotFollowed() throws Exception {
    https.route(path("firma.cz"), Response.redirect(https.base() + "/elsewhere.json"));
    https.route("/elsewhere.json", json(bytes(DOCUMENT)));
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT)));
    Resolution resolution = discover("jan@firma.cz");

    SourceReport report = pacc(resolution);
    assertThat(report.outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(details(report)).contains(NoteCode.REDIRECT_REFUSED);
    assertThat(https.requests()).noneMatch(r -> r.path().equals("/elsewhere.json"));
    assertThat(resolution.incoming()).noneMatch(c -> c.sources().contains(Source.PACC));
  }

  @Test
  void anOversizedBodyIsRefusedEvenWhenItsDigestMatches() throws Exception {
    byte[] big = bytes(DOCUMENT.replace("\"info\":", "\"padding\":\"" + "x".repeat(5000) + "\",\"info\":"));
    serve("firma.cz", big);
    record("firma.cz", DigestRecord.format(big));
    Resolution resolution = discover("jan@firma.cz", options().maxResponseBytes(4096).build());

    SourceReport report = pacc(resolution);
    assertThat(report.outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(details(report)).contains(NoteCode.TOO_LARGE);
    assertThat(resolution.incoming()).noneMatch(c -> c.sources().contains(Source.PACC));
  }

  @Test
  void unknownMembersAreIgnored() throws Exception {
    byte[] document = bytes("""
        {"version":"9","protocols":{"imap":{"host":"imap.firma.cz","port":143,"x":{}},"ews":{"url":"https://ews.firma.cz/x"},
          "managesieve":{"host":"sieve.firma.cz"}},"authentication":{"password":true,"kerberos":{}},
         "info":{"provider":{"name":"Firma","motto":"fast"}},"future":[1,2,{"a":null}]}""");
    serve("firma.cz", document);
    record("firma.cz", DigestRecord.format(document));
    Resolution resolution = discover("jan@firma.cz");
    assertThat(pacc(resolution).outcome()).isEqualTo(SourceOutcome.FOUND);
    assertThat(resolution.incoming().get(0).settings().host()).isEqualTo("imap.firma.cz");
    assertThat(resolution.incoming().get(0).settings().port()).isEqualTo(993);
  }

  @Test
  void matchingButMalformedJsonIsAMalformedAnswer() throws Exception {
    byte[] document = bytes("{\"protocols\":{\"imap\":{\"host\":\"imap.firma.cz\"}},}");
    serve("firma.cz", document);
    record("firma.cz", DigestRecord.format(document));
    Resolution resolution = discover("jan@firma.cz");
    assertThat(pacc(resolution).outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(details(pacc(resolution))).contains(NoteCode.MALFORMED_ANSWER);
    assertThat(resolution.incoming()).noneMatch(c -> c.sources().contains(Source.PACC));
  }

  @Test
  void aDocumentPointingAtThisMachineNeedsConfirmation() throws Exception {
    byte[] document = bytes(DOCUMENT.replace("imap.firma.cz", "localhost"));
    serve("firma.cz", document);
    record("firma.cz", DigestRecord.format(document));
    Resolution resolution = discover("jan@firma.cz");
    Candidate imap = resolution.incoming().stream().filter(c -> c.source() == Source.PACC).findFirst().orElseThrow();
    assertThat(imap.settings().host()).isEqualTo("localhost");
    assertThat(imap.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
    assertThat(imap.reasons()).extracting(Note::code).contains(NoteCode.PRIVATE_ADDRESS);
    assertThat(resolution.requiresConfirmation()).isTrue();
  }

  @Test
  void aMissingDocumentIsNothing() throws Exception {
    record("firma.cz", DigestRecord.format(bytes(DOCUMENT)));
    assertThat(pacc(discover("jan@firma.cz")).outcome()).isEqualTo(SourceOutcome.NOTHING);
  }

  @Test
  void thePacTemplateMustBeHttpsAndMayNotCarryTheAddress() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DiscoveryOptions.builder().paccUrlTemplate("http://ua-auto-config.%EMAILDOMAIN%/x.json").build())
        .isInstanceOf(InvalidSettingsException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DiscoveryOptions.builder().paccUrlTemplate("https://ua-auto-config.%EMAILDOMAIN%/x?u=%EMAILADDRESS%").build())
        .isInstanceOf(InvalidSettingsException.class);
  }

  /** Published from a provider file, served, discovered: the same servers. */
  @Test
  void whatIsPublishedIsDiscoveredWithTheSameServers() throws Exception {
    String xml = """
        <clientConfig version="1.1"><emailProvider id="hoster.cz"><domain>hoster.cz</domain>
          <displayName>Hoster s.r.o.</displayName><displayShortName>Hoster</displayShortName>
          <incomingServer type="imap"><hostname>imap.hoster.cz</hostname><port>993</port><socketType>SSL</socketType>
            <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>
          <incomingServer type="imap"><hostname>imap.hoster.cz</hostname><port>143</port><socketType>STARTTLS</socketType>
            <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>
          <incomingServer type="pop3"><hostname>pop3.%EMAILDOMAIN%</hostname><port>995</port><socketType>SSL</socketType>
            <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>
          <outgoingServer type="smtp"><hostname>smtp.hoster.cz</hostname><port>465</port><socketType>SSL</socketType>
            <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>
          <outgoingServer type="smtp"><hostname>smtp.hoster.cz</hostname><port>587</port><socketType>STARTTLS</socketType>
            <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>
          <documentation url="https://hoster.cz/napoveda"><descr lang="cs">Nápověda</descr></documentation>
        </emailProvider></clientConfig>""";
    ClientConfig file = ClientConfigParser.defaults().parse(xml, "hoster.cz.xml");
    PaccPublication publication =
        PaccPublisher.publish(file.emailProviders().get(0), "klient.cz", java.util.Optional.of(URI.create("https://auth.hoster.cz")));
    assertThat(publication.url()).hasToString("https://ua-auto-config.klient.cz/.well-known/user-agent-configuration.json");
    assertThat(publication.recordName()).isEqualTo("_ua-auto-config.klient.cz");
    assertThat(publication.leftOut()).extracting(PaccPublication.LeftOut::reason)
        .containsExactly(PaccPublication.Reason.NOT_IMPLICIT_TLS, PaccPublication.Reason.NOT_IMPLICIT_TLS);

    serve("klient.cz", publication.document());
    record("klient.cz", publication.record());
    Resolution resolution = discover("eva@klient.cz");

    assertThat(pacc(resolution).outcome()).as(() -> pacc(resolution).toString()).isEqualTo(SourceOutcome.FOUND);
    List<Candidate> incoming = resolution.incoming().stream().filter(c -> c.source() == Source.PACC).toList();
    List<Candidate> outgoing = resolution.outgoing().stream().filter(c -> c.source() == Source.PACC).toList();
    assertThat(incoming).extracting(c -> c.settings().protocol() + " " + c.settings().host() + ":" + c.settings().port()
            + " " + c.settings().security() + " " + c.settings().username())
        .containsExactly("IMAP imap.hoster.cz:993 IMPLICIT_TLS eva@klient.cz", "POP3 pop3.klient.cz:995 IMPLICIT_TLS eva@klient.cz");
    assertThat(outgoing).extracting(c -> c.settings().host() + ":" + c.settings().port() + " " + c.settings().security())
        .containsExactly("smtp.hoster.cz:465 IMPLICIT_TLS");
    assertThat(resolution.provider()).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("Hoster s.r.o.");
      assertThat(p.publicClientIssuer()).contains(URI.create("https://auth.hoster.cz"));
    });
  }
}
