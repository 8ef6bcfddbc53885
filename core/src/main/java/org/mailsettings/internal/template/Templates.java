package org.mailsettings.internal.template;

import java.util.Optional;
import org.mailsettings.EmailAddress;
import org.mailsettings.internal.net.HostNames;

/**
 * Expands the autoconfig placeholders {@code %EMAILADDRESS%}, {@code %EMAILLOCALPART%} and {@code
 * %EMAILDOMAIN%} against an address, in a single pass: text that comes from the address is never
 * scanned again, so a mailbox named {@code %EMAILDOMAIN%} stays as it is. Unknown placeholders
 * are left as written.
 *
 * <p>The domain is substituted in its ASCII (IDNA) form, which is what servers and DNS know.
 */
public final class Templates {
  /** The full address placeholder. */
  public static final String EMAIL_ADDRESS = "EMAILADDRESS";
  /** The mailbox name placeholder. */
  public static final String EMAIL_LOCAL_PART = "EMAILLOCALPART";
  /** The domain placeholder. */
  public static final String EMAIL_DOMAIN = "EMAILDOMAIN";

  private Templates() {}

  /** Expands a username template: {@code %EMAILADDRESS%} becomes {@code info@vizus.cz}. */
  public static String expandUsername(String template, EmailAddress address) {
    return expand(template, address, "", true).orElseThrow();
  }

  /**
   * Expands a host name template. Only {@code %EMAILDOMAIN%} may appear in a host name (a host
   * built from a mailbox name would let the address choose the server); with {@code
   * domainDotReplacement} non-empty, the dots of the substituted domain are replaced by it.
   * Returns empty when the result is not a valid host name.
   */
  public static Optional<String> expandHostname(
      String template, EmailAddress address, String domainDotReplacement) {
    return expand(template, address, domainDotReplacement, false).flatMap(HostNames::normalise);
  }

  private static Optional<String> expand(
      String template, EmailAddress address, String domainDotReplacement, boolean allowMailbox) {
    // The common templates, on every resolution: no scanning, no copying.
    if (template.indexOf('%') < 0) {
      return Optional.of(template);
    }
    if (allowMailbox && template.equals("%" + EMAIL_ADDRESS + "%")) {
      return Optional.of(address.asciiAddress());
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '%') {
        int end = template.indexOf('%', i + 1);
        if (end > i) {
          String name = template.substring(i + 1, end);
          if (name.equals(EMAIL_DOMAIN)) {
            String domain = address.asciiDomain();
            out.append(domainDotReplacement.isEmpty() ? domain : domain.replace(".", domainDotReplacement));
            i = end + 1;
            continue;
          }
          if (name.equals(EMAIL_ADDRESS) || name.equals(EMAIL_LOCAL_PART)) {
            if (!allowMailbox) {
              return Optional.empty();
            }
            out.append(name.equals(EMAIL_ADDRESS) ? address.asciiAddress() : address.localPart());
            i = end + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return Optional.of(out.toString());
  }
}
