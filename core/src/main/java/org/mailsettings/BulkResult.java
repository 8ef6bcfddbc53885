package org.mailsettings;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One input of {@link MailSettingsResolver#discoverAll} and its answer: the resolution, or the
 * reason the input is not an address. A bad input never stops the run.
 */
@Value.Immutable
public abstract class BulkResult {

  BulkResult() {}

  /**
   * {@return the result of an input that is an address}
   *
   * @param index the input's position, from 0
   * @param input the input as it was given
   * @param resolution the address's resolution
   */
  public static BulkResult of(long index, String input, Resolution resolution) {
    return new ImmutableBulkResult.Builder().index(index).input(input).resolution(resolution).build();
  }

  /**
   * {@return the result of an input that is not an address}
   *
   * @param index the input's position, from 0
   * @param input the input as it was given
   * @param error why it is not an address
   */
  public static BulkResult failed(long index, String input, InvalidEmailAddressException error) {
    return new ImmutableBulkResult.Builder().index(index).input(input).error(error).build();
  }

  /** {@return the input's position, counting from 0} */
  public abstract long index();

  /** {@return the input as it was given} */
  public abstract String input();

  /** {@return the resolution, when the input is an address} */
  public abstract Optional<Resolution> resolution();

  /** {@return why the input is not an address, when it is not} */
  public abstract Optional<InvalidEmailAddressException> error();

  /** {@return whether the input was an address (and so has a resolution)} */
  public boolean isAddress() {
    return resolution().isPresent();
  }

  @Override
  public String toString() {
    return index() + " " + input() + ": " + resolution().map(r -> r.incoming().size() + " incoming, " + r.outgoing().size() + " outgoing")
        .orElseGet(() -> error().map(Throwable::getMessage).orElse("?"));
  }
}
