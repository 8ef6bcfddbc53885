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
    return !excludedProtocols().contains(protocol);
  }

  @Value.Check
  void check() {
    if (!preferredIncoming().isIncoming()) {
      throw new InvalidSettingsException(
          "The preferred incoming protocol must be IMAP or POP3, not " + preferredIncoming());
    }
  }

  /** Builds a {@link ResolutionPolicy}. */
  public static final class Builder extends ImmutableResolutionPolicy.Builder {
    Builder() {}
  }
}
