package org.mailsettings.check;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.mailsettings.ServerSettings;
import org.mailsettings.internal.text.Texts;
import org.mailsettings.probe.ProbeResult;

/**
 * What a {@link Finding} rests on: the provider's settings it compared the form with, or what a
 * probe or a login saw (the probe's result, the server's reply, the certificate's names, a
 * technical detail). Text from servers is made safe to show (control and bidirectional formatting
 * characters replaced).
 */
@Value.Immutable
public abstract class Evidence {
  private static final Evidence NONE = new Builder().build();

  Evidence() {}

  /** No evidence beyond the form itself. */
  public static Evidence none() {
    return NONE;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The provider's settings for the protocol that the form was compared with, the provider's preferred first. */
  public abstract List<ServerSettings> providerSettings();

  /** What probing the server without credentials showed. */
  public abstract Optional<ProbeResult> probe();

  /** The server's own words on the login, safe to show. */
  public abstract Optional<String> serverReply();

  /** The names the server's certificate is valid for, when they matter. */
  public abstract List<String> certificateNames();

  /** A technical detail for logs and support (an exception's message), in English. */
  public abstract Optional<String> detail();

  @Value.Check
  Evidence safe() {
    Optional<String> reply = serverReply().map(Texts::safe);
    Optional<String> safeDetail = detail().map(Texts::safe);
    if (!reply.equals(serverReply()) || !safeDetail.equals(detail())) {
      return builder().from(this).serverReply(reply).detail(safeDetail).build();
    }
    return this;
  }

  /** Builds {@link Evidence}. */
  public static final class Builder extends ImmutableEvidence.Builder {
    Builder() {}
  }
}
