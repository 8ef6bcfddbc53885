package org.mailsettings;

import java.io.BufferedInputStream;
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
import org.mailsettings.internal.provider.CompiledDatabase;
import org.mailsettings.internal.provider.ProviderEntry;
import org.mailsettings.internal.provider.ProviderIndex;

/**
 * A set of provider rules read from clientConfig documents: the database bundled with the
 * library, a directory of the application's own files, a classpath location, or documents the
 * application parsed itself.
 *
 * <p>Immutable and thread-safe. Pass one or more to {@link MailSettingsResolver.Builder}; the
 * first database that knows a domain answers for it.
 */
public final class ProviderDatabase {

  /** Where the bundled provider files live, relative to the class path root. */
  static final String BUNDLED_LOCATION = "/org/mailsettings/providers/";

  /** The file that lists a classpath location's provider files, one name a line. */
  public static final String INDEX_FILE = "index.txt";

  private final Source source;
  private final String description;
  private final ProviderIndex index;

  private ProviderDatabase(Source source, String description, List<ProviderEntry> entries) {
    this.source = source;
    this.description = description;
    this.index = new ProviderIndex(description, entries);
  }

  /**
   * The database bundled with the library: the providers and hosters listed in the README.
   *
   * @throws ClientConfigException only if the library's own resources are damaged
   */
  public static ProviderDatabase bundled() {
    // The build stores the parsed files compactly beside them: no XML parser at start-up.
    try (InputStream compiled = ProviderDatabase.class.getResourceAsStream(BUNDLED_LOCATION + CompiledDatabase.RESOURCE)) {
      if (compiled != null) {
        return of(Source.BUNDLED_DATABASE, "bundled database", CompiledDatabase.read(new BufferedInputStream(compiled)));
      }
    } catch (IOException e) {
      // A damaged cache: the files themselves are read below.
    }
    return bundledFromXml();
  }

  /** The bundled database read from its XML files, without the build's compiled cache. */
  static ProviderDatabase bundledFromXml() {
    List<ClientConfig> configs =
        readListed(name -> ProviderDatabase.class.getResourceAsStream(BUNDLED_LOCATION + name), "bundled:");
    return of(Source.BUNDLED_DATABASE, "bundled database", configs);
  }

  /**
   * Every {@code *.xml} file directly in a directory, read in file-name order. Candidates from
   * these files carry {@link Source#LOCAL_FILE}.
   *
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
    return of(Source.LOCAL_FILE, "provider files in " + directory, configs);
  }

  /**
   * The provider files at a classpath location: the location holds an {@value #INDEX_FILE}
   * listing the file names, one a line ({@code #} starts a comment), because class paths cannot
   * be listed. Candidates from these files carry {@link Source#LOCAL_FILE}.
   *
   * @param loader the class loader to read with
   * @param location a resource directory such as {@code com/example/mail-providers}
   * @throws ClientConfigException if the index or a listed file is missing or cannot be parsed
   */
  public static ProviderDatabase fromClasspath(ClassLoader loader, String location) {
    String directory = location.endsWith("/") ? location : location + "/";
    String base = directory.startsWith("/") ? directory.substring(1) : directory;
    List<ClientConfig> configs = readListed(name -> loader.getResourceAsStream(base + name), "classpath:" + base);
    return of(Source.LOCAL_FILE, "provider files at classpath:" + base, configs);
  }

  /**
   * A database of documents the application parsed itself.
   *
   * @param source {@link Source#LOCAL_FILE} or {@link Source#BUNDLED_DATABASE}: what candidates
   *     from these documents say about their origin
   * @param description for notes, such as "provider files in /etc/mail-providers"
   */
  public static ProviderDatabase of(Source source, String description, Collection<ClientConfig> documents) {
    Objects.requireNonNull(source, "source");
    List<ProviderEntry> entries = new ArrayList<>();
    for (ClientConfig document : documents) {
      for (EmailProviderConfig provider : document.emailProviders()) {
        entries.add(new ProviderEntry(provider, document.oAuth2(), source, document.sourceName()));
      }
    }
    return new ProviderDatabase(source, description, entries);
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

  /** What candidates from this database say about their origin. */
  public Source source() {
    return source;
  }

  /** A description for notes and messages, such as "bundled database". */
  public String description() {
    return description;
  }

  /** The providers, in the order they were read. */
  public List<Provider> providers() {
    return index.entries().stream().map(ProviderEntry::provider).collect(Collectors.toUnmodifiableList());
  }

  /** The parsed provider sections, with their server templates, in the order they were read. */
  public List<EmailProviderConfig> providerConfigs() {
    return index.entries().stream().map(ProviderEntry::config).collect(Collectors.toUnmodifiableList());
  }

  ProviderIndex index() {
    return index;
  }

  @Override
  public String toString() {
    return description + " (" + index.entries().size() + " providers)";
  }
}
