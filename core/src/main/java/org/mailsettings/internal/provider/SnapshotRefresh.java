package org.mailsettings.internal.provider;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigException;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.ServerConfig;

/**
 * The maintainers' tool that replaces the bundled ISPDB snapshot with a newer checkout of the
 * thunderbird/autoconfig repository: it copies the checkout's {@code ispdb/*.xml} files and its
 * licence unmodified into the snapshot directory, records the commit and date, and prints the
 * domains and servers added, removed and changed. It writes into the snapshot directory only:
 * curated files are never touched. See the providers README for how to run it.
 *
 * <pre>
 * SnapshotRefresh &lt;checkout&gt; &lt;snapshot directory&gt; &lt;commit&gt; &lt;date&gt;
 * </pre>
 */
public final class SnapshotRefresh {
  /** The file beside the snapshot that says where it comes from. */
  public static final String SNAPSHOT_FILE = "SNAPSHOT.properties";

  private SnapshotRefresh() {}

  /** What changed between two snapshots, by domain. */
  public record Changes(List<String> added, List<String> removed, List<String> changed) {}

  /** Runs the tool; exit status 2 for bad arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: SnapshotRefresh <autoconfig checkout> <snapshot directory> <commit> <date YYYY-MM-DD>");
      System.exit(2);
    }
    refresh(Path.of(args[0]), Path.of(args[1]), args[2], args[3], System.out);
  }

  /**
   * Replaces the snapshot in {@code snapshot} with the documents of {@code checkout} (its {@code
   * ispdb} folder, or the directory itself when it has none) and reports what changed.
   *
   * @throws IOException if a directory cannot be read or written, or a new document is not a
   *     clientConfig document (nothing is replaced then)
   */
  public static Changes refresh(Path checkout, Path snapshot, String commit, String date, PrintStream out) throws IOException {
    if (!commit.matches("[0-9a-f]{7,40}") || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IOException("the commit must be a hexadecimal hash and the date YYYY-MM-DD: " + commit + " " + date);
    }
    Path source = Files.isDirectory(checkout.resolve("ispdb")) ? checkout.resolve("ispdb") : checkout;
    List<Path> incoming = CompiledDatabase.snapshotFiles(source);
    if (incoming.isEmpty()) {
      throw new IOException("no *.xml files in " + source);
    }
    Map<String, String> before = servers(CompiledDatabase.snapshotFiles(snapshot));
    Map<String, String> after = servers(incoming); // parses every new file before anything is replaced
    TreeSet<String> added = new TreeSet<>(after.keySet());
    added.removeAll(before.keySet());
    TreeSet<String> removed = new TreeSet<>(before.keySet());
    removed.removeAll(after.keySet());
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> entry : after.entrySet()) {
      String old = before.get(entry.getKey());
      if (old != null && !old.equals(entry.getValue())) {
        changed.add(entry.getKey());
      }
    }
    for (Path old : CompiledDatabase.snapshotFiles(snapshot)) {
      Files.delete(old);
    }
    for (Path file : incoming) {
      Files.copy(file, snapshot.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
    Path licence = checkout.resolve("LICENSE");
    if (Files.isRegularFile(licence)) {
      Files.copy(licence, snapshot.resolve("LICENSE"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(snapshot.resolve(SNAPSHOT_FILE),
        "# The ISPDB snapshot bundled here: where it comes from. Written by SnapshotRefresh.\n"
            + "commit=" + commit + "\ndate=" + date + "\nrepository=https://github.com/thunderbird/autoconfig\n",
        StandardCharsets.UTF_8);
    for (String domain : added) {
      out.println("added    " + domain + "  " + after.get(domain));
    }
    for (String domain : removed) {
      out.println("removed  " + domain + "  " + before.get(domain));
    }
    for (String domain : changed) {
      out.println("changed  " + domain + "  " + before.get(domain) + "  ->  " + after.get(domain));
    }
    out.println(incoming.size() + " files, " + after.size() + " domains: " + added.size() + " added, " + removed.size()
        + " removed, " + changed.size() + " changed");
    return new Changes(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
  }

  /** Each domain of the documents with its servers, in one line of text; the first file naming a domain wins. */
  private static Map<String, String> servers(List<Path> files) throws IOException {
    Map<String, String> servers = new TreeMap<>();
    for (Path file : files) {
      ClientConfig document;
      try {
        document = ClientConfigParser.defaults().parse(file);
      } catch (ClientConfigException e) {
        throw new IOException("not a clientConfig document: " + file + ": " + e.getMessage(), e);
      }
      for (EmailProviderConfig provider : document.emailProviders()) {
        String summary = summary(provider);
        for (String domain : provider.domains()) {
          servers.putIfAbsent(domain, summary);
        }
      }
    }
    return servers;
  }

  private static String summary(EmailProviderConfig provider) {
    List<String> parts = new ArrayList<>();
    for (List<ServerConfig> list : List.of(provider.incomingServers(), provider.outgoingServers())) {
      for (ServerConfig server : list) {
        parts.add(server.protocol() + " " + server.hostname() + ":" + server.port() + " " + server.security());
      }
    }
    return Objects.toString(String.join(", ", parts));
  }
}
