package org.mailsettings;

/**
 * How far a {@link Candidate} can be trusted before a password is sent to it.
 *
 * <p>Following the autoconfig draft: anything that rests on plain HTTP or unsigned DNS can be
 * forged by an attacker on the network, so the user must confirm it (the draft asks clients to
 * show the second-level domains of the hosts); guesses are not confirmed by anyone until a login
 * succeeds.
 */
public enum Trust {
  /** From a source the library trusts: the bundled database, the application's own files. */
  TRUSTED,
  /** From a source an attacker could forge (plain HTTP, unsigned DNS, an unconfirmed hint). */
  NEEDS_CONFIRMATION,
  /** Made up from the domain; unverified until a login succeeds. */
  UNVERIFIED;

  /** {@return whether the user should confirm this candidate before a password is sent to it} */
  public boolean requiresConfirmation() {
    return this != TRUSTED;
  }

  /**
   * {@return the less trusted of the two}
   *
   * @param other the trust to compare with
   */
  public Trust weakest(Trust other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
