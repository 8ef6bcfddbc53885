package org.mailsettings.examples.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.Resolution;
import org.mailsettings.Security;

/**
 * Reads an {@link SmtpForm} with the library and lists where it disagrees with itself (a label
 * that the port contradicts) or with what the resolver knows about the sender's domain.
 */
final class SmtpFormCheck {

  /** The form as read, and the warnings. */
  record Result(EmailAddress sender, Security security, Resolution resolution, List<String> warnings) {}

  private SmtpFormCheck() {}

  /**
   * @throws org.mailsettings.InvalidEmailAddressException if the sender is not an address
   * @throws org.mailsettings.UnknownSecurityLabelException if the label is not readable
   */
  static Result check(SmtpForm form, MailSettingsResolver resolver) {
    EmailAddress sender = EmailAddress.parse(form.sender());
    Security security = Security.fromLabel(form.securityLabel(), form.port());
    Security withoutPort = Security.fromLabel(form.securityLabel());
    List<String> warnings = new ArrayList<>();
    if (security != withoutPort) {
      warnings.add(
          "\"" + form.securityLabel() + "\" on port " + form.port() + " is read as " + describe(security)
              + ": port " + form.port() + " is the " + describe(security) + " port. If the server expects "
              + describe(withoutPort) + ", use port " + Protocol.SMTP.defaultPort(withoutPort) + ".");
    }
    if (security == Security.NONE && form.authentication()) {
      warnings.add(
          "Without encryption the password would travel in the clear; this library refuses to send it "
              + "unless plaintext is explicitly allowed. Choose SSL (465) or TLS (587).");
    }
    if (form.port() == Protocol.SMTP_RELAY_PORT) {
      warnings.add("Port 25 is often blocked by Internet providers; prefer 465 (SSL) or 587 (TLS).");
    }
    Resolution resolution = resolver.resolve(sender);
    resolution.provider().ifPresent(provider -> {
      List<Candidate> outgoing = resolution.outgoing();
      String host = form.server().strip().toLowerCase(Locale.ROOT);
      boolean hostKnown = outgoing.stream().anyMatch(c -> c.settings().host().equals(host));
      if (!hostKnown && !outgoing.isEmpty()) {
        warnings.add(
            provider.name() + " serves " + sender.domain() + "; its outgoing server is "
                + outgoing.get(0).settings().address() + " (" + describe(outgoing.get(0).settings().security())
                + "), not " + form.server() + ":" + form.port() + ".");
      }
      outgoing.stream()
          .filter(c -> c.settings().host().equals(host) && c.settings().port() == form.port())
          .findFirst()
          .filter(c -> c.settings().security() != security)
          .ifPresent(c -> warnings.add(
              provider.name() + " expects " + describe(c.settings().security()) + " on port " + form.port()
                  + ", the form says " + describe(security) + "."));
      boolean oauthOnly =
          !outgoing.isEmpty()
              && outgoing.get(0).settings().preferredAuthMethod().filter(AuthMethod.OAUTH2::equals).isPresent();
      if (oauthOnly && form.authentication()) {
        warnings.add(
            provider.name() + " wants OAuth 2.0 sign-in; a login with the mailbox password will be refused. "
                + "Use the form's " + provider.name() + " option (OAuth 2.0) or an app password.");
      }
    });
    return new Result(sender, security, resolution, List.copyOf(warnings));
  }

  static String describe(Security security) {
    return switch (security) {
      case IMPLICIT_TLS -> "implicit TLS (\"SSL\")";
      case STARTTLS -> "STARTTLS (\"TLS\")";
      case NONE -> "no encryption";
    };
  }
}
