package org.mailsettings.spring.boot.autoconfigure;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.DiscoveryOptions;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionPolicy;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Trust;
import org.mailsettings.jakarta.Credentials;
import org.mailsettings.jakarta.MailConnector;
import org.mailsettings.jakarta.VerificationOutcome;
import org.mailsettings.jakarta.VerificationReport;
import org.mailsettings.jakarta.VerifyOptions;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsProperties.VerificationMode;
import org.mailsettings.spring.boot.autoconfigure.MailSettingsUnavailableException.Reason;

/**
 * The account of {@code mailsettings.address}, resolved once at start-up: its address, the
 * {@link Resolution}, the outgoing server the auto-configured {@code JavaMailSender} uses, the
 * preferred incoming server, and, when {@code mailsettings.verification.mode} asked for it, what
 * the logins showed.
 *
 * <p>The outgoing server is the best-ranked SMTP candidate the application may use as it stands:
 * a {@linkplain Trust#TRUSTED trusted} one, or one whose domain is among {@code
 * mailsettings.confirmed-domains}; with verification on, the best-ranked one that accepted the
 * login (guesses included; candidates that need confirmation only once confirmed). The account
 * signs in with {@code mailsettings.password}, or with OAuth 2.0 ({@code mailsettings.oauth2.*}):
 * XOAUTH2 with an access token refreshed as needed. Sessions, transports and stores come from the
 * application's {@link MailConnector}, with its timeouts, required STARTTLS and host-name checks.
 * {@link #toString()} shows no secret.
 */
public final class MailSettingsAccount {
  private static final Log LOG = LogFactory.getLog(MailSettingsAccount.class);

  private final Resolution resolution;
  private final Candidate outgoing;
  private final @Nullable Candidate incoming;
  private final @Nullable VerificationReport verification;
  private final Credentials credentials;
  private final MailConnector connector;

  private MailSettingsAccount(
      Resolution resolution,
      Candidate outgoing,
      @Nullable Candidate incoming,
      @Nullable VerificationReport verification,
      Credentials credentials,
      MailConnector connector) {
    this.resolution = resolution;
    this.outgoing = outgoing;
    this.incoming = incoming;
    this.verification = verification;
    this.credentials = credentials;
    this.connector = connector;
  }

