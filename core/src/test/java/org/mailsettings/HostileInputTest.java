package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;
import org.xbill.DNS.Type;

/** Hostile documents and hostile servers: each ends within its bound with a clear outcome. */
class HostileInputTest {

  /** An endless stream that counts what was read from it. */
  private static final class Endless extends InputStream {
    final AtomicLong read = new AtomicLong();
    private final byte[] prefix = "<clientConfig><emailProvider id=\"x\"><displayName>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public int read() {
      long n = read.getAndIncrement();
      return n < prefix.length ? prefix[(int) n] : 'a';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }

  @Test
  @Timeout(10)
  void aFiftyMegabyteBodyIsRefusedAfterTheCapWithoutReadingItAll() {
    Endless body = new Endless();
    assertThatThrownBy(() -> ClientConfigParser.defaults().parse(body, "huge"))
        .isInstanceOfSatisfying(ClientConfigException.class, e -> assertThat(e.reason()).isEqualTo(ClientConfigException.Reason.TOO_LARGE));
    assertThat(body.read.get()).isLessThanOrEqualTo(ClientConfigParser.DEFAULT_MAX_BYTES + 65536L).isLessThan(50L << 20);
  }

  @Test
  void outOfRangeAndNonNumericPortsDropTheirSectionAlone() {
    String xml = "<clientConfig><emailProvider id=\"p\">"
        + "<incomingServer type=\"imap\"><hostname>a.example</hostname><port>0</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
        + "<incomingServer type=\"imap\"><hostname>b.example</hostname><port>65536</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
        + "<incomingServer type=\"imap\"><hostname>c.example</hostname><port>99x</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
        + "<incomingServer type=\"imap\"><hostname>d.example</hostname><port>-993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
        + "<incomingServer type=\"imap\"><hostname>e.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
        + "</emailProvider></clientConfig>";
    var config = ClientConfigParser.defaults().parse(xml, "ports");
    assertThat(config.emailProviders().get(0).incomingServers()).extracting(s -> s.hostname()).containsExactly("e.example");
    // Each bad value is named where it stands, and its section as left out.
    assertThat(config.warnings()).hasSize(8);
    assertThat(config.warnings())
        .filteredOn(w -> w.contains("ignored: not a port number"))
        .map(w -> w.replaceFirst("^line \\d+: port (\"[^\"]*\") .*$", "$1"))
        .containsExactly("\"0\"", "\"65536\"", "\"99x\"", "\"-993\"");
    assertThat(config.warnings()).filteredOn(w -> w.endsWith("ignored: no usable port")).hasSize(4);
  }

