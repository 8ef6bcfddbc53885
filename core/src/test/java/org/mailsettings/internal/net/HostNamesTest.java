package org.mailsettings.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "0::1", "0000:0000::0001", "[::1]",
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::FFFF:7F00:0001", "::127.0.0.1", "64:ff9b::127.0.0.1",
      "10.0.0.1", "::ffff:10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "::ffff:c0a8:101",
      "169.254.169.254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "100.64.0.1", "0.0.0.0", "::",
      "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "224.0.0.1", "255.255.255.255",
      "localhost", "LOCALHOST.", "mail.localhost"})
  void everySpellingOfALocalOrPrivateAddressIsFlagged(String host) {
    assertThat(HostNames.isLocalOrPrivate(host)).as(host).isTrue();
    HostNames.normalise(host).ifPresent(n -> assertThat(HostNames.isLocalOrPrivate(n)).as(n).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "100.128.0.1", "169.255.0.1",
      "2001:db8::1", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "mail.vizus.cz", "localhost.cz"})
  void publicAddressesAndNamesAreNot(String host) {
    assertThat(HostNames.isLocalOrPrivate(host)).as(host).isFalse();
  }

  @Test
  void ipv6LiteralsAreWrittenCanonically() {
    assertThat(HostNames.normalise("0:0:0:0:0:0:0:1")).hasValue("::1");
    assertThat(HostNames.normalise("[2001:0DB8:0000:0000:0000:ff00:0042:8329]")).hasValue("2001:db8::ff00:42:8329");
    assertThat(HostNames.normalise("2001:db8:0:0:1:0:0:1")).hasValue("2001:db8::1:0:0:1");
    assertThat(HostNames.normalise("2001:db8:0:1:1:1:1:1")).hasValue("2001:db8:0:1:1:1:1:1");
    assertThat(HostNames.normalise("::ffff:7f00:1")).hasValue("::ffff:127.0.0.1");
    assertThat(HostNames.normalise("::")).hasValue("::");
    assertThat(HostNames.normalise("1::")).hasValue("1::");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "12345::", "::g", "1.2.3", "1.2.3.4.5", "01.2.3.4",
      "256.1.1.1", "::1%eth0", "1:2:3:4:5:6:7", "[::1", "::1.2.3.4:5"})
  void malformedLiteralsAreNeitherLiteralsNorNames(String text) {
    assertThat(HostNames.isIpLiteral(text)).as(text).isFalse();
    assertThat(HostNames.normalise(text)).as(text).isEmpty();
  }

  @Test
  void hostNamesOfThousandsOfCharactersAreRefusedWithoutRecursion() {
    String label = "a".repeat(63);
    StringBuilder longName = new StringBuilder();
    while (longName.length() < 4000) {
      longName.append(label).append('.');
    }
    longName.append("cz");
    assertThat(HostNames.normalise(longName.toString())).isEmpty();
    assertThat(HostNames.normalise("a".repeat(100_000))).isEmpty();
    assertThat(HostNames.normalise("a.".repeat(50_000) + "cz")).isEmpty();
    assertThat(HostNames.normalise("č".repeat(4000) + ".cz")).isEmpty();
    assertThat(HostNames.isIpLiteral(":".repeat(10_000))).isFalse();
    assertThat(HostNames.isLocalOrPrivate("1".repeat(10_000))).isFalse();
    String longest = (label + ".").repeat(3) + "b".repeat(61);
    assertThat(longest).hasSize(253);
    assertThat(HostNames.normalise(longest)).hasValue(longest);
    assertThat(HostNames.normalise(longest + "b")).isEmpty();
  }

  @Property(tries = 300)
  void literalsAgreeWithTheJdk(@ForAll byte[] raw) throws UnknownHostException {
    if (raw.length != 4 && raw.length != 16) {
      return;
    }
    String text = InetAddress.getByAddress(raw).getHostAddress();
    String normalised = HostNames.normalise(text).orElseThrow();
    assertThat(InetAddress.getByName(normalised)).isEqualTo(InetAddress.getByName(text));
    assertThat(HostNames.normalise(normalised)).hasValue(normalised);
  }

  @Property(tries = 500)
  void normaliseNeverThrowsAndIsIdempotent(@ForAll @StringLength(max = 300) String text) {
    HostNames.normalise(text).ifPresent(n -> assertThat(HostNames.normalise(n)).hasValue(n));
    HostNames.isLocalOrPrivate(text);
  }
}
