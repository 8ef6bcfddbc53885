package org.mailsettings;

import java.util.Set;
import org.immutables.value.Value;

/**
 * What a caller wants from resolution: whether plaintext candidates may appear at all, which
 * incoming protocol comes first, and which protocols to leave out.
 *
 * <pre>{@code
 * ResolutionPolicy pop3First = ResolutionPolicy.defaults().toBuilder()
 *     .preferredIncoming(Protocol.POP3).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ResolutionPolicy {

  private static final ResolutionPolicy DEFAULTS = new Builder().build();

  ResolutionPolicy() {}

  /** {@return the defaults: no plaintext, IMAP before POP3, every protocol} */
  public static ResolutionPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this policy.
   *
   * @return this builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.from(this);
    return builder;
  }

  /**
   * {@return whether candidates without any encryption may be returned} Off by default: a password must
   * never travel in the clear unless the application asks for it explicitly (an internal relay on
   * port 25, for example).
   */
  @Value.Default
  public boolean allowPlaintext() {
    return false;
  }

  /** {@return the incoming protocol whose candidates come first: {@link Protocol#IMAP} by default} */
  @Value.Default
  public Protocol preferredIncoming() {
    return Protocol.IMAP;
  }

  /** {@return protocols to leave out of the resolution entirely} */
  public abstract Set<Protocol> excludedProtocols();

  /**
   * {@return whether candidates of this protocol are wanted}
   *
   * @param protocol the protocol
   */
  public boolean includes(Protocol protocol) {
    // isEmpty first: asked for every candidate of every resolution, and most policies exclude nothing.
    Set<Protocol> excluded = excludedProtocols();
    return excluded.isEmpty() || !excluded.contains(protocol);
  }

  @Value.Check
  void check() {
    if (!preferredIncoming().isIncoming()) {
      throw new InvalidSettingsException(
          "The preferred incoming protocol must be IMAP or POP3, not " + preferredIncoming());
    }
  }

  /** Builds a {@link ResolutionPolicy}. */
  public static final class Builder {
    private final ImmutableResolutionPolicy.Builder delegate = new ImmutableResolutionPolicy.Builder();

    Builder() {}

    /**
     * Fill a builder with attribute values from the provided {@code ResolutionPolicy} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder from(ResolutionPolicy instance) {
      delegate.from(instance);
      return this;
    }

    /**
     * Initializes the value for the {@link ResolutionPolicy#allowPlaintext() allowPlaintext} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ResolutionPolicy#allowPlaintext() allowPlaintext}.</em>
     * @param allowPlaintext The value for allowPlaintext
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder allowPlaintext(boolean allowPlaintext) {
      delegate.allowPlaintext(allowPlaintext);
      return this;
    }

    /**
     * Initializes the value for the {@link ResolutionPolicy#preferredIncoming() preferredIncoming} attribute.
     * <p><em>If not set, this attribute will have a default value as returned by the initializer of {@link ResolutionPolicy#preferredIncoming() preferredIncoming}.</em>
     * @param preferredIncoming The value for preferredIncoming
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder preferredIncoming(Protocol preferredIncoming) {
      delegate.preferredIncoming(preferredIncoming);
      return this;
    }

    /**
     * Adds one element to {@link ResolutionPolicy#excludedProtocols() excludedProtocols} set.
     * @param element A excludedProtocols element
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addExcludedProtocols(Protocol element) {
      delegate.addExcludedProtocols(element);
      return this;
    }

    /**
     * Adds elements to {@link ResolutionPolicy#excludedProtocols() excludedProtocols} set.
     * @param elements An array of excludedProtocols elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addExcludedProtocols(Protocol... elements) {
      delegate.addExcludedProtocols(elements);
      return this;
    }

    /**
     * Sets or replaces all elements for {@link ResolutionPolicy#excludedProtocols() excludedProtocols} set.
     * @param elements An iterable of excludedProtocols elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder excludedProtocols(Iterable<Protocol> elements) {
      delegate.excludedProtocols(elements);
      return this;
    }

    /**
     * Adds elements to {@link ResolutionPolicy#excludedProtocols() excludedProtocols} set.
     * @param elements An iterable of excludedProtocols elements
     * @return {@code this} builder for use in a chained invocation
     */
    public Builder addAllExcludedProtocols(Iterable<Protocol> elements) {
      delegate.addAllExcludedProtocols(elements);
      return this;
    }

    /**
     * Builds a new {@link ResolutionPolicy ResolutionPolicy}.
     * @return An immutable instance of ResolutionPolicy
     * @throws java.lang.IllegalStateException if any required attributes are missing
     */
    public ResolutionPolicy build() {
      try {
        return delegate.build();
      } catch (IllegalStateException e) {
        // A required attribute is missing: the library's typed error, naming it.
        throw new InvalidSettingsException(String.valueOf(e.getMessage()));
      }
    }
  }

}