  @Test
  void settingsOfAPublicDomainPointingAtLoopbackOrPrivateAddressesAreFlagged() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost"));
        TestDnsServer dns = new TestDnsServer()) {
      https.route("/ac/public.cz", Response.ok(
          "<clientConfig><emailProvider id=\"public.cz\"><domain>public.cz</domain>"
              + "<incomingServer type=\"imap\"><hostname>192.168.1.10</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
              + "<outgoingServer type=\"smtp\"><hostname>localhost</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></outgoingServer>"
              + "</emailProvider></clientConfig>"));
      Resolution resolution = client(dns).discoverAndWait(
          ResolutionRequest.of(EmailAddress.parse("jan@public.cz")),
          DiscoveryOptions.builder()
              .autoconfigUrlTemplate(https.base() + "/ac/%EMAILDOMAIN%")
              .sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
      assertThat(resolution.incoming().get(0).trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
      assertThat(resolution.incoming().get(0).reasons()).extracting(Note::code).contains(NoteCode.PRIVATE_ADDRESS);
      assertThat(resolution.outgoing().get(0).trust()).isEqualTo(Trust.NEEDS_CONFIRMATION);
      assertThat(resolution.requiresConfirmation()).isTrue();
    }
  }

  private final java.util.List<MailSettingsResolver> clients = new java.util.ArrayList<>();

  /** A client asking the test's DNS server and trusting the test CA, closed after the test. */
  private MailSettingsResolver client(TestDnsServer dns) {
    MailSettingsResolver client = MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port()).build();
    clients.add(client);
    return client;
  }

  @org.junit.jupiter.api.AfterEach
  void closeClients() {
    clients.forEach(MailSettingsResolver::close);
  }

  private static DiscoveryOptions.Builder options(TestHttpServer https, TestDnsServer dns) {
    return DiscoveryOptions.builder()
        .autoconfigUrlTemplate(https.base() + "/ac/%EMAILDOMAIN%")
        .ispdbBaseUrl(https.base() + "/ispdb/")
        // Generous: a first TLS handshake on a loaded two-core machine takes seconds.
        .requestTimeout(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(20));
  }

  private static SourceReport report(Resolution resolution, Source source) {
    return resolution.sourceReports().stream().filter(r -> r.source() == source).findFirst().orElseThrow();
  }

  @Test
  void anHttpServerTricklingOneByteASecondTimesOutWithinTheRequestBound() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      https.route("/ac/slow.cz", Response.ok("<clientConfig>" + " ".repeat(100) + "</clientConfig>").trickled(Duration.ofSeconds(1)));
      long start = System.nanoTime();
      Resolution resolution = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@slow.cz")),
          options(https, dns).requestTimeout(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(4))
              .sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
      assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }
  }

  @Test
  void aRedirectLoopEndsAfterAFewHops() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      https.route("/ac/loop.cz", Response.redirect("/loop-a"));
      https.route("/loop-a", Response.redirect("/loop-b"));
      https.route("/loop-b", Response.redirect("/loop-a"));
      Resolution resolution = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@loop.cz")),
          options(https, dns).sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
      assertThat(report(resolution, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.ERROR);
      assertThat(report(resolution, Source.AUTOCONFIG).details()).extracting(Note::code).containsExactly(NoteCode.REDIRECT_REFUSED);
      assertThat(https.requestCount()).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void malformedHugeAndContradictoryDnsAnswersEndCleanly() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      // Garbage after a valid header.
      dns.raw("garbage.cz", Type.MX, new byte[] {0, 0, (byte) 0x81, (byte) 0x80, 0, 1, 0, 5, 0, 0, 0, 0, 1, 2, 3});
      Resolution garbage = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@garbage.cz")),
          options(https, dns).sources(Set.of(Source.MX, Source.GUESS)).build());
      assertThat(report(garbage, Source.MX).outcome()).isIn(SourceOutcome.ERROR, SourceOutcome.TIMEOUT);
      assertThat(garbage.incoming()).allSatisfy(c -> assertThat(c.source()).isEqualTo(Source.GUESS));

      // Many records.
      String[] hosts = new String[150];
      for (int i = 0; i < hosts.length; i++) {
        hosts[i] = "mx" + i + ".big-hoster-example.net";
      }
      dns.mx("big.cz", false, Duration.ZERO, hosts);
      Resolution big = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@big.cz")),
          options(https, dns).sources(Set.of(Source.MX, Source.GUESS)).build());
      assertThat(report(big, Source.MX).outcome()).isIn(SourceOutcome.NOTHING, SourceOutcome.ERROR);

      // Contradictory SRV: the same service "not offered" and offered.
      dns.srv("_imaps._tcp.contra.cz", 0, 0, 0, ".", false).srv("_imaps._tcp.contra.cz", 0, 0, 993, "imap.contra.cz", false);
      Resolution contradictory = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@contra.cz")),
          options(https, dns).sources(Set.of(Source.SRV, Source.GUESS)).build());
      assertThat(contradictory.incoming()).noneSatisfy(c -> {
        assertThat(c.source()).isEqualTo(Source.SRV);
        assertThat(c.settings().host()).isEqualTo("imap.contra.cz");
      });
    }
  }

  @Test
  void exactlyThreeRedirectsAreFollowedAndTheFourthIsRefused() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      https.route("/ac/three.cz", Response.redirect("/three-1"));
      https.route("/three-1", Response.redirect("/three-2"));
      https.route("/three-2", Response.redirect("/three-3"));
      https.route("/three-3", Response.ok(DiscoveryTest.config("three.cz", "imap.three.cz", "smtp.three.cz")));
      Resolution three = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@three.cz")),
          options(https, dns).sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
      assertThat(report(three, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.FOUND);
      assertThat(three.incoming().get(0).settings().host()).isEqualTo("imap.three.cz");

      https.route("/ac/four.cz", Response.redirect("/four-1"));
      https.route("/four-1", Response.redirect("/four-2"));
      https.route("/four-2", Response.redirect("/four-3"));
      https.route("/four-3", Response.redirect("/four-4"));
      https.route("/four-4", Response.ok(DiscoveryTest.config("four.cz", "imap.four.cz", "smtp.four.cz")));
      Resolution four = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@four.cz")),
          options(https, dns).sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
      assertThat(report(four, Source.AUTOCONFIG).outcome()).isEqualTo(SourceOutcome.ERROR);
      assertThat(report(four, Source.AUTOCONFIG).details()).extracting(Note::code).containsExactly(NoteCode.REDIRECT_REFUSED);
      assertThat(https.requests()).noneSatisfy(r -> assertThat(r.path()).isEqualTo("/four-4"));
    }
  }

  @Test
  void dnsRecordsForANameThatWasNotAskedAreIgnored() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      // An answer for owner.cz carrying an MX record of another name (a cache-poisoning attempt).
      dns.mxFor("owner.cz", "victim.cz", "firma--cz.mx.spoje.net");
      Resolution resolution = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@owner.cz")),
          options(https, dns).sources(Set.of(Source.MX, Source.GUESS)).build());
      assertThat(report(resolution, Source.MX).outcome()).isEqualTo(SourceOutcome.NOTHING);
      assertThat(resolution.provider()).isEmpty();
    }
  }

  @Test
  void aHostileDocumentsTextCannotReachATerminalRaw() throws Exception {
    try (TestHttpServer https = TestHttpServer.https(TestTls.server("localhost")); TestDnsServer dns = new TestDnsServer()) {
      https.route("/ac/escape.cz", Response.ok(
          "<clientConfig><emailProvider id=\"escape.cz\"><domain>escape.cz</domain>"
              + "<displayName>Evil\u009b2J\u009d0;title\u009c&#13;&#10;| fake | row |\u202Egnp.exe</displayName>"
              + "<incomingServer type=\"imap\"><hostname>imap.escape.cz</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
              + "</emailProvider></clientConfig>"));
      Resolution resolution = client(dns).discoverAndWait(ResolutionRequest.of(EmailAddress.parse("jan@escape.cz")),
          options(https, dns).sources(Set.of(Source.AUTOCONFIG, Source.GUESS)).build());
      String name = resolution.provider().orElseThrow(() -> new AssertionError(resolution.sourceReports())).name();
      assertThat(name).startsWith("Evil").doesNotContain("\u009b", "\u009d", "\u009c", "\r", "\n", "\u202E");
    }
  }
}
