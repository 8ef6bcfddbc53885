package org.mailsettings;

import java.util.List;
import org.immutables.value.Value;

/**
 * One possible way to reach a mail server for an address: {@link ServerSettings}, where they came
 * from ({@link #sources()}), how far they can be trusted ({@link #trust()}) and why they are here
 * ({@link #reasons()}).
 */
@Value.Immutable
public abstract class Candidate {

  Candidate() {}

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a candidate from one source}
   *
   * @param settings the server settings
   * @param source the source
   * @param trust how far the candidate can be trusted
   * @param reason why the candidate is there
   */
  public static Candidate of(ServerSettings settings, Source source, Trust trust, Note reason) {
    return builder().settings(settings).addSources(source).trust(trust).addReasons(reason).build();
  }

  /** {@return the settings} */
  public abstract ServerSettings settings();

  /** {@return every source that vouched for these settings, the most authoritative first} Never empty. */
  public abstract List<Source> sources();

  /** {@return how far the settings can be trusted} */
  public abstract Trust trust();

  /**
   * {@return why this candidate is here: first where it came from ({@link NoteCode#FROM_PROVIDER_DOMAIN}
   * "bundled database: VIZUS serves vizus.cz"), then what qualifies it ({@link
   * NoteCode#REDIRECTED_TO}, {@link NoteCode#PRIVATE_ADDRESS}, {@link NoteCode#ANSWERED_PROBE})}
   * Never empty.
   */
  public abstract List<Note> reasons();

  /**
   * {@return other usernames worth trying, in order, when {@link ServerSettings#username()} is refused
   * because the username form is not known (guesses)} Empty when the form is known.
   */
  public abstract List<String> usernameAlternatives();

  /** {@return the protocol of the settings} */
  public Protocol protocol() {
    return settings().protocol();
  }

  /**
   * {@return the registrable ("second-level") domain of the host, as the user is asked to confirm it
   * ({@code spoje.net} for {@code firma--cz.mx.spoje.net}); an IP address as it is}
   */
  public String hostDomain() {
    String host = settings().host();
    return org.mailsettings.internal.net.HostNames.isIpLiteral(host)
        ? host
        : org.mailsettings.internal.psl.PublicSuffixList.bundled().registrableDomain(host).orElse(host);
  }

  /** {@return the primary (most authoritative) source} */
  public Source source() {
    return sources().get(0);
  }

  @Value.Check
  void check() {
    if (sources().isEmpty()) {
      throw new InvalidSettingsException("A candidate needs at least one source");
    }
    if (reasons().isEmpty()) {
      throw new InvalidSettingsException("A candidate needs a reason");
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(settings()).append(" from ").append(sources()).append(" (").append(trust()).append("): ");
    for (int i = 0; i < reasons().size(); i++) {
      text.append(i == 0 ? "" : "; ").append(reasons().get(i));
    }
    return text.toString();
  }

  /** Builds a {@link Candidate}. */
  public static final class Builder extends ImmutableCandidate.Builder {
    Builder() {}
  }
}