  /**
   * Resolves the configured account: offline, or with discovery under its deadline; then picks
   * the outgoing server, logging in first when verification is on.
   *
   * @param oauth the OAuth 2.0 sign-in, when {@code mailsettings-oauth2} is on the class path and
   *     {@code mailsettings.oauth2.client-id} is set
   * @throws MailSettingsUnavailableException when no outgoing server may be used, or the
   *     credentials properties do not give one way to sign in
   * @throws org.mailsettings.InvalidEmailAddressException when the address is not one
   */
  static MailSettingsAccount resolve(
      MailSettingsResolver resolver, MailConnector connector, MailSettingsProperties properties, @Nullable OAuth2SignIn oauth) {
    String text = Objects.requireNonNull(properties.getAddress(), "mailsettings.address");
    EmailAddress address = EmailAddress.parse(text);
    String password = properties.getPassword();
    boolean passwordSet = isSet(password);
    MailSettingsProperties.OAuth2 oauth2 = properties.getOauth2();
    boolean oauthSet = isSet(oauth2.getClientId());
    boolean oauthPartlySet = isSet(oauth2.getClientSecret()) || isSet(oauth2.getRefreshToken());
    String oauthProperty = "mailsettings.oauth2."
        + (oauthSet ? "client-id" : isSet(oauth2.getRefreshToken()) ? "refresh-token" : "client-secret");
    if (passwordSet && (oauthSet || oauthPartlySet)) {
      throw new MailSettingsUnavailableException(
          Reason.CONFLICTING_CREDENTIALS,
          "Both mailsettings.password and " + oauthProperty + " are set for " + address.address()
              + ": the account signs in with a password or with OAuth 2.0, not both");
    }
    if (!oauthSet && oauthPartlySet) {
      throw new MailSettingsUnavailableException(
          Reason.NO_CREDENTIALS,
          oauthProperty + " is set for " + address.address() + " but mailsettings.oauth2.client-id is not");
    }
    if (oauthSet && oauth == null) {
      throw new MailSettingsUnavailableException(
          Reason.OAUTH2_MISSING,
          "mailsettings.oauth2.client-id is set for " + address.address()
              + " but the OAuth 2.0 module (org.mailsettings:mailsettings-oauth2) is not on the class path");
    }
    if (!passwordSet && !oauthSet) {
      throw new MailSettingsUnavailableException(
          Reason.NO_CREDENTIALS,
          "mailsettings.address is " + address.address() + " but neither mailsettings.password nor mailsettings.oauth2.client-id is set");
    }
    String username = properties.getUsername();

    ResolutionRequest request = ResolutionRequest.builder()
        .address(address)
        .addAllMxHosts(properties.getMxHosts())
        .mxHostsAuthenticated(!properties.getMxHosts().isEmpty())
        .policy(ResolutionPolicy.builder()
            .allowPlaintext(properties.isAllowPlaintext())
            .preferredIncoming(properties.getPreferredIncoming())
            .build())
        .build();
    Resolution resolution = properties.getDiscovery().isEnabled()
        ? discover(resolver, request, properties.getDiscovery().getDeadline())
        : resolver.resolve(request);

    Set<String> confirmed = Set.copyOf(properties.getConfirmedDomains());
    List<Candidate> outgoing = resolution.outgoing();
    if (outgoing.isEmpty()) {
      throw new MailSettingsUnavailableException(
          Reason.NO_SETTINGS,
          "No SMTP settings for " + address.address() + (properties.getDiscovery().isEnabled() ? "" : " offline")
              + ": add a provider file for " + address.domain() + " to mailsettings.providers-directory"
              + (properties.getDiscovery().isEnabled() ? "" : ", or set mailsettings.discovery.enabled=true"));
    }
    Credentials credentials = oauth != null && oauthSet
        ? oauth.credentials(resolution)
        : Credentials.password(Objects.requireNonNull(password));
    if (isSet(username)) {
      credentials = credentials.withUsername(Objects.requireNonNull(username));
    }
    List<Candidate> usable = new ArrayList<>();
    for (Candidate candidate : outgoing) {
      if (usableAsItStands(candidate, confirmed)) {
        usable.add(candidate);
      }
    }
    Candidate chosen = usable.isEmpty() ? null : usable.get(0);
    VerificationReport report = null;
    VerificationMode mode = properties.getVerification().getMode();
    if (mode != VerificationMode.OFF) {
      report = connector.verify(
          outgoing,
          address,
          credentials,
          VerifyOptions.builder()
              .deadline(properties.getVerification().getDeadline())
              .confirmedDomains(confirmed)
              .build());
      Optional<VerificationOutcome> best = report.best();
      if (best.isPresent()) {
        chosen = best.get().candidate();
        if (best.get().username().isPresent() && !isSet(username)) {
          credentials = credentials.withUsername(best.get().username().get());
        }
      } else if (mode == VerificationMode.FAIL) {
        throw new MailSettingsUnavailableException(
            Reason.VERIFICATION_FAILED,
            "No SMTP server for " + address.address() + " accepted the login: " + describe(report.outcomes()));
      } else {
        LOG.warn("mailsettings: no SMTP server for " + address.address() + " accepted the login ("
            + describe(report.outcomes()) + "); going on with " + (chosen == null ? "none" : chosen.settings().address()));
      }
    }
    if (chosen == null) {
      throw new MailSettingsUnavailableException(
          Reason.NOT_CONFIRMED,
          "The SMTP settings for " + address.address() + " cannot be trusted as they stand (guesses, or found over"
              + " plain HTTP or unsigned DNS): add "
              + outgoing.stream().map(Candidate::hostDomain).distinct().collect(Collectors.joining(","))
              + " to mailsettings.confirmed-domains if you trust those servers"
              + (mode == VerificationMode.OFF ? ", or set mailsettings.verification.mode=fail to log in to them first" : ""));
    }
    Candidate preferredIncoming = null;
    for (Candidate candidate : resolution.incoming()) {
      if (usableAsItStands(candidate, confirmed)) {
        preferredIncoming = candidate;
        break;
      }
    }
    MailSettingsAccount account = new MailSettingsAccount(resolution, chosen, preferredIncoming, report, credentials, connector);
    if (LOG.isInfoEnabled()) {
      LOG.info("mailsettings: sending as " + address.address() + " through " + chosen);
    }
    return account;
  }

