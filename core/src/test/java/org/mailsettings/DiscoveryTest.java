package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
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
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();
  private TestHttpServer https;
  private TestHttpServer http;
  private TestDnsServer dns;

  @BeforeEach
  void start() throws Exception {
    https = TestHttpServer.https(TestTls.server("localhost"));
    http = TestHttpServer.http();
    dns = new TestDnsServer();
  }

  @AfterEach
  void stop() throws Exception {
    https.close();
    http.close();
    dns.close();
  }

  private DiscoveryOptions.Builder options() {
    return DiscoveryOptions.builder()
        .deadline(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(2))
        .connectTimeout(Duration.ofSeconds(1))
        .sslContext(TestTls.client())
        .dnsServer("127.0.0.1", dns.port())
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
    return RESOLVER.discoverAndWait(ResolutionRequest.of(EmailAddress.parse(address)), options);
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
    assertThat(resolution.notes()).anySatisfy(n -> assertThat(n).contains("deadline"));
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
    assertThat(moved.incoming().get(0).reason()).contains("redirected to 127.0.0.1");

    int plainRequestsBefore = http.requestCount();
    https.route("/ac/downgrade.cz/mail/config-v1.1.xml", Response.redirect(http.base() + "/plain"));
    http.route("/plain", Response.ok(config("downgrade.cz", "imap.evil.example", "smtp.evil.example")));
    Resolution downgrade =
        discover("jan@downgrade.cz", options().sources(EnumSet.of(Source.AUTOCONFIG, Source.GUESS)).build());
    assertThat(report(downgrade, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.ERROR);
    assertThat(report(downgrade, Source.AUTOCONFIG).detail()).contains("only HTTPS");
    assertThat(http.requestCount()).isEqualTo(plainRequestsBefore);
  }

  @Test
  void aCertificateErrorFailsTheSourceAndNeverDowngrades() throws Exception {
    try (TestHttpServer wrongName = TestHttpServer.https(TestTls.server("other-host"))) {
      wrongName.route("/ac/tls.cz/mail/config-v1.1.xml", Response.ok(config("tls.cz", "imap.tls.cz", "smtp.tls.cz")));
      Resolution resolution =
          discover("jan@tls.cz", options()
              .autoconfigUrlTemplate(wrongName.base() + "/ac/%EMAILDOMAIN%/mail/config-v1.1.xml")
              .sources(EnumSet.of(Source.AUTOCONFIG, Source.AUTOCONFIG_HTTP, Source.GUESS))
              .build());
      assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.ERROR);
      assertThat(report(resolution, Source.AUTOCONFIG).detail()).contains("TLS");
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
    assertThat(report(resolution, Source.MX).detail()).contains("mx1.mail.hoster-example.net");
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
    assertThat(report(resolution, Source.SRV).detail()).contains("_pop3s._tcp. not offered");
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
    https.route("/ispdb/both.cz", Response.ok(config("both.cz", "imap.both.cz", "smtp.both.cz")));
    dns.srv("_imaps._tcp.both.cz", 0, 0, 993, "imap.both.cz", false);
    Resolution resolution =
        discover("jan@both.cz", options().sources(EnumSet.of(Source.ISPDB, Source.SRV, Source.GUESS)).build());
    assertThat(resolution.incoming()).hasSize(1);
    assertThat(resolution.incoming().get(0).sources()).containsExactly(Source.ISPDB, Source.SRV);
    assertThat(resolution.incoming().get(0).trust()).isEqualTo(Trust.TRUSTED);
  }

  @Test
  void aSharedCacheAsksEachDomainsSourcesOnce() throws Exception {
    https.route("/wk/cached.cz/.well-known/autoconfig/mail/config-v1.1.xml", Response.ok(config("cached.cz", "imap.cached.cz", "smtp.cached.cz")));
    dns.mx("cached.cz", false, Duration.ZERO, "mx.cached.cz");
    DiscoveryCache cache = DiscoveryCache.create(100);
    DiscoveryOptions cached =
        options().cache(cache).sources(EnumSet.of(Source.WELL_KNOWN, Source.MX, Source.GUESS)).build();
    Resolution first = discover("jan@cached.cz", cached);
    int httpAfterFirst = https.requestCount();
    int dnsAfterFirst = dns.queryCount();
    Resolution second = discover("petr@cached.cz", cached);
    assertThat(https.requestCount()).isEqualTo(httpAfterFirst);
    assertThat(dns.queryCount()).isEqualTo(dnsAfterFirst);
    assertThat(first.incoming().get(0).settings().username()).isEqualTo("jan@cached.cz");
    assertThat(second.incoming().get(0).settings().username()).isEqualTo("petr@cached.cz");
    assertThat(cache.size()).isPositive();
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
}
