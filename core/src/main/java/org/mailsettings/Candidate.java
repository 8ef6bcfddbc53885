package org.mailsettings;

import java.util.List;
import org.immutables.value.Value;
import org.mailsettings.internal.value.Values;

/**
 * One possible way to reach a mail server for an address: {@link ServerSettings}, where they came
 * from ({@link #sources()}), how far they can be trusted ({@link #trust()}) and why they are here
 * ({@link #reasons()}).
 */
@Value.Immutable
public abstract class Candidate {
  static {
    // The library's hot paths copy values through the generated classes (see Values).
    Values.grant(new ValueAccess());
  }

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
  public static final class Builder {
    private final ImmutableCandidate.Builder delegate = new ImmutableCandidate.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code Candidate} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(Candidate instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link Candidate#settings() settings} attribute.
     * @param settings The value for settings
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder settings(ServerSettings settings) {
      delegate.settings(settings);
      return this;
    }

    /**
     * Adds one element to {@link Candidate#sources() sources} list.
     * @param element A sources element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addSources(Source element) {
      delegate.addSources(element);
      return this;
    }

    /**
     * Adds elements to {@link Candidate#sources() sources} list.
     * @param elements An array of sources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addSources(Source... elements) {
      delegate.addSources(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Candidate#sources() sources} list.
     * @param elements An iterable of sources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder sources(Iterable<? extends Source> elements) {
      delegate.sources(elements);
      return this;
    }

    /**
     * Adds elements to {@link Candidate#sources() sources} list.
     * @param elements An iterable of sources elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllSources(Iterable<? extends Source> elements) {
      delegate.addAllSources(elements);
      return this;
    }

    /**
     * Initializes the value for the {@link Candidate#trust() trust} attribute.
     * @param trust The value for trust
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder trust(Trust trust) {
      delegate.trust(trust);
      return this;
    }

    /**
     * Adds one element to {@link Candidate#reasons() reasons} list.
     * @param element A reasons element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addReasons(Note element) {
      delegate.addReasons(element);
      return this;
    }

    /**
     * Adds elements to {@link Candidate#reasons() reasons} list.
     * @param elements An array of reasons elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addReasons(Note... elements) {
      delegate.addReasons(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Candidate#reasons() reasons} list.
     * @param elements An iterable of reasons elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder reasons(Iterable<? extends Note> elements) {
      delegate.reasons(elements);
      return this;
    }

    /**
     * Adds elements to {@link Candidate#reasons() reasons} list.
     * @param elements An iterable of reasons elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllReasons(Iterable<? extends Note> elements) {
      delegate.addAllReasons(elements);
      return this;
    }

    /**
     * Adds one element to {@link Candidate#usernameAlternatives() usernameAlternatives} list.
     * @param element A usernameAlternatives element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addUsernameAlternatives(String element) {
      delegate.addUsernameAlternatives(element);
      return this;
    }

    /**
     * Adds elements to {@link Candidate#usernameAlternatives() usernameAlternatives} list.
     * @param elements An array of usernameAlternatives elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addUsernameAlternatives(String... elements) {
      delegate.addUsernameAlternatives(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link Candidate#usernameAlternatives() usernameAlternatives} list.
     * @param elements An iterable of usernameAlternatives elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder usernameAlternatives(Iterable<String> elements) {
      delegate.usernameAlternatives(elements);
      return this;
    }

    /**
     * Adds elements to {@link Candidate#usernameAlternatives() usernameAlternatives} list.
     * @param elements An iterable of usernameAlternatives elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllUsernameAlternatives(Iterable<String> elements) {
      delegate.addAllUsernameAlternatives(elements);
      return this;
    }

    /**
     * Builds a new {@link Candidate Candidate}.
     * @return An immutable instance of Candidate
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public Candidate build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
