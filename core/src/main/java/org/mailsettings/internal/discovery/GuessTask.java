package org.mailsettings.internal.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Protocol;
import org.mailsettings.Source;
import org.mailsettings.SourceOutcome;
import org.mailsettings.internal.resolve.GuessedCandidates;

/** The guesses from the domain, the last resort: answered at once, chosen only when nothing else answers. */
public final class GuessTask implements SourceTask {
  private final EmailAddress address;
  private final boolean plaintext;

  public GuessTask(EmailAddress address, boolean plaintext) {
    this.address = address;
    this.plaintext = plaintext;
  }

  @Override
  public Source level() {
    return Source.GUESS;
  }

  @Override
  public String query() {
    return "guesses for " + address.asciiDomain();
  }

  @Override
  public CompletableFuture<SourceResult> start() {
    long start = System.nanoTime();
    List<Candidate> incoming = new ArrayList<>();
    incoming.addAll(GuessedCandidates.forProtocol(Protocol.IMAP, address, plaintext));
    incoming.addAll(GuessedCandidates.forProtocol(Protocol.POP3, address, plaintext));
    List<Candidate> outgoing = GuessedCandidates.forProtocol(Protocol.SMTP, address, plaintext);
    return CompletableFuture.completedFuture(
        new SourceResult(
            level(), incoming, outgoing, Optional.empty(),
            Results.report(level(), query(), SourceOutcome.FOUND, incoming.size() + " incoming, " + outgoing.size() + " outgoing, unverified", start)));
  }
}
