package org.mailsettings.internal.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.NoteCode;
import org.mailsettings.Protocol;
import org.mailsettings.Source;
import org.mailsettings.internal.idn.DomainName;
import org.mailsettings.internal.resolve.GuessedCandidates;

/** The guesses from the domain, the last resort: answered at once, chosen only when nothing else answers. */
public final class GuessTask implements SourceTask, Function<EmailAddress, SourceResult> {
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
    // One reason for every guess of the address: the same immutable note.
    Note reason = Note.of(NoteCode.FROM_GUESS, address.domain());
    List<Candidate> incoming = new ArrayList<>(14);
    GuessedCandidates.add(incoming, Protocol.IMAP, address, plaintext, reason);
    GuessedCandidates.add(incoming, Protocol.POP3, address, plaintext, reason);
    List<Candidate> outgoing = new ArrayList<>(9);
    GuessedCandidates.add(outgoing, Protocol.SMTP, address, plaintext, reason);
    List<Note> notes = new ArrayList<>(2);
    notes.add(Note.of(NoteCode.NO_PROVIDER_KNOWN, address.domain()));
    if (address.asciiDomain().length() + "pop3.".length() > DomainName.MAX_LENGTH) {
      notes.add(Note.of(NoteCode.GUESSES_TOO_LONG, address.domain()));
    }
    return Results.found(this, Source.GUESS, Ranks.of(Source.GUESS), incoming, outgoing, Optional.empty(), notes, this, false,
        Duration.ZERO, NoteCode.GUESSES_MADE, incoming.size(), outgoing.size());
  }

  /** The guesses for another address (the task itself, not a lambda: see {@link DatabaseTask#apply}). */
  @Override
  public SourceResult apply(EmailAddress other) {
    return new GuessTask(other, plaintext).now();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    return CompletableFuture.completedFuture(now());
  }
}
