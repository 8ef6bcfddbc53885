package org.mailsettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.internal.provider.BundledData;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderIndex;

/**
 * A set of provider rules read from clientConfig documents: the application's own files (a
 * directory, a classpath location, or documents it parsed itself), or one of the library's own
 * layers ({@link #bundled()} and {@link #ispdbSnapshot()}).
 *
 * <p>Immutable and thread-safe. Add the application's databases to {@link
 * MailSettingsResolver.Builder}; they are consulted before the library's layers, in the order
 * added, and the first database that knows a domain answers for it. Candidates from the
 * application's databases carry {@link Source#LOCAL_FILE} and are trusted: they are the
 * application's own configuration.
 */
public final class ProviderDatabase {

  /** The file that lists a classpath location's provider files, one name a line. */
  public static final String INDEX_FILE = "index.txt";

  private final ProviderIndex index;

  private ProviderDatabase(ProviderIndex index) {
    this.index = index;
  }

  /**
   * {@return the curated provider files bundled with the library: the providers and hosters listed in the
   * README} Read once per JVM (from the build's compiled form) and shared.
   *
   * @throws IllegalStateException only if the library's own resources are damaged
   */
  public static ProviderDatabase bundled() {
    return new ProviderDatabase(BundledData.curated());
  }

  /**
   * {@return the bundled snapshot of Thunderbird's ISPDB (MPL-2.0; see the README), consulted after the
   * curated files} Read once per JVM and shared.
   *
   * @throws IllegalStateException only if the library's own resources are damaged
   */
  public static ProviderDatabase ispdbSnapshot() {
    return new ProviderDatabase(BundledData.snapshot());
  }

  /** The curated files read from their XML, without the build's compiled form (for tests). */
  static ProviderDatabase bundledFromXml() {
    List<ClientConfig> configs =
        readListed(name -> ProviderDatabase.class.getResourceAsStream(BundledData.CURATED_LOCATION + name), "bundled:");
    return new ProviderDatabase(
        new ProviderIndex(Source.BUNDLED_DATABASE, BundledData.CURATED_DESCRIPTION, BundledData.entries(configs, Source.BUNDLED_DATABASE)));
  }

  /**
   * {@return every {@code *.xml} file directly in a directory, read in file-name order} Candidates from
   * these files carry {@link Source#LOCAL_FILE}.
   *
   * @param directory the directory
   * @throws ClientConfigException if the directory cannot be listed or a file cannot be parsed
   *     (the message names the file and line)
   */
  public static ProviderDatabase fromDirectory(Path directory) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
              .sorted()
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new ClientConfigException(
          ClientConfigException.Reason.READ_FAILED,
          directory.toString(),
          -1,
          "cannot list the provider directory: " + e,
          e);
    }
    List<ClientConfig> configs = new ArrayList<>();
    for (Path file : files) {
      configs.add(ClientConfigParser.defaults().parse(file));
    }
    return of("provider files in " + directory, configs);
  }

  /**
   * {@return the provider files at a classpath location: the location holds an {@value #INDEX_FILE}
   * listing the file names, one a line ({@code #} starts a comment), because class paths cannot
   * be listed} Candidates from these files carry {@link Source#LOCAL_FILE}.
   *
   * @param loader the class loader to read with
   * @param location a resource directory such as {@code com/example/mail-providers}
   * @throws ClientConfigException if the index or a listed file is missing or cannot be parsed
   */
  public static ProviderDatabase fromClasspath(ClassLoader loader, String location) {
    String directory = location.endsWith("/") ? location : location + "/";
    String base = directory.startsWith("/") ? directory.substring(1) : directory;
    List<ClientConfig> configs = readListed(name -> loader.getResourceAsStream(base + name), "classpath:" + base);
    return of("provider files at classpath:" + base, configs);
  }

  /**
   * {@return a database of documents the application parsed itself; candidates from it carry {@link
   * Source#LOCAL_FILE}}
   *
   * @param documents the clientConfig documents
   * @param description for notes, such as "provider files in /etc/mail-providers"
   */
  public static ProviderDatabase of(String description, Collection<ClientConfig> documents) {
    Objects.requireNonNull(description, "description");
    return new ProviderDatabase(
        new ProviderIndex(Source.LOCAL_FILE, description, BundledData.entries(List.copyOf(documents), Source.LOCAL_FILE)));
  }

  /**
   * Reads the documents an {@value #INDEX_FILE} lists, opening each name with {@code opener};
   * {@code prefix} names them in messages.
   */
  private static List<ClientConfig> readListed(
      Function<String, @Nullable InputStream> opener, String prefix) {
    List<ClientConfig> configs = new ArrayList<>();
    for (String name : readIndex(opener.apply(INDEX_FILE), prefix + INDEX_FILE)) {
      try (InputStream in = opener.apply(name)) {
        if (in == null) {
          throw new ClientConfigException(
              ClientConfigException.Reason.READ_FAILED, prefix + name, -1, "listed but missing");
        }
        configs.add(ClientConfigParser.defaults().parse(in, prefix + name));
      } catch (IOException e) {
        throw new ClientConfigException(
            ClientConfigException.Reason.READ_FAILED, prefix + name, -1, e.toString(), e);
      }
    }
    return configs;
  }

  private static List<String> readIndex(@Nullable InputStream in, String name) {
    if (in == null) {
      throw new ClientConfigException(ClientConfigException.Reason.READ_FAILED, name, -1, "not found");
    }
    List<String> names = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String entry = line.replaceFirst("#.*", "").strip();
        if (!entry.isEmpty()) {
          if (entry.contains("/") || entry.contains("\\") || entry.startsWith(".")) {
            throw new ClientConfigException(
                ClientConfigException.Reason.READ_FAILED, name, -1, "not a plain file name: " + entry);
          }
          names.add(entry);
        }
      }
    } catch (IOException e) {
      throw new ClientConfigException(ClientConfigException.Reason.READ_FAILED, name, -1, e.toString(), e);
    }
    return names;
  }

  /**
   * {@return what candidates from this database say about their origin: {@link Source#LOCAL_FILE} for the
   * application's databases, {@link Source#BUNDLED_DATABASE} or {@link Source#ISPDB_SNAPSHOT} for
   * the library's layers}
   */
  public Source source() {
    return index.source();
  }

  /** {@return a description for notes and messages, such as "bundled database"} */
  public String description() {
    return index.description();
  }

  /** {@return the providers, in the order they were read} */
  public List<Provider> providers() {
    return index.entries().stream().map(ProviderEntry::provider).collect(Collectors.toUnmodifiableList());
  }

  /** {@return the parsed provider sections, with their server templates, in the order they were read} */
  public List<EmailProviderConfig> providerConfigs() {
    return index.entries().stream().map(ProviderEntry::config).collect(Collectors.toUnmodifiableList());
  }

  ProviderIndex index() {
    return index;
  }

  @Override
  public String toString() {
    return index.description() + " (" + index.entries().size() + " providers)";
  }
}
