package org.mailsettings.internal.discovery;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mailsettings.MailSettingsResolver;

/**
 * How the library's other public packages (the settings check) reach a client's runtime, which
 * the client does not publish: the client registers the way once, when its class is initialised,
 * which happens before any client exists. Internal; not exported.
 */
public final class ClientAccess {
  private static volatile @Nullable Function<MailSettingsResolver, PipelineRuntime> access;

  private ClientAccess() {}

  /**
   * Registers the way to a client's runtime; called once by {@link MailSettingsResolver}.
   *
   * @throws IllegalStateException when called again
   */
  public static synchronized void register(Function<MailSettingsResolver, PipelineRuntime> runtimeOf) {
    if (access != null) {
      throw new IllegalStateException("The client access is registered already");
    }
    access = Objects.requireNonNull(runtimeOf, "runtimeOf");
  }

  /** The client's runtime: its provider store, threads and TLS context. */
  public static PipelineRuntime runtime(MailSettingsResolver client) {
    Function<MailSettingsResolver, PipelineRuntime> way = access;
    if (way == null) {
      // A client exists, so its class is initialised and has registered: this cannot happen.
      throw new IllegalStateException("MailSettingsResolver has not registered its runtime access");
    }
    return way.apply(client);
  }
}
