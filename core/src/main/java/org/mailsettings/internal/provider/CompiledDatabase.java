package org.mailsettings.internal.provider;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mailsettings.AuthMethod;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.ClientConfigParser;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.OAuth2Config;
import org.mailsettings.clientconfig.ServerConfig;

/**
 * The bundled provider files, parsed at build time and stored compactly, so that a resolver
 * starts without an XML parser: the XML files stay the source of the data (and the fallback),
 * this is a cache of their parsed form. {@link #main} writes it during the build;
 * {@code ProviderDatabaseTest} checks it equals what parsing the files gives.
 */
public final class CompiledDatabase {
  /** The resource name beside the provider files. */
  public static final String RESOURCE = "providers.dat";

  private static final int MAGIC = 0x4D534442; // "MSDB"
  // 5: each layer's byte length before it, so one can be read alone; 6: each document's domains,
  // MX domains and byte length before it, so that an index is built without decoding documents.
  private static final int VERSION = 6;

  private CompiledDatabase() {}

  /** The layers of the compiled file, in the order the resolver consults them. */
  public record Layer(String name, List<ClientConfig> documents) {}

  /** What the index of a layer needs of one provider section, readable without decoding it. */
  public record SectionHead(List<String> domains, List<String> mxDomains) {}

  /**
   * One document of a layer, decoded when it is first asked for: a fresh JVM's first resolution
   * decodes the one document it needs, not the layer's 40 or 163 (tens of milliseconds
   * interpreted).
   */
  public static final class LazyDocument {
    private final String sourceName;
    private final List<SectionHead> sections;
    private final byte[] body;
    private volatile @Nullable ClientConfig decoded;

    LazyDocument(String sourceName, List<SectionHead> sections, byte[] body) {
      this.sourceName = sourceName;
      this.sections = List.copyOf(sections);
      this.body = body;
    }

    /** The file it was compiled from, such as {@code bundled:vizus.cz.xml}. */
    public String sourceName() {
      return sourceName;
    }

    /** Its provider sections' domains and MX domains, in document order. */
    public List<SectionHead> sections() {
      return sections;
    }

    /** Whether it has been decoded yet. */
    boolean isDecoded() {
      return decoded != null;
    }

    /** The document, decoded on the first call. */
    public ClientConfig document() {
      ClientConfig known = decoded;
      if (known == null) {
        synchronized (this) {
          known = decoded;
          if (known == null) {
            try {
              known = readDocument(new DataInputStream(new java.io.ByteArrayInputStream(body)), sourceName);
            } catch (IOException e) {
              // The bytes were written by this class at build time and checked by tests.
              throw new java.io.UncheckedIOException("The compiled provider database is damaged: " + sourceName, e);
            }
            decoded = known;
          }
        }
      }
      return known;
    }
  }

  /** The layer name of the curated files. */
  public static final String CURATED = "curated";
  /** The layer name of the ISPDB snapshot. */
  public static final String ISPDB_SNAPSHOT = "ispdb-snapshot";

  /**
   * Build step: {@code CompiledDatabase <curated directory> <ISPDB snapshot directory> [<override
   * report>]}: parses the curated files the curated directory's index lists (a curated file with
   * parser warnings fails the build) and every {@code *.xml} file of the snapshot in name order
   * (third-party data, taken as it is), and writes {@value #RESOURCE} into the curated directory.
   * The domains where the curated layer overrides the snapshot, and what it adds, are listed in
   * the report file when one is given (the build writes {@code target/curated-overrides.txt}: a
   * quiet build stays quiet), else on standard output.
   */
  public static void main(String[] args) throws IOException {
    Path curatedDirectory = Path.of(args[0]);
    Path snapshotDirectory = Path.of(args[1]);
    List<ClientConfig> curated = new ArrayList<>();
    for (String line : Files.readAllLines(curatedDirectory.resolve("index.txt"))) {
      String name = line.replaceFirst("#.*", "").strip();
      if (!name.isEmpty()) {
        ClientConfig parsed = ClientConfigParser.defaults().parse(curatedDirectory.resolve(name));
        if (!parsed.warnings().isEmpty()) {
          throw new IOException(name + " has problems: " + parsed.warnings());
        }
        curated.add(ClientConfig.builder().from(parsed).sourceName("bundled:" + name).build());
      }
    }
    List<ClientConfig> snapshot = new ArrayList<>();
    for (Path file : snapshotFiles(snapshotDirectory)) {
      ClientConfig parsed = ClientConfigParser.defaults().parse(file);
      snapshot.add(ClientConfig.builder().from(parsed).sourceName("ispdb:" + file.getFileName()).build());
    }
    List<String> redundant = new ArrayList<>();
    List<String> report = new ArrayList<>();
    for (OverrideCheck.Takeover override : OverrideCheck.overrides(curated, snapshot)) {
      // Every domain the curated layer takes over from the snapshot, and why.
      report.add("curated " + override.curatedProvider() + " overrides ISPDB " + override.snapshotProviders()
          + " for " + override.domains() + ": " + (override.redundant() ? "NOTHING NEW" : String.join(", ", override.additions())));
      if (override.redundant()) {
        redundant.add(override.curatedProvider());
      }
    }
    if (args.length > 2) {
      Path reportFile = Path.of(args[2]);
      Files.createDirectories(reportFile.toAbsolutePath().getParent());
      Files.write(reportFile, report);
    } else {
      report.forEach(System.out::println);
    }
    if (!redundant.isEmpty()) {
      throw new IOException("curated files that say nothing the ISPDB snapshot does not already say (delete them): " + redundant);
    }
    try (OutputStream out = Files.newOutputStream(curatedDirectory.resolve(RESOURCE))) {
      write(List.of(new Layer(CURATED, curated), new Layer(ISPDB_SNAPSHOT, snapshot)), out);
    }
  }

