package org.mailsettings.spring.boot.autoconfigure.health;

import org.mailsettings.Candidate;
import org.mailsettings.ServerSettings;
import org.mailsettings.probe.ProbeResult;
import org.mailsettings.probe.Prober;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsAccount;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the account's outgoing server, found by probing it without credentials: it
 * connects, completes TLS (the certificate checked against the trusted authorities), reads the
 * greeting, asks {@code EHLO}, upgrades with STARTTLS where the settings say so, and leaves. No
 * password is sent, so a health check never locks the account or fills the server's log with
 * logins.
 *
 * <p>{@code UP} when the server answered as its settings say and its certificate fits its host;
 * {@code DOWN} otherwise. The details name the server, its security and the probe's status
 * (such as {@code REFUSED}, {@code TLS_FAILED} or {@code STARTTLS_MISSING}).
 */
public final class MailSettingsHealthIndicator extends AbstractHealthIndicator {
  private final MailSettingsAccount account;
  private final Prober prober;

  /**
   * An indicator for the account's outgoing server.
   *
   * @param account the account whose {@link MailSettingsAccount#outgoing()} server is probed
   * @param prober the prober (the client's, with its threads and trust)
   */
  public MailSettingsHealthIndicator(MailSettingsAccount account, Prober prober) {
    super("The probe of the outgoing mail server failed");
    this.account = account;
    this.prober = prober;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Candidate candidate = account.outgoing();
    ServerSettings settings = candidate.settings();
    ProbeResult result = prober.probe(candidate);
    builder
        .withDetail("address", account.address().address())
        .withDetail("server", settings.address())
        .withDetail("security", settings.security().name())
        .withDetail("status", result.status().name())
        .withDetail("elapsedMillis", result.elapsed().toMillis());
    result.tlsVersion().ifPresent(version -> builder.withDetail("tlsVersion", version));
    result.certificateMatches().ifPresent(matches -> builder.withDetail("certificateMatches", matches));
    if (!result.details().isEmpty()) {
      builder.withDetail("notes", result.details().stream().map(note -> note.code().name()).toList());
    }
    if (result.usable()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
