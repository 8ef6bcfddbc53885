package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;

/** Discovery against real HTTP(S) and DNS servers on 127.0.0.1, started by each test. */
class DiscoveryTest {
  private MailSettingsResolver resolver;
  private TestHttpServer https;
  private TestHttpServer http;
  private TestDnsServer dns;

  @BeforeEach
  void start() throws Exception {
    https = TestHttpServer.https(TestTls.server("localhost"));
    http = TestHttpServer.http();
    dns = new TestDnsServer();
    resolver = client().build();
  }

  private MailSettingsResolver.Builder client() {
    return MailSettingsResolver.builder()
        .sslContext(TestTls.client())
        .dnsServer("127.0.0.1", dns.port())
        .connectTimeout(Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() throws Exception {
    resolver.close();
    https.close();
    http.close();
    dns.close();
  }

  private DiscoveryOptions.Builder options() {
    return DiscoveryOptions.builder()
        .deadline(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(2))
        .autoconfigUrlTemplate(https.base() + "/ac/%EMAILDOMAIN%/mail/config-v1.1.xml?emailaddress=%EMAILADDRESS%")
        .wellKnownUrlTemplate(https.base() + "/wk/%EMAILDOMAIN%/.well-known/autoconfig/mail/config-v1.1.xml")
        .autoconfigHttpUrlTemplate(http.base() + "/ac/%EMAILDOMAIN%/mail/config-v1.1.xml")
        .ispdbBaseUrl(https.base() + "/ispdb/")
        .autodiscoverUrlTemplates(List.of(https.base() + "/autodiscover/%EMAILDOMAIN%"));
  }

  static String config(String domain, String imapHost, String smtpHost) {
    return "<clientConfig version=\"1.1\"><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<displayName>" + domain + " mail</displayName>"
        + "<incomingServer type=\"imap\"><hostname>" + imapHost + "</hostname><port>993</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>" + smtpHost + "</hostname><port>465</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></outgoingServer>"
        + "</emailProvider></clientConfig>";
  }

  private Resolution discover(String address, DiscoveryOptions options) throws InterruptedException {
    return resolver.discoverAndWait(ResolutionRequest.of(EmailAddress.parse(address)), options);
  }

  private static SourceReport report(Resolution resolution, Source source) {
    return resolution.sourceReports().stream().filter(r -> r.source() == source).findFirst().orElseThrow();
  }

  @Test
  void autoconfigOverHttpsFromTheDomainIsTrusted() throws Exception {
    https.route("/ac/firma.cz/mail/config-v1.1.xml", Response.ok(config("firma.cz", "imap.firma.cz", "smtp.firma.cz")));
    Resolution resolution = discover("jan@firma.cz", options().build());

    assertThat(resolution.incoming().get(0).settings().host()).isEqualTo("imap.firma.cz");
    assertThat(resolution.incoming().get(0).source()).isEqualTo(Source.AUTOCONFIG);
    assertThat(resolution.incoming().get(0).trust()).isEqualTo(Trust.TRUSTED);
    assertThat(resolution.outgoing().get(0).settings().username()).isEqualTo("jan@firma.cz");
    assertThat(resolution.requiresConfirmation()).isFalse();
    assertThat(resolution.provider()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("firma.cz mail"));
    assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.FOUND);
    assertThat(https.requests()).anySatisfy(r -> assertThat(r.path()).contains("emailaddress=jan%40firma.cz"));
    assertThat(resolution.hostDomains()).containsExactly("firma.cz");
  }

  @Test
  void aBetterRankedSourceWinsEvenWhenItAnswersLater() throws Exception {
    https.route("/ac/firma.cz/mail/config-v1.1.xml",
        Response.ok(config("firma.cz", "imap.autoconfig.firma.cz", "smtp.autoconfig.firma.cz")).delayed(Duration.ofMillis(400)));
    https.route("/ispdb/firma.cz", Response.ok(config("firma.cz", "imap.ispdb.firma.cz", "smtp.ispdb.firma.cz")));
    Resolution resolution = discover("jan@firma.cz", options().build());
    assertThat(resolution.incoming().get(0).settings().host()).isEqualTo("imap.autoconfig.firma.cz");
    assertThat(report(resolution, Source.ISPDB).outcome()).isEqualTo(SourceOutcome.FOUND);
  }

  @Test
  void theBundledDatabaseAnswersAtOnceAndTheRestIsCancelled() throws Exception {
    https.route("/ac/vizus.cz/mail/config-v1.1.xml", Response.neverAnswer());
    long start = System.nanoTime();
    Resolution resolution = discover("info@vizus.cz", options().build());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(resolution.incoming().get(0).settings().host()).isEqualTo("mail.vizus.cz");
    assertThat(resolution.incoming().get(0).source()).isEqualTo(Source.BUNDLED_DATABASE);
    // Nothing can outrank the bundled database but the application's own files: the network
    // sources are not even started, or are cancelled at once.
    assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isIn(SourceOutcome.SKIPPED, SourceOutcome.CANCELLED);
  }

  @Test
  void whenEverySourceHangsTheDeadlineReturnsTheGuesses() throws Exception {
    https.route("/ac/slow.cz/mail/config-v1.1.xml", Response.neverAnswer());
    https.route("/ispdb/slow.cz", Response.neverAnswer());
    dns.mx("slow.cz", false, Duration.ofSeconds(30), "mx.slow.cz");
    Duration deadline = Duration.ofMillis(800);
    long start = System.nanoTime();
    Resolution resolution =
        discover("jan@slow.cz", options().deadline(deadline).requestTimeout(Duration.ofSeconds(10)).build());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(elapsed).isLessThan(deadline.plusMillis(500));
    assertThat(resolution.incoming()).isNotEmpty().allSatisfy(c -> assertThat(c.source()).isEqualTo(Source.GUESS));
    assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
    assertThat(resolution.hasNote(NoteCode.DEADLINE_PASSED)).isTrue();
  }

  @Test
  void plainHttpNeedsConfirmation() throws Exception {
    http.route("/ac/plain.cz/mail/config-v1.1.xml", Response.ok(config("plain.cz", "imap.plain.cz", "smtp.plain.cz")));
    Resolution resolution = discover("jan@plain.cz", options().build());
    assertThat(resolution.incoming().get(0).source()).isEqualTo(Source.AUTOCONFIG_HTTP);
    assertThat(resolution.incoming().get(0).trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
    assertThat(resolution.requiresConfirmation()).isTrue();
  }

  @Test
  void aRedirectToAnotherDomainNeedsConfirmationAndOneToHttpIsRefused() throws Exception {
    https.route("/ac/moved.cz/mail/config-v1.1.xml", Response.redirect("https://127.0.0.1:" + https.port() + "/elsewhere"));
    https.route("/elsewhere", Response.ok(config("moved.cz", "imap.moved.cz", "smtp.moved.cz")));
    Resolution moved = discover("jan@moved.cz", options().build());
    assertThat(moved.incoming().get(0).source()).isEqualTo(Source.AUTOCONFIG);
    assertThat(moved.incoming().get(0).trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
    assertThat(moved.incoming().get(0).reasons()).contains(Note.of(NoteCode.REDIRECTED_TO, "127.0.0.1"));

    int plainRequestsBefore = http.requestCount();
    https.route("/ac/downgrade.cz/mail/config-v1.1.xml", Response.redirect(http.base() + "/plain"));
    http.route("/plain", Response.ok(config("downgrade.cz", "imap.evil.example", "smtp.evil.example")));
    Resolution downgrade =
        discover("jan@downgrade.cz", options().sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
    assertThat(report(downgrade, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(report(downgrade, Source.AUTOCONFIG).details()).extracting(Note::code).containsExactly(NoteCode.REDIRECT_REFUSED);
    assertThat(http.requestCount()).isEqualTo(plainRequestsBefore);
  }

  @Test
  void aCertificateErrorFailsTheSourceAndNeverDowngrades() throws Exception {
    try (TestHttpServer wrongName = TestHttpServer.https(TestTls.server("other-host"))) {
      wrongName.route("/ac/tls.cz/mail/config-v1.1.xml", Response.ok(config("tls.cz", "imap.tls.cz", "smtp.tls.cz")));
      Resolution resolution =
          discover("jan@tls.cz", options()
              .autoconfigUrlTemplate(wrongName.base() + "/ac/%EMAILDOMAIN%/mail/config-v1.1.xml")
              .sources(Set.of(Source.AUTOCONFIG, Source.AUTOCONFIG_HTTP, Source.GUESS))
              .build());
      assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.ERROR);
      assertThat(report(resolution, Source.AUTOCONFIG).details()).extracting(Note::code).containsExactly(NoteCode.TLS_FAILED);
      assertThat(resolution.incoming()).allSatisfy(c -> assertThat(c.source()).isEqualTo(Source.GUESS));
    }
  }

  @Test
  void anMxHostOfAKnownHosterGivesItsRule() throws Exception {
    dns.mx("firma.cz", false, Duration.ZERO, "firma--cz.mx.spoje.net");
    Resolution resolution = discover("jan@firma.cz", options().build());
    assertThat(resolution.provider()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("spoje.net"));
    Candidate imap = resolution.incoming().get(0);
    assertThat(imap.settings().host()).isEqualTo("firma--cz.mx.spoje.net");
    assertThat(imap.sources()).contains(Source.MX, Source.BUNDLED_DATABASE);
    assertThat(imap.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
    assertThat(resolution.hostDomains()).containsExactly("spoje.net");

    dns.mx("signed.cz", true, Duration.ZERO, "signed--cz.mx.spoje.net");
    Resolution signed = discover("jan@signed.cz", options().build());
    assertThat(signed.incoming().get(0).trust()).isEqualTo(Trust.TRUSTED);
  }

  @Test
  void anMxHostLeadsToTheIspdbEntryOfItsDomain() throws Exception {
    dns.mx("customer.cz", false, Duration.ZERO, "mx1.mail.hoster-example.net");
    https.route("/ispdb/hoster-example.net", Response.ok(config("hoster-example.net", "imap.hoster-example.net", "smtp.hoster-example.net")));
    Resolution resolution = discover("jan@customer.cz", options().build());
    Candidate imap = resolution.incoming().get(0);
    assertThat(imap.settings().host()).isEqualTo("imap.hoster-example.net");
    assertThat(imap.sources()).contains(Source.MX, Source.ISPDB);
    assertThat(imap.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
    assertThat(report(resolution, Source.MX).details().get(0)).isEqualTo(
        Note.of(NoteCode.MX_DOCUMENT, "mx1.mail.hoster-example.net", https.base() + "/ispdb/hoster-example.net"));
    assertThat(https.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/ispdb/mail.hoster-example.net"));
  }

  @Test
  void srvRecordsGiveCandidatesInPriorityOrderAndDotMeansNotOffered() throws Exception {
    dns.srv("_imaps._tcp.srv.cz", 10, 0, 993, "imap2.srv.cz", false)
        .srv("_imaps._tcp.srv.cz", 5, 0, 993, "imap1.srv.cz", false)
        .srv("_submission._tcp.srv.cz", 0, 0, 587, "smtp.srv.cz", false)
        .srv("_pop3s._tcp.srv.cz", 0, 0, 0, ".", false);
    Resolution resolution = discover("jan@srv.cz", options().build());
    assertThat(resolution.incoming()).extracting(c -> c.settings().host()).containsExactly("imap1.srv.cz", "imap2.srv.cz");
    assertThat(resolution.incoming()).allSatisfy(c -> {
      assertThat(c.source()).isEqualTo(Source.SRV);
      assertThat(c.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
      assertThat(c.usernameAlternatives()).containsExactly("jan");
    });
    assertThat(resolution.outgoing().get(0).settings().security()).isEqualTo(Security.STARTTLS);
    assertThat(report(resolution, Source.SRV).details()).contains(Note.of(NoteCode.SRV_NOT_OFFERED, "_pop3s._tcp."));
  }

  @Test
  void autodiscoverGivesImapPop3AndSmtpSections() throws Exception {
    https.route("/autodiscover/ex.cz", request -> Response.ok(
        "<?xml version=\"1.0\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">"
            + "<Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\"><Account>"
            + "<AccountType>email</AccountType><Action>settings</Action>"
            + "<Protocol><Type>IMAP</Type><Server>outlook.ex.cz</Server><Port>993</Port><SSL>on</SSL><LoginName>jan@ex.cz</LoginName></Protocol>"
            + "<Protocol><Type>SMTP</Type><Server>smtp.ex.cz</Server><Port>587</Port><SSL>on</SSL><Encryption>TLS</Encryption></Protocol>"
            + "<Protocol><Type>EXCH</Type><Server>ignored</Server></Protocol>"
            + "</Account></Response></Autodiscover>"));
    Resolution resolution = discover("jan@ex.cz", options().build());
    assertThat(resolution.incoming().get(0).settings().address()).isEqualTo("outlook.ex.cz:993");
    assertThat(resolution.incoming().get(0).source()).isEqualTo(Source.AUTODISCOVER);
    assertThat(resolution.outgoing().get(0).settings().security()).isEqualTo(Security.STARTTLS);
    assertThat(https.requests()).anySatisfy(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<EMailAddress>jan@ex.cz</EMailAddress>");
    });
  }

  @Test
  void theSameServerFromTwoSourcesAppearsOnceWithBoth() throws Exception {
    // The ISPDB answers last: once it has, SRV could no longer change the answer, and the run ends.
    https.route("/ispdb/both.cz", Response.ok(config("both.cz", "imap.both.cz", "smtp.both.cz")).delayed(Duration.ofMillis(700)));
    dns.srv("_imaps._tcp.both.cz", 0, 0, 993, "imap.both.cz", false);
    Resolution resolution =
        discover("jan@both.cz", options().sources(Set.of(Source.ISPDB, Source.SRV, Source.GUESS)).build());
    assertThat(resolution.incoming()).hasSize(1);
    assertThat(resolution.incoming().get(0).sources()).containsExactly(Source.ISPDB, Source.SRV);
    assertThat(resolution.incoming().get(0).trust()).isEqualTo(Trust.TRUSTED);
  }

  @Test
  void aSharedCacheAsksEachDomainsSourcesOnce() throws Exception {
    https.route("/wk/cached.cz/.well-known/autoconfig/mail/config-v1.1.xml", Response.ok(config("cached.cz", "imap.cached.cz", "smtp.cached.cz")));
    dns.mx("cached.cz", false, Duration.ZERO, "mx.cached.cz");
    DiscoveryOptions cached = options().sources(Set.of(Source.WELL_KNOWN, Source.MX, Source.GUESS)).build();
    Resolution first = discover("jan@cached.cz", cached);
    int httpAfterFirst = https.requestCount();
    int dnsAfterFirst = dns.queryCount();
    Resolution second = discover("petr@cached.cz", cached);
    assertThat(https.requestCount()).isEqualTo(httpAfterFirst);
    assertThat(dns.queryCount()).isEqualTo(dnsAfterFirst);
    assertThat(first.incoming().get(0).settings().username()).isEqualTo("jan@cached.cz");
    assertThat(second.incoming().get(0).settings().username()).isEqualTo("petr@cached.cz");

    try (MailSettingsResolver uncached = client().cacheSize(0).build()) {
      uncached.discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@cached.cz")), cached);
      assertThat(https.requestCount()).isGreaterThan(httpAfterFirst);
    }
  }

  @Test
  void theListenerHearsEverySourceAndTheReportsSayWhatWasAsked() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    DiscoveryListener listener = new DiscoveryListener() {
      @Override
      public void started(Source source, String query) {
        events.add("start " + source);
      }

      @Override
      public void finished(SourceReport report) {
        events.add("end " + report.source());
      }
    };
    Resolution resolution = discover("jan@nothing-here.cz", options().listener(listener).build());
    assertThat(resolution.sourceReports()).extracting(SourceReport::source)
        .contains(Source.BUNDLED_DATABASE, Source.AUTOCONFIG, Source.WELL_KNOWN, Source.ISPDB, Source.AUTOCONFIG_HTTP,
            Source.MX, Source.SRV, Source.AUTODISCOVER, Source.GUESS);
    assertThat(report(resolution, Source.ISPDB).query()).isEqualTo(https.base() + "/ispdb/nothing-here.cz");
    assertThat(report(resolution, Source.ISPDB).outcome()).isEqualTo(SourceOutcome.NOTHING);
    assertThat(report(resolution, Source.MX).outcome()).isEqualTo(SourceOutcome.NOTHING);
    for (Source source : List.of(Source.AUTOCONFIG, Source.MX, Source.SRV, Source.GUESS)) {
      assertThat(events).contains("start " + source, "end " + source);
    }
    assertThat(resolution.incoming()).allSatisfy(c -> assertThat(c.source()).isEqualTo(Source.GUESS));
  }

  @Test
  void oneAfterAnotherGivesTheSameAnswer() throws Exception {
    https.route("/ispdb/seq.cz", Response.ok(config("seq.cz", "imap.seq.cz", "smtp.seq.cz")));
    Resolution parallel = discover("jan@seq.cz", options().build());
    Resolution sequential = discover("jan@seq.cz", options().parallel(false).build());
    assertThat(sequential.incoming()).isEqualTo(parallel.incoming());
    assertThat(sequential.outgoing()).isEqualTo(parallel.outgoing());
  }

  /** Waits until no exchange of the server is held open by a client: every one was aborted. */
  private static void awaitNoHangingExchanges(TestHttpServer server) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (server.hangingRequests() > 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(server.hangingRequests()).as("exchanges still open").isZero();
  }

  @Test
  void cancellingTheFutureStopsEverySourceAndClosesItsConnections() throws Exception {
    https.route("/ac/hang.cz/mail/config-v1.1.xml", Response.neverAnswer());
    https.route("/ispdb/hang.cz", Response.neverAnswer());
    java.util.concurrent.CompletableFuture<Resolution> future = resolver.discover(
        ResolutionRequest.of(EmailAddress.parse("jan@hang.cz")),
        options().requestTimeout(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(30)).build());
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (https.hangingRequests() < 2 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(https.hangingRequests()).isEqualTo(2);
    assertThat(future.cancel(true)).isTrue();
    awaitNoHangingExchanges(https);
  }

  @Test
  void theMxSourcesLookupsAreStoppedWhenTheDiscoveryEnds() throws Exception {
    dns.mx("mxhang.cz", false, Duration.ZERO, "mx1.hang-hoster.example");
    https.route("/ispdb/hang-hoster.example", Response.neverAnswer());
    Resolution resolution = discover("jan@mxhang.cz", options()
        .sources(Set.of(Source.MX, Source.GUESS)).deadline(Duration.ofMillis(800)).requestTimeout(Duration.ofSeconds(30)).build());
    assertThat(report(resolution, Source.MX).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
    assertThat(https.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/ispdb/hang-hoster.example"));
    awaitNoHangingExchanges(https);
  }

  @Test
  void offlineResolutionAndDiscoveryAgreeOnMxHintsProviderFilesAndPrivateAddresses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    // Every network source fails at once: nothing answers on these ports.
    DiscoveryOptions failing = options().build();
    ResolutionRequest hinted = ResolutionRequest.builder().address(EmailAddress.parse("jan@firma.cz"))
        .addMxHosts("mx.unknown-hoster.example", "firma--cz.mx.spoje.net").build();
    Resolution offline = resolver.resolve(hinted);
    Resolution discovered = resolver.discoverAndWait(hinted, failing);
    assertThat(offline.provider()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("spoje.net"));
    assertThat(discovered.provider()).isEqualTo(offline.provider());
    assertThat(discovered.incoming()).isEqualTo(offline.incoming());
    assertThat(discovered.outgoing()).isEqualTo(offline.outgoing());

    java.nio.file.Files.writeString(dir.resolve("intranet.xml"),
        "<clientConfig version='1.1'><emailProvider id='private.cz'><domain>private.cz</domain>"
            + "<incomingServer type='imap'><hostname>10.0.0.5</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
            + "<username>%EMAILADDRESS%</username></incomingServer>"
            + "<outgoingServer type='smtp'><hostname>10.0.0.5</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
            + "<username>%EMAILADDRESS%</username></outgoingServer></emailProvider></clientConfig>");
    try (MailSettingsResolver withFiles = client().addProviderDirectory(dir).build()) {
      ResolutionRequest request = ResolutionRequest.of(EmailAddress.parse("jan@private.cz"));
      Resolution own = withFiles.resolve(request);
      Resolution ownDiscovered = withFiles.discoverAndWait(request, failing);
      assertThat(own.incoming().get(0).trust()).isEqualTo(Trust.TRUSTED); // the application's own files
      assertThat(ownDiscovered.incoming()).isEqualTo(own.incoming());
    }

    // A document that is not the application's own, pointing a public domain at a private address.
    ProviderDatabase hostile = ProviderDatabase.of("test", List.of(org.mailsettings.clientconfig.ClientConfigParser.defaults().parse(
        "<clientConfig version='1.1'><emailProvider id='x'><domain>mx-private.cz</domain></emailProvider></clientConfig>", "x")));
    assertThat(hostile.source()).isEqualTo(Source.LOCAL_FILE);
    dns.mx("pointing.cz", false, Duration.ZERO, "mx.pointing.cz");
    https.route("/ac/pointing.cz/mail/config-v1.1.xml", Response.ok(config("pointing.cz", "127.0.0.1", "::ffff:7f00:1")));
    Resolution pointing = discover("jan@pointing.cz", options().build());
    assertThat(pointing.incoming().get(0).trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
    assertThat(pointing.incoming().get(0).reasons()).extracting(Note::code).contains(NoteCode.PRIVATE_ADDRESS);
    assertThat(pointing.outgoing().get(0).settings().host()).isEqualTo("::ffff:127.0.0.1");
    assertThat(pointing.outgoing().get(0).trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
  }

  @Test
  void aClosedClientEndsItsThreadsAndRefusesWork() throws Exception {
    https.route("/ispdb/threads.cz", Response.ok(config("threads.cz", "imap.threads.cz", "smtp.threads.cz")));
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    MailSettingsResolver client = client().build();
    client.discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@threads.cz")), options().build());
    assertThat(startedSince(before)).isNotEmpty();
    client.close();
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (!startedSince(before).isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(startedSince(before)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.discover(ResolutionRequest.of(EmailAddress.parse("jan@threads.cz")), options().build()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(client.resolve("info@vizus.cz").provider()).isPresent(); // offline still answers
  }

  /**
   * The client's threads started since {@code before} and still alive: its workers and timer, and
   * from Java 21 on (where HttpClient can be closed) the HTTP client's selector.
   */
  private static List<String> startedSince(Set<Thread> before) {
    boolean closableHttp = Runtime.version().feature() >= 21;
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .map(Thread::getName)
        .filter(n -> n.startsWith("mailsettings-") || (closableHttp && n.startsWith("HttpClient-")))
        .collect(java.util.stream.Collectors.toList());
  }
}
