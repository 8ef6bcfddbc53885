package org.mailsettings.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Source;
import org.mailsettings.testing.TestDnsServer;
import org.mailsettings.testing.TestHttpServer;
import org.mailsettings.testing.TestHttpServer.Response;
import org.mailsettings.testing.TestTls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Discovery against loopback HTTPS and DNS servers that answer after set delays:
 *
 * <ul>
 *   <li>{@code mxChain}: autoconfig 1.1 404 after 300 ms, ISPDB 404 after 200 ms, MX after 100 ms
 *       then the ISPDB for the MX domain after 150 ms: the MX chain (250 ms) decides; the critical
 *       path is the slowest better-ranked source, 300 ms.
 *   <li>{@code autoconfigWins}: autoconfig found after 300 ms, ISPDB found after 200 ms, MX chain
 *       250 ms: autoconfig outranks the others, so the critical path is 300 ms.
 *   <li>{@code hang}: autoconfig never answers; the deadline (500 ms) ends the run.
 * </ul>
 *
 * {@code parallel=false} runs the same sources one after another, for contrast. Read the time
 * against the critical path (300 ms; 500 ms for {@code hang}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
@State(Scope.Benchmark)
public class DiscoveryBenchmark {
  @Param({"mxChain", "autoconfigWins", "hang"})
  public String scenario = "mxChain";

  @Param({"true", "false"})
  public boolean parallel = true;

  private TestHttpServer https;
  private TestDnsServer dns;
  private MailSettingsResolver resolver;
  private DiscoveryOptions options;
  private ResolutionRequest request;

  private static String config(String domain) {
    return "<clientConfig><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<incomingServer type=\"imap\"><hostname>imap." + domain + "</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
        + "<username>%EMAILADDRESS%</username></incomingServer>"
        + "<outgoingServer type=\"smtp\"><hostname>smtp." + domain + "</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
        + "<username>%EMAILADDRESS%</username></outgoingServer></emailProvider></clientConfig>";
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    System.setProperty("mailsettings.tls", System.getProperty("mailsettings.tls", "core/src/test/resources/tls"));
    https = TestHttpServer.https(TestTls.server("localhost"));
    dns = new TestDnsServer();
    String domain = "firma.example";
    boolean found = scenario.equals("autoconfigWins");
    https.route("/ac/" + domain, scenario.equals("hang")
        ? Response.neverAnswer()
        : (found ? Response.ok(config(domain)) : Response.status(404)).delayed(Duration.ofMillis(300)));
    https.route("/ispdb/" + domain, (found ? Response.ok(config(domain)) : Response.status(404)).delayed(Duration.ofMillis(200)));
    https.route("/ispdb/hoster.example", Response.ok(config("hoster.example")).delayed(Duration.ofMillis(150)));
    dns.mx(domain, false, Duration.ofMillis(100), "mx1.hoster.example");
    // No cache: every discovery asks its sources, as a first discovery of a domain does.
    resolver = MailSettingsResolver.builder().sslContext(TestTls.client()).dnsServer("127.0.0.1", dns.port()).cacheSize(0).build();
    request = ResolutionRequest.of(EmailAddress.parse("jan@" + domain));
    options = DiscoveryOptions.builder()
        .deadline(Duration.ofMillis(scenario.equals("hang") ? 500 : 5000))
        .requestTimeout(Duration.ofSeconds(10))
        .autoconfigUrlTemplate(https.base() + "/ac/%EMAILDOMAIN%")
        .ispdbBaseUrl(https.base() + "/ispdb/")
        .sources(Set.of(Source.BUNDLED_DATABASE, Source.AUTOCONFIG, Source.ISPDB, Source.MX, Source.GUESS))
        .parallel(parallel)
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    resolver.close();
    https.close();
    dns.close();
  }

  @Benchmark
  public Resolution discover() throws InterruptedException {
    Resolution resolution = resolver.discoverAndWait(request, options);
    if (resolution.incoming().isEmpty()) {
      throw new IllegalStateException("nothing found: " + resolution.sourceReports());
    }
    return resolution;
  }

  /** The sources used, for the README. */
  static List<Source> sources() {
    return List.of(Source.BUNDLED_DATABASE, Source.AUTOCONFIG, Source.ISPDB, Source.MX, Source.GUESS);
  }
}