  private static boolean isSet(@Nullable String value) {
    return value != null && !value.isEmpty();
  }

  /**
   * Whether a password may go to the candidate without a login proving it first: trusted
   * settings (the application's provider files, the bundled database, HTTPS from the domain, the
   * ISPDB, signed DNS), or settings whose host's domain the application confirmed. Guesses and
   * forgeable settings are used only once confirmed, or once a verification proved them.
   */
  private static boolean usableAsItStands(Candidate candidate, Set<String> confirmed) {
    return candidate.trust() == Trust.TRUSTED || confirmed.contains(candidate.hostDomain());
  }

  private static Resolution discover(MailSettingsResolver resolver, ResolutionRequest request, java.time.Duration deadline) {
    try {
      return resolver.discoverAndWait(request, DiscoveryOptions.builder().deadline(deadline).build());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while discovering the settings of " + request.address().address(), e);
    }
  }

  private static String describe(List<VerificationOutcome> outcomes) {
    return outcomes.stream().map(VerificationOutcome::toString).collect(Collectors.joining("; "));
  }

  /** {@return the account's address, display name included} */
  public EmailAddress address() {
    return resolution.address();
  }

  /** {@return what resolution (or discovery) found for the address} */
  public Resolution resolution() {
    return resolution;
  }

  /** {@return the SMTP candidate the auto-configured {@code JavaMailSender} sends through} */
  public Candidate outgoing() {
    return outgoing;
  }

  /**
   * {@return the best-ranked incoming candidate ({@code mailsettings.preferred-incoming} first) that may be
   * used without confirmation, if any}
   */
  public Optional<Candidate> incoming() {
    return Optional.ofNullable(incoming);
  }

  /**
   * {@return what the logins at start-up showed, when {@code mailsettings.verification.mode} was not {@code off}}
   */
  public Optional<VerificationReport> verification() {
    return Optional.ofNullable(verification);
  }

  /**
   * {@return a new session for the outgoing server, with the account's credentials behind its authenticator}
   */
  public Session session() {
    return connector.session(outgoing.settings(), address(), credentials);
  }

  /**
   * {@return a transport connected and logged in to the outgoing server within the connector's deadline}
   * The caller closes it.
   *
   * @throws MessagingException when connecting or logging in fails
   */
  public Transport connectTransport() throws MessagingException {
    return connector.connectTransport(outgoing.settings(), address(), credentials);
  }

  /**
   * {@return a store connected and logged in to the {@linkplain #incoming() incoming server}} The caller
   * closes it.
   *
   * @throws MessagingException when connecting or logging in fails
   * @throws IllegalStateException when no incoming server may be used
   */
  public Store connectStore() throws MessagingException {
    Candidate server = incoming;
    if (server == null) {
      throw new IllegalStateException("No incoming server for " + address().address() + " may be used without confirmation");
    }
    return connector.connectStore(server.settings(), address(), credentials);
  }

  @Override
  public String toString() {
    return "MailSettingsAccount[" + address() + ", outgoing " + outgoing.settings() + ", " + credentials + "]";
  }
}
