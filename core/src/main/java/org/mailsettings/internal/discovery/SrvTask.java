package org.mailsettings.internal.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.Trust;
import org.mailsettings.internal.dns.DnsClient;

/**
 * RFC 6186 (and RFC 8314's {@code _submissions}) SRV records: implicit TLS services before
 * STARTTLS ones, targets by priority then weight, a target of "." meaning "not offered". Unsigned
 * answers need confirmation; the username form is unknown.
 */
public final class SrvTask implements SourceTask {
  private record Service(String label, Protocol protocol, Security security) {}

  private static final List<Service> SERVICES =
      List.of(
          new Service("_imaps._tcp.", Protocol.IMAP, Security.IMPLICIT_TLS),
          new Service("_imap._tcp.", Protocol.IMAP, Security.STARTTLS),
          new Service("_pop3s._tcp.", Protocol.POP3, Security.IMPLICIT_TLS),
          new Service("_pop3._tcp.", Protocol.POP3, Security.STARTTLS),
          new Service("_submissions._tcp.", Protocol.SMTP, Security.IMPLICIT_TLS),
          new Service("_submission._tcp.", Protocol.SMTP, Security.STARTTLS));

  private final DiscoveryContext context;

  public SrvTask(DiscoveryContext context) {
    this.context = context;
  }

  @Override
  public Source level() {
    return Source.SRV;
  }

  @Override
  public String query() {
    return "SRV _imaps/_imap/_pop3s/_pop3/_submissions/_submission._tcp." + context.address().asciiDomain();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = System.nanoTime();
    List<CompletableFuture<DnsClient.Answer<DnsClient.SrvTarget>>> lookups = new ArrayList<>();
    for (Service service : SERVICES) {
      lookups.add(context.srv(service.label() + context.address().asciiDomain()));
    }
    return CompletableFuture.allOf(lookups.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
        .handle((ignored, failure) -> collect(lookups, start));
  }

  private SourceResult collect(List<CompletableFuture<DnsClient.Answer<DnsClient.SrvTarget>>> lookups, long start) {
    List<Candidate> incoming = new ArrayList<>();
    List<Candidate> outgoing = new ArrayList<>();
    List<String> details = new ArrayList<>();
    int failures = 0;
    String lastFailure = "";
    for (int i = 0; i < SERVICES.size(); i++) {
      Service service = SERVICES.get(i);
      DnsClient.Answer<DnsClient.SrvTarget> answer;
      try {
        answer = lookups.get(i).join();
      } catch (RuntimeException e) {
        failures++;
        lastFailure = e.getCause() != null ? String.valueOf(e.getCause().getMessage()) : String.valueOf(e.getMessage());
        continue;
      }
      if (answer.notOffered()) {
        details.add(service.label() + " not offered");
      }
      for (DnsClient.SrvTarget target : answer.records()) {
        ServerSettings settings;
        try {
          settings =
              ServerSettings.builder()
                  .protocol(service.protocol())
                  .host(target.host())
                  .port(target.port())
                  .security(service.security())
                  .addAuthMethods(AuthMethod.PASSWORD_CLEARTEXT)
                  .username(context.address().asciiAddress())
                  .build();
        } catch (IllegalArgumentException e) {
          details.add(service.label() + " target " + target.host() + " ignored: " + e.getMessage());
          continue;
        }
        Candidate candidate =
            Candidate.builder()
                .settings(settings)
                .addSources(Source.SRV)
                .trust(answer.authenticated() ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION)
                .reason("SRV " + service.label() + context.address().asciiDomain()
                    + (answer.authenticated() ? " (DNSSEC-authenticated)" : " (unsigned DNS)"))
                .addUsernameAlternatives(context.address().localPart())
                .build();
        (service.protocol().isIncoming() ? incoming : outgoing).add(candidate);
        details.add(service.label() + " " + target.host() + ":" + target.port());
      }
    }
    if (incoming.isEmpty() && outgoing.isEmpty()) {
      if (failures == SERVICES.size()) {
        return Results.failed(level(), query(), new IllegalStateException(lastFailure), start);
      }
      return Results.nothing(level(), query(), details.isEmpty() ? "no SRV records" : String.join("; ", details), start);
    }
    return new SourceResult(
        level(), incoming, outgoing, Optional.empty(),
        Results.report(level(), query(), SourceOutcome.FOUND, String.join("; ", details), start));
  }
}
