package org.mailsettings.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.internal.net.HostNames;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS answers from the wire: dnsjava parses the bytes into a {@link Message} (or refuses them,
 * as the resolver would), then {@link DnsClient#readMx} and
 * {@link DnsClient#readSrv} read it for the name its question asks (or {@code example.cz}).
 * Nothing may come out of the reading; MX hosts are host names discovery can use, SRV targets
 * have a port and give settings or an {@link InvalidSettingsException} (which SrvTask reports).
 *
 * <p>Seeds: real answer shapes built with dnsjava below (MX, CNAME chains, SRV with "." for "not
 * offered", NXDOMAIN with an SOA, records slipped in for other names) as wire bytes.
 */
@Timeout(10)
class DnsAnswerFuzzTest {
  static Stream<Arguments> read() throws IOException {
    List<Arguments> seeds = new ArrayList<>();
    seeds.add(seed("mx-two-hosts", answer("example.cz.", Type.MX, false,
        new MXRecord(name("example.cz."), DClass.IN, 3600, 10, name("mx1.example.cz.")),
        new MXRecord(name("example.cz."), DClass.IN, 3600, 20, name("mx2.example.cz.")))));
    seeds.add(seed("mx-hoster-authenticated", answer("firma.cz.", Type.MX, true,
        new MXRecord(name("firma.cz."), DClass.IN, 300, 10, name("firma--cz.mx.spoje.net.")))));
    seeds.add(seed("mx-google", answer("vizus-test.cz.", Type.MX, false,
        new MXRecord(name("vizus-test.cz."), DClass.IN, 3600, 1, name("aspmx.l.google.com.")),
        new MXRecord(name("vizus-test.cz."), DClass.IN, 3600, 5, name("alt1.aspmx.l.google.com.")),
        new MXRecord(name("vizus-test.cz."), DClass.IN, 3600, 10, name("alt3.aspmx.l.google.com.")))));
    seeds.add(seed("mx-null-rfc7505", answer("no-mail.cz.", Type.MX, false,
        new MXRecord(name("no-mail.cz."), DClass.IN, 3600, 0, Name.root))));
    seeds.add(seed("mx-cname-chain", answer("mail.example.sk.", Type.MX, false,
        new CNAMERecord(name("mail.example.sk."), DClass.IN, 600, name("alias.hoster.sk.")),
        new CNAMERecord(name("alias.hoster.sk."), DClass.IN, 600, name("mx.hoster.sk.")),
        new MXRecord(name("mx.hoster.sk."), DClass.IN, 600, 10, name("smtp.hoster.sk.")))));
    seeds.add(seed("mx-slipped-in", answer("example.si.", Type.MX, false,
        new MXRecord(name("example.si."), DClass.IN, 3600, 10, name("mail.example.si.")),
        new MXRecord(name("attacker.example."), DClass.IN, 3600, 0, name("mx.attacker.example.")))));
    seeds.add(seed("srv-imaps-submission", answer("_imaps._tcp.example.cz.", Type.SRV, true,
        new SRVRecord(name("_imaps._tcp.example.cz."), DClass.IN, 3600, 0, 1, 993, name("imap.example.cz.")),
        new SRVRecord(name("_imaps._tcp.example.cz."), DClass.IN, 3600, 10, 5, 993, name("imap2.example.cz.")))));
    seeds.add(seed("srv-not-offered", answer("_pop3._tcp.example.cz.", Type.SRV, false,
        new SRVRecord(name("_pop3._tcp.example.cz."), DClass.IN, 3600, 0, 0, 0, Name.root))));
    seeds.add(seed("srv-submission-txt", answer("_submission._tcp.example.cz.", Type.SRV, false,
        new SRVRecord(name("_submission._tcp.example.cz."), DClass.IN, 86400, 0, 1, 587, name("smtp.example.cz.")),
        new TXTRecord(name("_submission._tcp.example.cz."), DClass.IN, 86400, "v=spf1 -all"))));
    Message nxdomain = answer("unknown.cz.", Type.MX, false);
    nxdomain.getHeader().setRcode(Rcode.NXDOMAIN);
    nxdomain.addRecord(new SOARecord(name("cz."), DClass.IN, 900, name("a.ns.nic.cz."), name("hostmaster.nic.cz."),
        2026112201L, 900, 300, 604800, 900), Section.AUTHORITY);
    seeds.add(seed("nxdomain-soa", nxdomain));
    return seeds.stream();
  }

  @MethodSource
  @FuzzTest
  void read(byte[] data) {
    Message message;
    try {
      message = new Message(data);
    } catch (IOException | IllegalArgumentException refused) {
      // dnsjava refuses it: a WireParseException, or one of its IllegalArgumentExceptions for a
      // value out of range (InvalidTTLException for a TTL with the top bit set, ...). DnsClient
      // never reads such a message: the lookup fails or times out, and discovery reports that.
      return;
    }
    String asked = "example.cz";
    Record question = message.getQuestion();
    if (question != null) {
      asked = question.getName().toString();
    }
    DnsClient.Answer<DnsClient.MxHost> mx = DnsClient.readMx(message, asked);
    for (DnsClient.MxHost host : mx.records()) {
      assertThat(HostNames.normalise(host.host())).as("MX host %s", host.host()).contains(host.host());
      assertThat(HostNames.isIpLiteral(host.host())).isFalse();
    }
    assertThat(mx.ttl().isNegative()).isFalse();
    DnsClient.Answer<DnsClient.SrvTarget> srv = DnsClient.readSrv(message, asked);
    for (DnsClient.SrvTarget target : srv.records()) {
      assertThat(target.host()).isNotEmpty();
      assertThat(target.port()).isBetween(1, 65535);
      try {
        ServerSettings.builder().protocol(Protocol.IMAP).host(target.host()).port(target.port())
            .security(Security.IMPLICIT_TLS).username("jan@example.cz").build();
      } catch (InvalidSettingsException ignored) {
        // reported by SrvTask as an ignored target
      }
    }
    assertThat(srv.notOffered() && !srv.records().isEmpty()).isFalse();
  }

  private static Arguments seed(String name, Message message) {
    return Arguments.of(Named.of(name, message.toWire()));
  }

  private static Message answer(String asked, int type, boolean authenticated, Record... records) throws TextParseException {
    Message message = Message.newQuery(Record.newRecord(name(asked), type, DClass.IN));
    message.getHeader().setFlag(Flags.QR);
    message.getHeader().setFlag(Flags.RD);
    message.getHeader().setFlag(Flags.RA);
    if (authenticated) {
      message.getHeader().setFlag(Flags.AD);
    }
    for (Record record : records) {
      message.addRecord(record, Section.ANSWER);
    }
    return message;
  }

  private static Name name(String text) throws TextParseException {
    return Name.fromString(text);
  }
}
