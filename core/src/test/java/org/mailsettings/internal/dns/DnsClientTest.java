package org.mailsettings.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailsettings.testing.TestDnsServer;
import org.xbill.DNS.Type;

class DnsClientTest {
  private TestDnsServer server;
  private ExecutorService executor;
  private ScheduledExecutorService timer;

  @BeforeEach
  void start() throws Exception {
    server = new TestDnsServer();
    executor = Executors.newFixedThreadPool(2);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    server.close();
    executor.shutdownNow();
    timer.shutdownNow();
  }

  private DnsClient client(Duration timeout) throws Exception {
    return DnsClient.create(new InetSocketAddress("127.0.0.1", server.port()), timeout, executor, timer);
  }

  /** A lost UDP query is sent again within the timeout, instead of costing all of it. */
  @Test
  void aLostQueryIsSentAgain() throws Exception {
    server.mx("lossy.example", false, Duration.ZERO, "mx.lossy.example").loseNext("lossy.example", Type.MX, 2);

    DnsClient.Answer<DnsClient.MxHost> answer = client(Duration.ofMillis(1500)).mx("lossy.example").get(10, TimeUnit.SECONDS);

    assertThat(answer.records()).extracting(DnsClient.MxHost::host).containsExactly("mx.lossy.example");
    assertThat(server.queryCount()).isEqualTo(3); // lost, lost, answered
  }

  /** An answered query is not sent again. */
  @Test
  void anAnsweredQueryIsSentOnce() throws Exception {
    server.mx("fine.example", false, Duration.ZERO, "mx.fine.example");
    DnsClient client = client(Duration.ofMillis(600));

    assertThat(client.mx("fine.example").get(10, TimeUnit.SECONDS).records()).hasSize(1);
    Thread.sleep(700); // past the times it would have been sent again
    assertThat(server.queryCount()).isEqualTo(1);
  }
}
