package org.mailsettings.internal.value;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.Candidate;
import org.mailsettings.EmailAddress;
import org.mailsettings.Note;
import org.mailsettings.Provider;
import org.mailsettings.Resolution;
import org.mailsettings.ServerSettings;

/**
 * The generated value classes' copy methods for the library's own hot paths. The generated classes
 * are package-private in {@code org.mailsettings}, and their public builders copy every list
 * twice and allocate for attributes never set; an offline resolution builds a dozen values, and
 * those copies were a good part of its cost. The values built here are the same (equal, and of
 * the same list types) as the builders would build.
 */
public final class Values {
  /** What {@code org.mailsettings} grants; see {@link Values}. */
  public interface Access {
    /** {@return {@code candidate} with other settings, sharing its lists} */
    Candidate withSettings(Candidate candidate, ServerSettings settings);

    /** {@return a resolution without source reports or service URLs} */
    Resolution resolution(
        EmailAddress address, Optional<Provider> provider, List<Candidate> incoming, List<Candidate> outgoing,
        List<Note> notes);
  }

  private static volatile @Nullable Access access;

  static {
    // Candidate grants the access when it is initialised: make sure that happens before anyone
    // else can call grant.
    Candidate.builder();
  }

  private Values() {}

  /**
   * Called once, by {@code org.mailsettings.Candidate}'s static initializer; refused after that
   * (the package is not exported, but on the class path anyone could call it).
   *
   * @throws IllegalStateException when the access was granted already
   */
  public static synchronized void grant(Access granted) {
    if (access != null) {
      throw new IllegalStateException("granted already");
    }
    access = granted;
  }

  /** {@return the access} */
  public static Access access() {
    // Never null here: initialising this class initialises Candidate, which grants it.
    return java.util.Objects.requireNonNull(access, "granted by Candidate");
  }
}
