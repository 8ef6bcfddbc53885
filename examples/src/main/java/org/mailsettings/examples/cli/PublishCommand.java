package org.mailsettings.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.ClientConfigWriter;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.PaccPublication;
import org.mailsettings.clientconfig.PaccPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mailsettings publish --pacc FILE --out DIR [--domain DOMAIN]... [--issuer URL]}: a
 * provider file's settings the other way round, for hosters: the PACC document and the TXT
 * record with its digest (draft-ietf-mailmaint-pacc-03), and with {@code --autoconfig} the
 * provider file as autoconfig serves it.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    version = "mailsettings 0.1.0-SNAPSHOT",
    sortOptions = false,
    description = {
      "Writes what a hoster publishes so that mail applications find its settings by PACC "
          + "(draft-ietf-mailmaint-pacc-03, read by the clients that implement it and by this library): for each domain, "
          + "DIR/DOMAIN/.well-known/user-agent-configuration.json, to be served unchanged, byte for byte, at "
          + "https://ua-auto-config.DOMAIN/.well-known/user-agent-configuration.json (a certificate for that name is needed), "
          + "and the TXT record with its digest, printed as a zone file line for _ua-auto-config.DOMAIN.",
      "Only what PACC can express is published: per protocol the first server with implicit TLS on 993 (IMAP), 995 (POP3) "
          + "or 465 (submission), the full address as the user name; the others are listed on standard error and stay "
          + "for autoconfig. Any change to the document needs a new record: publish both records, wait out the TTL "
          + "and the HTTP cache, then remove the old one.",
      "Example: mailsettings publish --pacc vizus.cz.xml --domain vizus.cz --domain klient.cz --out public",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      " 0:everything was written",
      " 2:bad input (the file, a domain, the issuer, or nothing PACC can express); a one-line error on stderr"
    })
final class PublishCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli before call()
  private CommandSpec spec;

  @Option(
      names = "--pacc",
      required = true,
      paramLabel = "FILE",
      description = "The provider file (autoconfig XML, the format of --providers) whose settings are published.")
  @SuppressWarnings("NullAway.Init") // required: picocli sets it before call()
  private Path providerFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where the files are written: DIR/DOMAIN/.well-known/user-agent-configuration.json (and with "
          + "--autoconfig DIR/DOMAIN/mail/config-v1.1.xml). Existing files are replaced.")
  @SuppressWarnings("NullAway.Init") // required: picocli sets it before call()
  private Path out;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "A mail domain to publish for (repeatable), e.g. a customer's domain on the hoster's servers "
          + "(default: the domains the file lists). A domain the file does not list takes the file's only provider.")
  private List<String> domains = new ArrayList<>();

  @Option(
      names = "--issuer",
      paramLabel = "URL",
      description = "The provider's OAuth authorization server for open public clients (draft-ietf-mailmaint-oauth-public): "
          + "its RFC 8414 issuer URL, published exactly as given as authentication.oauth-public.issuer.")
  private @Nullable String issuer;

  @Option(names = "--ttl", paramLabel = "SECONDS", description = "The TTL of the printed TXT records (default: ${DEFAULT-VALUE}).")
  private long ttl = 3600;

  @Option(names = "--autoconfig", description = "Also write the provider file as autoconfig serves it: DIR/DOMAIN/mail/config-v1.1.xml.")
  private boolean autoconfig;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, PaccPublication> publications = new LinkedHashMap<>();
    Map<String, EmailProviderConfig> providers = new LinkedHashMap<>();
    try {
      if (ttl < 1 || ttl > 604_800) {
        throw new IllegalArgumentException("--ttl must be between 1 and 604800 seconds: " + ttl);
      }
      ClientConfig file = ClientConfigParser.defaults().parse(providerFile);
      if (file.emailProviders().isEmpty()) {
        throw new IllegalArgumentException(providerFile + " has no emailProvider");
      }
      Optional<URI> oauthIssuer = Optional.empty();
      if (issuer != null) {
        try {
          oauthIssuer = Optional.of(new URI(issuer));
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("--issuer is not a URL: " + issuer);
        }
      }
      for (Map.Entry<String, EmailProviderConfig> entry : targets(file).entrySet()) {
        PaccPublication publication = PaccPublisher.publish(entry.getValue(), entry.getKey(), oauthIssuer);
        publications.put(publication.domain(), publication);
        providers.put(publication.domain(), entry.getValue());
      }
    } catch (ClientConfigException | IllegalArgumentException e) { // InvalidSettingsException is one
      err.println("mailsettings publish: " + Terminal.safe(String.valueOf(e.getMessage())));
      return MailSettingsCommand.BAD_INPUT;
    }
    try {
      for (PaccPublication publication : publications.values()) {
        Path root = out.resolve(publication.domain());
        Path document = root.resolve(".well-known").resolve("user-agent-configuration.json");
        Files.createDirectories(document.getParent());
        Files.write(document, publication.document());
        if (autoconfig) {
          EmailProviderConfig provider = providers.get(publication.domain());
          Path xml = root.resolve("mail").resolve("config-v1.1.xml");
          Files.createDirectories(xml.getParent());
          String written = ClientConfigWriter.write(ClientConfig.builder().sourceName(providerFile.toString())
              .addEmailProviders(java.util.Objects.requireNonNull(provider)).build());
          Files.writeString(xml, written, StandardCharsets.UTF_8);
        }
        stdout.println(publication.zoneLine(ttl));
        err.println("mailsettings publish: " + publication.domain() + ": wrote " + document + " for " + publication.url());
        for (PaccPublication.LeftOut left : publication.leftOut()) {
          err.println("mailsettings publish: " + publication.domain() + ": not in PACC (stays for autoconfig): "
              + Terminal.safe(left.toString()));
        }
      }
      stdout.flush();
      return MailSettingsCommand.OK;
    } catch (IOException e) {
      err.println("mailsettings publish: cannot write " + Terminal.safe(String.valueOf(e.getMessage())));
      return MailSettingsCommand.BAD_INPUT;
    }
  }

  /** Each domain to publish for, with the provider section it takes its servers from. */
  private Map<String, EmailProviderConfig> targets(ClientConfig file) {
    Map<String, EmailProviderConfig> targets = new LinkedHashMap<>();
    if (domains.isEmpty()) {
      for (EmailProviderConfig provider : file.emailProviders()) {
        for (String domain : provider.domains()) {
          targets.putIfAbsent(domain.toLowerCase(Locale.ROOT), provider);
        }
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException(providerFile + " lists no domain: name one with --domain");
      }
      return targets;
    }
    for (String domain : domains) {
      String key = domain.strip().toLowerCase(Locale.ROOT);
      EmailProviderConfig listing = file.emailProviders().stream()
          .filter(p -> p.domains().stream().anyMatch(d -> d.equalsIgnoreCase(key)))
          .findFirst()
          .orElse(null);
      if (listing == null && file.emailProviders().size() > 1) {
        throw new IllegalArgumentException(
            providerFile + " has " + file.emailProviders().size() + " providers and none lists " + domain + ": which one is meant?");
      }
      targets.putIfAbsent(key, listing != null ? listing : file.emailProviders().get(0));
    }
    return targets;
  }
}
