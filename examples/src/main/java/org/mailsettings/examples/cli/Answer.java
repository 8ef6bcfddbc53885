package org.mailsettings.examples.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.Resolution;
import org.mailsettings.probe.ProbeResult;

/**
 * What the command found for one address: the resolution, and what probing, verifying and the
 * Jakarta Mail properties added when they were asked for.
 */
record Answer(
    Resolution resolution,
    List<ProbeResult> findings,
    Verifying.@Nullable Result verified,
    @Nullable Map<String, String> properties) {

  /** The best candidate: the first incoming one, else the first outgoing one. */
  Optional<Candidate> best() {
    return resolution.bestIncoming().or(resolution::bestOutgoing);
  }

  /** The command's exit status for this address. */
  int status() {
    if (resolution.isEmpty()) {
      return MailSettingsCommand.NOT_RESOLVED;
    }
    return verified != null && !verified.anyWorks() ? MailSettingsCommand.NOT_VERIFIED : MailSettingsCommand.OK;
  }
}
