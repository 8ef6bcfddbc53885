package org.mailsettings.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.InvalidEmailAddressException;
import org.mailsettings.InvalidSettingsException;
import org.mailsettings.internal.net.HostNames;
import org.mailsettings.internal.template.Templates;
import org.mailsettings.testing.FuzzInput;

/**
 * URL templates and placeholder expansion. Input: a template on the first line, an address on the
 * second (a few fixed ones are used as well), a domain-dot replacement on the third.
 *
 * <ul>
 *   <li>{@link DiscoveryOptions} refuse a template with {@link InvalidSettingsException} only; one
 *       they accept gives, for every address, an absolute http(s) URL with a host ({@link
 *       DiscoveryContext#url}), and the mailbox name never chooses that host.
 *   <li>{@link Templates}: a username template always expands; a host template gives a valid host
 *       name or nothing, and never one chosen by the mailbox name.
 * </ul>
 *
 * Seeds: {@code UrlTemplateFuzzTestInputs/expand/}.
 */
@Timeout(10)
class UrlTemplateFuzzTest {
  private static final List<EmailAddress> FIXED =
      List.of(EmailAddress.parse("jan.novak+x@example.cz"), EmailAddress.parse("info@xn--pklad-zsa96e.cz"));

  @FuzzTest
  void expand(byte[] data) {
    List<String> lines = FuzzInput.lines(data, 3);
    String template = lines.get(0);
    List<EmailAddress> addresses = new ArrayList<>(FIXED);
    try {
      addresses.add(0, EmailAddress.parse(FuzzInput.line(lines, 1)));
    } catch (InvalidEmailAddressException ignored) {
      // the fixed addresses only
    }
    String dots = FuzzInput.line(lines, 2);

    for (EmailAddress address : addresses) {
      String username = Templates.expandUsername(template, address);
      assertThat(username).isNotNull();
      Optional<String> host = Templates.expandHostname(template, address, dots);
      if (host.isPresent()) {
        assertThat(HostNames.normalise(host.get())).contains(host.get());
        assertThat(Templates.expandHostname(template, otherMailbox(address), dots)).contains(host.get());
      }
    }

    DiscoveryOptions options;
    try {
      options =
          DiscoveryOptions.builder()
              .autoconfigUrlTemplate(template)
              .wellKnownUrlTemplate(template)
              .autoconfigHttpUrlTemplate(template)
              .autodiscoverUrlTemplates(List.of(template))
              .build();
    } catch (InvalidSettingsException refused) {
      options = null;
    }
    if (options != null) {
      for (EmailAddress address : addresses) {
        for (String domain : List.of(address.asciiDomain(), "spoje.net")) {
          URI url = checkedUrl(DiscoveryContext.url(options.autoconfigUrlTemplate(), domain, address));
          URI other = DiscoveryContext.url(options.autoconfigUrlTemplate(), domain, otherMailbox(address));
          assertThat(other.getScheme()).isEqualTo(url.getScheme());
          assertThat(other.getRawAuthority()).as("the authority of %s", template).isEqualTo(url.getRawAuthority());
        }
      }
    }

    DiscoveryOptions ispdb;
    try {
      ispdb = DiscoveryOptions.builder().ispdbBaseUrl(template).build();
    } catch (InvalidSettingsException refused) {
      return;
    }
    for (EmailAddress address : addresses) {
      checkedUrl(URI.create(ispdb.ispdbBaseUrl() + address.asciiDomain()));
    }
  }

  private static URI checkedUrl(URI url) {
    assertThat(url.isAbsolute()).as("%s is absolute", url).isTrue();
    assertThat(url.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
    assertThat(url.getHost()).as("the host of %s", url).isNotNull();
    return url;
  }

  /** The same domain with another mailbox name. */
  private static EmailAddress otherMailbox(EmailAddress address) {
    return EmailAddress.of(address.localPart().equals("other") ? "another" : "other", address.asciiDomain());
  }
}
