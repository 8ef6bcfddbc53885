package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.testing.FuzzInput;

/**
 * The {@link ServerSettings} builder on any values: it builds, or refuses with {@link
 * InvalidSettingsException} only; what it builds has a normalised host and a port in range, and
 * rebuilds to itself. Input, one value a line: protocol, host, port, security, username, IMAP path
 * prefix ({@code -} for none), TLS versions (comma-separated), maximum message size, leave on
 * server ({@code true}, {@code false} or anything for unsaid), authentication methods
 * (comma-separated autoconfig values or SASL names). Names that are not constants pick one by their hash. Seeds: {@code
 * ServerSettingsFuzzTestInputs/build/} (settings of the bundled providers).
 */
@Timeout(10)
class ServerSettingsFuzzTest {
  @FuzzTest
  void build(byte[] data) {
    List<String> lines = FuzzInput.lines(data, 10);
    ServerSettings.Builder builder =
        ServerSettings.builder()
            .protocol(pick(Protocol.class, FuzzInput.line(lines, 0)))
            .host(FuzzInput.line(lines, 1))
            .port(FuzzInput.number(FuzzInput.line(lines, 2)))
            .security(pick(Security.class, FuzzInput.line(lines, 3)))
            .username(FuzzInput.line(lines, 4));
    String prefix = FuzzInput.line(lines, 5);
    if (!prefix.equals("-")) {
      builder.imapPathPrefix(prefix);
    }
    for (String version : FuzzInput.line(lines, 6).split(",", -1)) {
      if (!version.isEmpty()) {
        builder.addTlsVersions(version);
      }
    }
    String size = FuzzInput.line(lines, 7);
    if (!size.isEmpty()) {
      try {
        builder.maxMessageSize(Long.parseLong(size.strip()));
      } catch (NumberFormatException e) {
        builder.maxMessageSize(size.hashCode());
      }
    }
    String leave = FuzzInput.line(lines, 8);
    if (leave.equals("true") || leave.equals("false")) {
      builder.leaveMessagesOnServer(Boolean.parseBoolean(leave));
    }
    for (String method : FuzzInput.line(lines, 9).split(",", -1)) {
      if (!method.isEmpty()) {
        AuthMethod.fromAutoconfig(method, "").or(() -> AuthMethod.fromAutoconfig(method, "sasl")).ifPresent(builder::addAuthMethods);
      }
    }
    ServerSettings settings;
    try {
      settings = builder.build();
    } catch (InvalidSettingsException refused) {
      return;
    }
    assertThat(settings.port()).isBetween(1, 65535);
    assertThat(HostNames.normalise(settings.host())).contains(settings.host());
    assertThat(ServerSettings.builder().from(settings).build()).isEqualTo(settings);
    assertThat(settings.withUsername(settings.username())).isEqualTo(settings);
    assertThat(settings.address()).endsWith(":" + settings.port());
    assertThat(settings.toString()).isNotEmpty();
  }

  private static <E extends Enum<E>> E pick(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      E[] values = type.getEnumConstants();
      return values[Math.floorMod(name.hashCode(), values.length)];
    }
  }
}
