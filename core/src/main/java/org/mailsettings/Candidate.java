package org.mailsettings;

import java.util.List;
import org.immutables.value.Value;

/**
 * One possible way to reach a mail server for an address: {@link ServerSettings}, where they came
 * from ({@link #sources()}), how far they can be trusted ({@link #trust()}) and why they are here,
 * in words ({@link #reason()}).
 */
@Value.Immutable
public abstract class Candidate {

  Candidate() {}

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A candidate from one source. */
  public static Candidate of(ServerSettings settings, Source source, Trust trust, String reason) {
    return builder().settings(settings).addSources(source).trust(trust).reason(reason).build();
  }

  /** The settings. */
  public abstract ServerSettings settings();

  /**
   * Every source that vouched for these settings, the most authoritative first. Never empty.
   */
  public abstract List<Source> sources();

  /** How far the settings can be trusted. */
  public abstract Trust trust();

  /** Why this candidate is here, for people: "bundled database: VIZUS (domain vizus.cz)". */
  public abstract String reason();

  /**
   * Other usernames worth trying, in order, when {@link ServerSettings#username()} is refused
   * because the username form is not known (guesses). Empty when the form is known.
   */
  public abstract List<String> usernameAlternatives();

  /** The protocol of the settings. */
  public Protocol protocol() {
    return settings().protocol();
  }

  /** The primary (most authoritative) source. */
  public Source source() {
    return sources().get(0);
  }

  @Value.Check
  void check() {
    if (sources().isEmpty()) {
      throw new InvalidSettingsException("A candidate needs at least one source");
    }
  }

  @Override
  public String toString() {
    return settings() + " from " + sources() + " (" + trust() + "): " + reason();
  }

  /** Builds a {@link Candidate}. */
  public static final class Builder extends ImmutableCandidate.Builder {
    Builder() {}
  }
}
