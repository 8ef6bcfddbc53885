package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Source;
import org.mailsettings.internal.idn.DomainName;
import org.mailsettings.internal.resolve.GuessedCandidates;

/** The guesses from the domain, the last resort: answered at once, chosen only when nothing else answers. */
public final class GuessTask implements SourceTask {
  private final EmailAddress address;
  private final boolean plaintext;

  /** Guesses for the address, with plaintext ones when {@code plaintext}. */
  public GuessTask(EmailAddress address, boolean plaintext) {
    this.address = address;
    this.plaintext = plaintext;
  }

  @Override
  public Source source() {
    return Source.GUESS;
  }

  @Override
  public String query() {
    return "guesses for " + address.asciiDomain();
  }

  @Override
  public SourceResult now() {
    List<Candidate> incoming = new ArrayList<>();
    incoming.addAll(GuessedCandidates.forProtocol(Protocol.IMAP, address, plaintext));
    incoming.addAll(GuessedCandidates.forProtocol(Protocol.POP3, address, plaintext));
    List<Candidate> outgoing = GuessedCandidates.forProtocol(Protocol.SMTP, address, plaintext);
    List<Note> notes = new ArrayList<>();
    notes.add(Note.of(NoteCode.NO_PROVIDER_KNOWN, address.domain()));
    if (address.asciiDomain().length() + "pop3.".length() > DomainName.MAX_LENGTH) {
      notes.add(Note.of(NoteCode.GUESSES_TOO_LONG, address.domain()));
    }
    return Results.found(Source.GUESS, Ranks.of(Source.GUESS), incoming, outgoing, Optional.empty(), notes, query(),
            List.of(Note.of(NoteCode.GUESSES_MADE, incoming.size(), outgoing.size())), Duration.ZERO)
        .withExpansion(other -> new GuessTask(other, plaintext).now());
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    return CompletableFuture.completedFuture(now());
  }
}
