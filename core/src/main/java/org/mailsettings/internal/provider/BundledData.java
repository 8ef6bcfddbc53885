package org.mailsettings.internal.provider;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsettings.Source;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.EmailProviderConfig;

/**
 * The library's own provider data, read once per class loader and shared by every resolver: the
 * curated files and the ISPDB snapshot, from the compiled file the build writes beside the
 * curated files ({@link CompiledDatabase}). Loaded on first use, not when the class path is
 * scanned, and never reloaded.
 */
public final class BundledData {
  /** Where the curated files and the compiled database live. */
  public static final String CURATED_LOCATION = "/org/mailsettings/providers/";
  /** Where the ISPDB snapshot's files live. */
  public static final String SNAPSHOT_LOCATION = "/org/mailsettings/ispdb/";
  /** The curated layer's description in notes and reports. */
  public static final String CURATED_DESCRIPTION = "bundled database";
  /** The snapshot layer's description in notes and reports: "ISPDB snapshot of 2026-03-12". */
  public static final String SNAPSHOT_DESCRIPTION = "ISPDB snapshot of " + snapshotDate();

  private BundledData() {}

  /** The snapshot's date, as {@link SnapshotRefresh} recorded it beside the files. */
  private static String snapshotDate() {
    java.util.Properties snapshot = new java.util.Properties();
    try (InputStream in = BundledData.class.getResourceAsStream(SNAPSHOT_LOCATION + SnapshotRefresh.SNAPSHOT_FILE)) {
      if (in != null) {
        snapshot.load(in);
      }
    } catch (IOException e) {
      // the description then lacks the date; the data is unaffected
    }
    return snapshot.getProperty("date", "unknown date");
  }

  /** Initialised by the JVM on first access, once, thread-safely. */
  private static final class Holder {
    static final ProviderIndex CURATED =
        new ProviderIndex(Source.BUNDLED_DATABASE, CURATED_DESCRIPTION,
            lazyEntries(load(CompiledDatabase.CURATED), Source.BUNDLED_DATABASE));
    // Decoded when a lookup first gets past the curated layer (and the application's files):
    // most resolutions of a fresh JVM never need the snapshot's 163 documents.
    static final ProviderIndex SNAPSHOT =
        ProviderIndex.lazy(Source.ISPDB_SNAPSHOT, SNAPSHOT_DESCRIPTION, new SnapshotLoad());
  }

  /** Decodes the snapshot layer. A class, not a lambda: no lambda bootstrapping at start-up. */
  private static final class SnapshotLoad implements java.util.function.Supplier<List<ProviderEntry>> {
    @Override
    public List<ProviderEntry> get() {
      return lazyEntries(load(CompiledDatabase.ISPDB_SNAPSHOT), Source.ISPDB_SNAPSHOT);
    }
  }

  /** The curated layer. */
  public static ProviderIndex curated() {
    return Holder.CURATED;
  }

  /** The ISPDB snapshot layer. */
  public static ProviderIndex snapshot() {
    return Holder.SNAPSHOT;
  }

  private static List<CompiledDatabase.LazyDocument> load(String layer) {
    try (InputStream in = BundledData.class.getResourceAsStream(CURATED_LOCATION + CompiledDatabase.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The library's compiled provider database is missing: " + CURATED_LOCATION + CompiledDatabase.RESOURCE);
      }
      return CompiledDatabase.readLazyLayer(new BufferedInputStream(in), layer);
    } catch (IOException e) {
      throw new UncheckedIOException("The library's compiled provider database is damaged", e);
    }
  }

  /** Entries of compiled documents, each decoded when one of its entries is first used. */
  private static List<ProviderEntry> lazyEntries(List<CompiledDatabase.LazyDocument> documents, Source source) {
    List<ProviderEntry> entries = new ArrayList<>();
    for (CompiledDatabase.LazyDocument document : documents) {
      entries.addAll(ProviderEntry.of(document, source));
    }
    return entries;
  }

  /** Entries of the documents, each with its document's OAuth 2.0 block. */
  public static List<ProviderEntry> entries(List<ClientConfig> documents, Source source) {
    List<ProviderEntry> entries = new ArrayList<>();
    for (ClientConfig document : documents) {
      for (EmailProviderConfig provider : document.emailProviders()) {
        entries.add(new ProviderEntry(provider, document.oAuth2(), source, document.sourceName()));
      }
    }
    return entries;
  }
}
