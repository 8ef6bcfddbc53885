package org.mailsettings.internal.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.AuthMethod;
import org.mailsettings.Candidate;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.Source;
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

  /** SRV lookups for the context's address. */
  public SrvTask(DiscoveryContext context) {
    this.context = context;
  }

  @Override
  public Source source() {
    return Source.SRV;
  }

  @Override
  public String query() {
    return "SRV _imaps/_imap/_pop3s/_pop3/_submissions/_submission._tcp." + context.address().asciiDomain();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = context.nanoTime();
    List<CompletableFuture<DnsClient.Answer<DnsClient.SrvTarget>>> lookups = new ArrayList<>();
    for (Service service : SERVICES) {
      lookups.add(context.srv(service.label() + context.address().asciiDomain()));
    }
    CompletableFuture<SourceResult> result =
        CompletableFuture.allOf(lookups.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
            .handle((ignored, failure) -> collect(lookups, start));
    var unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        lookups.forEach(f -> f.cancel(true));
      }
    });
    return result;
  }

  private SourceResult collect(List<CompletableFuture<DnsClient.Answer<DnsClient.SrvTarget>>> lookups, long start) {
    List<Candidate> incoming = new ArrayList<>();
    List<Candidate> outgoing = new ArrayList<>();
    List<Note> details = new ArrayList<>();
    int failures = 0;
    Throwable lastFailure = null;
    for (int i = 0; i < SERVICES.size(); i++) {
      Service service = SERVICES.get(i);
      DnsClient.Answer<DnsClient.SrvTarget> answer;
      try {
        answer = lookups.get(i).join();
      } catch (RuntimeException e) {
        failures++;
        lastFailure = e;
        continue;
      }
      if (answer.notOffered()) {
        details.add(Note.of(NoteCode.SRV_NOT_OFFERED, service.label()));
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
          details.add(Note.of(NoteCode.SRV_TARGET_IGNORED, service.label(), target.host()));
          continue;
        }
        Candidate candidate =
            Candidate.builder()
                .settings(settings)
                .addSources(Source.SRV)
                .trust(answer.authenticated() ? Trust.TRUSTED : Trust.NEEDS_CONFIRMATION)
                .addReasons(Note.of(answer.authenticated() ? NoteCode.FROM_SRV_AUTHENTICATED : NoteCode.FROM_SRV_UNSIGNED,
                    service.label() + context.address().asciiDomain()))
                .addUsernameAlternatives(context.address().localPart())
                .build();
        (service.protocol().isIncoming() ? incoming : outgoing).add(candidate);
        details.add(Note.of(NoteCode.SRV_TARGET, service.label(), target.host(), target.port()));
      }
    }
    if (incoming.isEmpty() && outgoing.isEmpty()) {
      if (failures == SERVICES.size() && lastFailure != null) {
        return Results.failed(Source.SRV, query(), lastFailure, context.since(start));
      }
      if (details.isEmpty()) {
        details.add(Note.of(NoteCode.NO_SRV_RECORDS));
      }
      return Results.nothing(Source.SRV, query(), context.since(start), details.toArray(new Note[0]));
    }
    return Results.found(Source.SRV, Ranks.of(Source.SRV), incoming, outgoing, Optional.empty(), List.of(), query(), details,
        context.since(start));
  }
}