  /** The snapshot's documents: every {@code *.xml} file of the directory, in name order. */
  public static List<Path> snapshotFiles(Path directory) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().collect(java.util.stream.Collectors.toList());
    }
  }

  /** Writes the layers. */
  public static void write(List<Layer> layers, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(stream);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(layers.size());
    for (Layer layer : layers) {
      out.writeUTF(layer.name());
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      DataOutputStream layerOut = new DataOutputStream(bytes);
      writeDocuments(layerOut, layer.documents());
      layerOut.flush();
      out.writeInt(bytes.size());
      bytes.writeTo(out);
    }
    out.flush();
  }

  private static void writeDocuments(DataOutputStream out, List<ClientConfig> documents) throws IOException {
    out.writeInt(documents.size());
    for (ClientConfig document : documents) {
      out.writeUTF(document.sourceName());
      out.writeInt(document.emailProviders().size());
      for (EmailProviderConfig provider : document.emailProviders()) {
        writeList(out, provider.domains());
        writeList(out, provider.mxDomains());
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      DataOutputStream body = new DataOutputStream(bytes);
      writeDocument(body, document);
      body.flush();
      out.writeInt(bytes.size());
      bytes.writeTo(out);
    }
  }

  private static void writeDocument(DataOutputStream out, ClientConfig document) throws IOException {
    out.writeUTF(document.version());
    out.writeBoolean(document.oAuth2().isPresent());
    if (document.oAuth2().isPresent()) {
      OAuth2Config oauth = document.oAuth2().get();
      writeOptional(out, oauth.issuer());
      writeOptional(out, oauth.scope());
      writeOptional(out, oauth.authUrl());
      writeOptional(out, oauth.tokenUrl());
      writeOptional(out, oauth.deviceAuthUrl());
    }
    out.writeInt(document.emailProviders().size());
    for (EmailProviderConfig provider : document.emailProviders()) {
      out.writeUTF(provider.id());
      writeOptional(out, provider.displayName());
      writeOptional(out, provider.displayShortName());
      writeList(out, provider.domains());
      writeList(out, provider.mxDomains());
      writeList(out, provider.documentationUrls());
      writeList(out, provider.notes());
      writeServers(out, provider.incomingServers());
      writeServers(out, provider.outgoingServers());
    }
  }

  /** Reads what {@link #write} wrote. */
  public static List<Layer> read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a compiled provider database of version " + VERSION);
    }
    int layerCount = in.readInt();
    List<Layer> layers = new ArrayList<>(layerCount);
    for (int l = 0; l < layerCount; l++) {
      String name = in.readUTF();
      in.readInt(); // the layer's length: read whole, it is not needed
      layers.add(new Layer(name, readDocuments(in)));
    }
    return layers;
  }

  /**
   * Reads one layer of what {@link #write} wrote, skipping the others without decoding them: a
   * resolver that finds its answer in the curated layer never decodes the snapshot's 163
   * documents.
   *
   * @throws IOException when the file has no layer of that name
   */
  public static Layer readLayer(InputStream stream, String wanted) throws IOException {
    return new Layer(wanted, decoded(readLazyLayer(stream, wanted)));
  }

  private static List<ClientConfig> readDocuments(DataInputStream in) throws IOException {
    return decoded(readLazyDocuments(in));
  }

  private static List<ClientConfig> decoded(List<LazyDocument> lazy) {
    List<ClientConfig> documents = new ArrayList<>(lazy.size());
    for (LazyDocument document : lazy) {
      documents.add(document.document());
    }
    return documents;
  }

  /**
   * Reads one layer of what {@link #write} wrote as documents decoded on first use, skipping the
   * other layers.
   *
   * @throws IOException when the file has no layer of that name
   */
  public static List<LazyDocument> readLazyLayer(InputStream stream, String wanted) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a compiled provider database of version " + VERSION);
    }
    int layerCount = in.readInt();
    for (int l = 0; l < layerCount; l++) {
      String name = in.readUTF();
      int length = in.readInt();
      if (name.equals(wanted)) {
        return readLazyDocuments(in);
      }
      in.skipNBytes(length);
    }
    throw new IOException("the compiled provider database has no layer " + wanted);
  }

  private static List<LazyDocument> readLazyDocuments(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<LazyDocument> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String sourceName = in.readUTF();
      int sectionCount = in.readInt();
      List<SectionHead> sections = new ArrayList<>(sectionCount);
      for (int s = 0; s < sectionCount; s++) {
        sections.add(new SectionHead(List.copyOf(readList(in)), List.copyOf(readList(in))));
      }
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      documents.add(new LazyDocument(sourceName, sections, body));
    }
    return documents;
  }

  private static ClientConfig readDocument(DataInputStream in, String sourceName) throws IOException {
    ClientConfig.Builder document = ClientConfig.builder().sourceName(sourceName).version(in.readUTF());
    if (in.readBoolean()) {
      OAuth2Config.Builder oauth = OAuth2Config.builder();
      String issuer = readNullable(in);
      if (issuer != null) {
        oauth.issuer(issuer);
      }
      String scope = readNullable(in);
      if (scope != null) {
        oauth.scope(scope);
      }
      String authUrl = readNullable(in);
      if (authUrl != null) {
        oauth.authUrl(authUrl);
      }
      String tokenUrl = readNullable(in);
      if (tokenUrl != null) {
        oauth.tokenUrl(tokenUrl);
      }
      String deviceUrl = readNullable(in);
      if (deviceUrl != null) {
        oauth.deviceAuthUrl(deviceUrl);
      }
      document.oAuth2(oauth.build());
    }
    int providers = in.readInt();
    for (int p = 0; p < providers; p++) {
      EmailProviderConfig.Builder provider = EmailProviderConfig.builder().id(in.readUTF());
      String displayName = readNullable(in);
      if (displayName != null) {
        provider.displayName(displayName);
      }
      String shortName = readNullable(in);
      if (shortName != null) {
        provider.displayShortName(shortName);
      }
      provider.domains(readList(in)).mxDomains(readList(in)).documentationUrls(readList(in)).notes(readList(in));
      provider.incomingServers(readServers(in)).outgoingServers(readServers(in));
      document.addEmailProviders(provider.build());
    }
    return document.build();
  }

  private static void writeServers(DataOutputStream out, List<ServerConfig> servers) throws IOException {
    out.writeInt(servers.size());
    for (ServerConfig server : servers) {
      out.writeUTF(server.protocol().name());
      out.writeUTF(server.hostname());
      writeOptional(out, server.domainDotReplacement());
      out.writeInt(server.port());
      out.writeUTF(server.security().name());
      out.writeInt(server.authMethods().size());
      for (AuthMethod method : server.authMethods()) {
        out.writeUTF(method.kind().name());
        out.writeUTF(method.saslMechanism());
      }
      writeOptional(out, server.username());
      writeOptional(out, server.imapPathPrefix());
      writeList(out, server.tlsVersions());
      out.writeLong(server.maxMessageSize().orElse(-1));
      out.writeByte(server.leaveMessagesOnServer().isEmpty() ? 2 : server.leaveMessagesOnServer().get() ? 1 : 0);
    }
  }

  private static List<ServerConfig> readServers(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<ServerConfig> servers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ServerConfig.Builder server =
          ServerConfig.builder().protocol(Protocol.valueOf(in.readUTF())).hostname(in.readUTF());
      String dots = readNullable(in);
      if (dots != null) {
        server.domainDotReplacement(dots);
      }
      server.port(in.readInt()).security(Security.valueOf(in.readUTF()));
      int methods = in.readInt();
      for (int m = 0; m < methods; m++) {
        AuthMethod.Kind kind = AuthMethod.Kind.valueOf(in.readUTF());
        String sasl = in.readUTF();
        server.addAuthMethods(kind == AuthMethod.Kind.SASL ? AuthMethod.sasl(sasl) : AuthMethod.of(kind));
      }
      String username = readNullable(in);
      if (username != null) {
        server.username(username);
      }
      String prefix = readNullable(in);
      if (prefix != null) {
        server.imapPathPrefix(prefix);
      }
      server.tlsVersions(readList(in));
      long size = in.readLong();
      if (size >= 0) {
        server.maxMessageSize(size);
      }
      byte leave = in.readByte();
      if (leave != 2) {
        server.leaveMessagesOnServer(leave == 1);
      }
      servers.add(server.build());
    }
    return servers;
  }

  private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      out.writeUTF(value.get());
    }
  }

  private static @Nullable String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeList(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      out.writeUTF(value);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(in.readUTF());
    }
    return values;
  }
}
