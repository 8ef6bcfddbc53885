package org.mailsettings.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mailsettings.examples.erp.SmtpSetupExample;
import org.mailsettings.examples.wizard.AccountSetupWizard;
import org.mailsettings.oauth2.ClientRegistration;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The OAuth 2.0 options are one mixin: the command line, the ERP example and the wizard take the
 * same three options, with the same help, and check them alike.
 */
class OAuthClientOptionsTest {
  private static final List<String> NAMES = List.of("--oauth-client-id", "--oauth-client-secret-env", "--device");

  /** The three commands, each new. */
  private static List<Supplier<CommandLine>> commands() {
    return List.of(
        () -> MailSettingsCommand.commandLine(Map.of()),
        () -> new CommandLine(new SmtpSetupExample()),
        () -> new CommandLine(new AccountSetupWizard(
            new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()), Optional::empty)));
  }

  @Test
  void eachCommandTakesTheThreeOptionsIntoTheMixin() {
    for (Supplier<CommandLine> command : commands()) {
      CommandLine commandLine = command.get();
      String name = commandLine.getCommandName();
      commandLine.parseArgs("--oauth-client-id", "app-id", "--oauth-client-secret-env", "APP_SECRET", "--device");
      Object mixin = commandLine.getCommandSpec().mixins().get(OAuthClientOptions.MIXIN).userObject();
      assertThat(mixin).as(name).isInstanceOfSatisfying(OAuthClientOptions.class, options -> {
        assertThat(options.given()).as(name).isTrue();
        assertThat(options.device()).as(name).isTrue();
        ClientRegistration registration = options.registration(Map.of("APP_SECRET", "s3cret"));
        assertThat(registration.clientId()).as(name).isEqualTo("app-id");
        assertThat(registration.clientSecret()).as(name).contains("s3cret");
      });
    }
  }

  @Test
  void withoutThemThereIsNoSignIn() {
    for (Supplier<CommandLine> command : commands()) {
      CommandLine commandLine = command.get();
      commandLine.parseArgs();
      OAuthClientOptions options = (OAuthClientOptions) commandLine.getCommandSpec().mixins().get(OAuthClientOptions.MIXIN).userObject();
      assertThat(options.given()).as(commandLine.getCommandName()).isFalse();
      assertThat(options.device()).as(commandLine.getCommandName()).isFalse();
    }
  }

  @Test
  void theHelpIsTheSameInEachCommand() {
    for (String option : NAMES) {
      List<String> descriptions = commands().stream()
          .map(command -> command.get().getCommandSpec().findOption(option))
          .map(spec -> {
            assertThat(spec).as(option).isNotNull();
            return String.join(" ", spec.description()) + " " + spec.paramLabel();
          })
          .distinct()
          .toList();
      assertThat(descriptions).as(option).hasSize(1);
    }
    CommandLine cli = MailSettingsCommand.commandLine(Map.of());
    OptionSpec id = cli.getCommandSpec().findOption("--oauth-client-id");
    assertThat(id.paramLabel()).isEqualTo("ID");
    assertThat(cli.getUsageMessage()).contains("--oauth-client-id=ID", "--oauth-client-secret-env=NAME", "--device");
  }

  @Test
  void eachCommandRefusesTheDeviceGrantWithoutAClient() {
    for (Supplier<CommandLine> command : commands()) {
      CommandLine commandLine = command.get();
      StringWriter err = new StringWriter();
      commandLine.setErr(new PrintWriter(err, true));
      commandLine.setOut(new PrintWriter(new StringWriter(), true));
      String name = commandLine.getCommandName();
      String[] args = name.equals("mailsettings") ? new String[] {"--device", "--offline", "jan@example.cz"} : new String[] {"--device"};
      assertThat(commandLine.execute(args)).as(name + ": " + err).isEqualTo(2);
      assertThat(err.toString()).as(name).contains("--device goes with --oauth-client-id ID");
    }
  }
}
