package org.mailsettings.examples.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Security;
import org.mailsettings.UnknownSecurityLabelException;
import picocli.CommandLine;

class SmtpFormCheckTest {
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();

  @Test
  void aFormThatMatchesTheProviderHasNoWarnings() {
    var result = SmtpFormCheck.check(new SmtpForm("Jan Novák <info@vizus.cz>", "smtp.vizus.cz", 587, "TLS", true, ""), RESOLVER);
    assertThat(result.security()).isEqualTo(Security.STARTTLS);
    assertThat(result.sender().displayName()).hasValue("Jan Novák");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void tlsOnPort465IsReadAsImplicitTlsWithAWarning() {
    var result = SmtpFormCheck.check(new SmtpForm("info@vizus.cz", "smtp.vizus.cz", 465, "TLS", true, ""), RESOLVER);
    assertThat(result.security()).isEqualTo(Security.IMPLICIT_TLS);
    assertThat(result.warnings()).singleElement().asString().contains("\"TLS\" on port 465").contains("port 587");
  }

  @Test
  void gmailWithAPasswordIsWarnedAboutOAuthAndTheServer() {
    var result = SmtpFormCheck.check(new SmtpForm("Jan <jan@gmail.com>", "smtp.seznam.cz", 465, "SSL", true, ""), RESOLVER);
    assertThat(result.warnings())
        .anySatisfy(w -> assertThat(w).contains("OAuth 2.0"))
        .anySatisfy(w -> assertThat(w).contains("smtp.gmail.com:465"));
  }

  @Test
  void czechNoneWithALoginWarnsAboutPlaintextAndPort25() {
    var result =
        SmtpFormCheck.check(new SmtpForm("erp@firma.cz", "relay.firma.cz", 25, "Bez zabezpečení", true, ""), RESOLVER);
    assertThat(result.security()).isEqualTo(Security.NONE);
    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("in the clear")).anySatisfy(w -> assertThat(w).contains("Port 25"));
  }

  @Test
  void anUnknownLabelIsTheLibrarysError() {
    assertThatThrownBy(() -> SmtpFormCheck.check(new SmtpForm("a@b.cz", "x.cz", 25, "Quantum", false, ""), RESOLVER))
        .isInstanceOf(UnknownSecurityLabelException.class);
  }

  @Test
  void theExampleRunsOutOfTheBoxAgainstItsEmbeddedServer() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new SmtpSetupExample());
    commandLine.setOut(new PrintWriter(out, true));
    assertThat(commandLine.execute()).isZero();
    assertThat(out.toString())
        .contains("Login:    OK SMTP localhost:")
        .contains("Test message sent to info@novak.cz")
        .contains("The embedded server received 1 message(s).");
  }
}
