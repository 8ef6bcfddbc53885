package org.mailsettings.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.ServerSettings;
import org.mailsettings.check.Severity;
import org.mailsettings.check.SettingsField;

/**
 * Every {@code ```java} block of README.md compiles, on its own, against the published modules
 * as a user's project sees them, and the blocks that work offline run and print what README says
 * they print (the comment after a {@code System.out.println}, "..." standing for any text).
 *
 * <p>What a block assumes lives here, beside its index, not in README: the variables it uses
 * (method parameters of the method the block is the body of) and the checked exceptions that
 * method declares. Imports are the packages a user of the library imports.
 */
class ReadmeCodeTest {

  /** The imports of every block: the library's packages and the JDK's usual ones. */
  private static final String IMPORTS =
      String.join("\n",
          "import java.io.*;", "import java.nio.file.*;", "import java.time.*;", "import java.util.*;",
          "import java.util.concurrent.*;", "import java.util.stream.*;", "import javax.net.ssl.SSLContext;",
          "import jakarta.mail.MessagingException;", "import jakarta.mail.Session;",
          "import org.mailsettings.*;", "import org.mailsettings.check.*;", "import org.mailsettings.probe.*;",
          "import org.mailsettings.clientconfig.*;", "import org.mailsettings.jakarta.*;",
          "import org.mailsettings.oauth2.*;", "import org.mailsettings.examples.dialog.*;", "import java.net.URI;",
          "import java.awt.Window;", "import javax.swing.SwingUtilities;", "import org.mailsettings.readme.Erp;",
          "import org.mailsettings.readme.Form;", "");

  /** The Spring Boot blocks: a class of an application that uses the starter. */
  private static final String SPRING_IMPORTS =
      String.join("\n",
          "import org.springframework.stereotype.Service;", "import org.springframework.mail.SimpleMailMessage;",
          "import org.springframework.mail.javamail.JavaMailSender;", "");

  /**
   * What each block assumes, in README's order; {@code startsWith} is the block's first line, so
   * that a block added, moved or removed fails here with its place named.
   */
  private static final List<Assumed> ASSUMED =
      List.of(
          Assumed.runs("MailSettingsResolver resolver = MailSettingsResolver.create();", ""),
          Assumed.runs("Resolution gmail = resolver.resolve(", "MailSettingsResolver resolver"),
          Assumed.compiles("CompletableFuture<Resolution> future = resolver.discover(", "MailSettingsResolver resolver"),
          Assumed.compiles("try (Stream<String> lines = Files.lines(", "MailSettingsResolver resolver")
              .throwing("IOException"),
          Assumed.compiles("try (MailSettingsResolver company = MailSettingsResolver.builder()", "SSLContext companyTls")
              .throwing("InterruptedException"),
          Assumed.compiles("Prober prober = resolver.prober();", "MailSettingsResolver resolver, Resolution r"),
          Assumed.compiles("Resolution r = resolver.resolve(\"Jan Novák <info@vizus.cz>\");",
              "MailSettingsResolver resolver, String secret"),
          Assumed.compiles("Resolution found = resolver.discoverAndWait(", "MailSettingsResolver resolver, String secret")
              .throwing("InterruptedException"),
          Assumed.compiles("Resolution r = resolver.resolve(\"Jan Novák <jan@gmail.com>\");",
              "MailSettingsResolver resolver, String MY_CLIENT_ID, String MY_CLIENT_SECRET, TokenStore myTokenStore,"
                  + " Browser showLinkToUser")
              .throwing("InterruptedException, ExecutionException, TimeoutException"),
          Assumed.compiles("OAuth2Account account = oauth.account(resolver.resolve(\"jan@outlook.com\"), myTokenStore);",
              "MailSettingsResolver resolver, OAuth2Client oauth, TokenStore myTokenStore")
              .throwing("InterruptedException, ExecutionException, TimeoutException"),
          Assumed.runs("MailSettingsResolver client = MailSettingsResolver.create();",
              "Form form, List<String> mxHostsIfKnown"),
          Assumed.compiles("try (MailConnector mail = MailConnector.create(client, MailOptions.defaults())) {",
              "MailSettingsResolver client, CheckResult result, String secret"),
          Assumed.compiles("ClientMetadata app = ClientMetadata.of(",
              "Resolution resolution, RegistrationStore myRegistrationStore, TokenStore myTokenStore, URI jmapSessionUrl,"
                  + " MailConnector mail, Browser showLinkToUser")
              .throwing("InterruptedException, ExecutionException"),
          Assumed.spring("@Service"),
          Assumed.compiles("AccountServices services = AccountServices.builder()",
              "MailSettingsResolver resolver, Window mainWindow, Erp erp"));

  private static final Pattern FENCE = Pattern.compile("^```java\\s*$");

  private static MailSettingsResolver resolver;

  @TempDir static Path classes;

  @BeforeAll
  static void openClient() {
    resolver = MailSettingsResolver.create();
  }

  @AfterAll
  static void closeClient() {
    resolver.close();
  }

  @Test
  void everyJavaBlockCompilesOnItsOwnAndTheOfflineOnesPrintWhatReadmeSays() throws Exception {
    List<Block> blocks = blocks(Path.of(System.getProperty("mailsettings.readme", "../README.md")));
    assertThat(blocks.stream().map(b -> "line " + b.line() + ": " + b.firstLine()).toList())
        .as("README's java blocks, each with what it assumes in ReadmeCodeTest.ASSUMED, in order")
        .hasSize(ASSUMED.size());
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(blocks.get(i).firstLine())
          .as("README block %d (line %d): ASSUMED names another block there", i, blocks.get(i).line())
          .startsWith(ASSUMED.get(i).startsWith());
    }

    compile(blocks);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      for (int i = 0; i < blocks.size(); i++) {
        if (ASSUMED.get(i).runs()) {
          List<String> printed = run(loader.loadClass("readme.Block" + i));
          for (String expected : blocks.get(i).expectedOutput()) {
            assertThat(printed)
                .as("README block %d (line %d) prints, as its comment says: %s", i, blocks.get(i).line(), expected)
                .anyMatch(line -> matches(expected, line));
          }
        }
      }
    }
  }

  private static void compile(List<Block> blocks) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> sources = new ArrayList<>();
    Map<String, Block> byFile = new LinkedHashMap<>();
    Path sourceRoot = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-sources").resolve("readme"));
    for (int i = 0; i < blocks.size(); i++) {
      Path source = sourceRoot.resolve("Block" + i + ".java");
      Files.writeString(source, unit(i, blocks.get(i)), StandardCharsets.UTF_8);
      sources.add(source);
      byFile.put(source.getFileName().toString(), blocks.get(i));
    }
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
          "-parameters", "-proc:none", "-encoding", "UTF-8", "-Xlint:none");
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> where(d, byFile) + ": " + d.getMessage(Locale.ROOT))
          .toList();
      assertThat(errors).as("README's java blocks do not compile as shown").isEmpty();
      assertThat(ok).isTrue();
    }
  }

  private static String where(Diagnostic<? extends JavaFileObject> diagnostic, Map<String, Block> byFile) {
    JavaFileObject source = diagnostic.getSource();
    if (source == null) {
      return "README.md";
    }
    String name = Path.of(source.toUri()).getFileName().toString();
    Block block = byFile.get(name);
    long bodyLine = diagnostic.getLineNumber() - headerLines(block);
    return block == null ? name : "README.md line " + (block.line() + bodyLine) + " (" + name + ")";
  }

  private static long headerLines(Block block) {
    return unitHeader(block.index()).lines().count();
  }

  /** The block as a compilation unit: a class, or the body of a method {@code run}. */
  private static String unit(int index, Block block) {
    return unitHeader(index) + block.code() + "\n" + (ASSUMED.get(index).spring() ? "" : "  }\n}\n");
  }

  private static String unitHeader(int index) {
    Assumed assumed = ASSUMED.get(index);
    if (assumed.spring()) {
      return "package readme;\n" + IMPORTS + SPRING_IMPORTS + "@SuppressWarnings(\"unused\") class Block" + index + " {}\n";
    }
    return "package readme;\n" + IMPORTS
        + "public class Block" + index + " {\n  public static void run(" + assumed.parameters() + ")"
        + (assumed.throwing().isEmpty() ? "" : " throws " + assumed.throwing()) + " {\n";
  }

  /** Runs a block's method with the values this test gives its parameters, returning what it printed. */
  private static List<String> run(Class<?> block) throws Exception {
    Method run = java.util.Arrays.stream(block.getMethods()).filter(m -> m.getName().equals("run")).findFirst().orElseThrow();
    Object[] arguments = new Object[run.getParameterCount()];
    Parameter[] parameters = run.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      arguments[i] = value(parameters[i].getName());
    }
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      run.invoke(null, arguments);
    } finally {
      System.setOut(original);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text.lines().toList();
  }

  private static Object value(String name) throws Exception {
    return switch (name) {
      case "resolver" -> resolver;
      case "form" -> new Form() {
        @Override
        public void mark(SettingsField field, Severity severity, String message) {}

        @Override
        public void offerOneClickFix(SettingsField field, ServerSettings fix) {}
      };
      case "mxHostsIfKnown" -> List.of();
      case "companyTls" -> SSLContext.getDefault();
      default -> throw new AssertionError("ReadmeCodeTest gives no value to a block's parameter " + name);
    };
  }

  /** Whether a printed line is the one a comment shows; "..." in the comment stands for any text. */
  static boolean matches(String expected, String line) {
    String regex = java.util.Arrays.stream(expected.split("\\.\\.\\.", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return line.strip().matches(regex);
  }

  /** The java blocks of a Markdown file, with where each starts. */
  static List<Block> blocks(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (FENCE.matcher(lines.get(i)).matches()) {
        int start = i + 1;
        int end = start;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
          end++;
        }
        blocks.add(new Block(blocks.size(), start + 1, lines.subList(start, end)));
        i = end;
      }
    }
    return blocks;
  }

  /** One block: its index, the README line of its first line, and its lines. */
  record Block(int index, int line, List<String> lines) {
    String code() {
      return String.join("\n", lines);
    }

    String firstLine() {
      return lines.isEmpty() ? "" : lines.get(0).strip();
    }

    /**
     * What the block says it prints: the comment on a line with {@code System.out.println}, and
     * the comment lines right below it.
     */
    List<String> expectedOutput() {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.contains("System.out.println(")) {
          continue;
        }
        int comment = line.indexOf("//", line.lastIndexOf(';') + 1);
        if (line.lastIndexOf(';') >= 0 && comment >= 0) {
          expected.add(line.substring(comment + 2).strip());
        }
        for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("//"); j++) {
          expected.add(lines.get(j).strip().substring(2).strip());
        }
      }
      return expected;
    }
  }

  /** What a block assumes: its first line, the parameters and checked exceptions of its method. */
  record Assumed(String startsWith, String parameters, String throwing, boolean runs, boolean spring) {
    static Assumed runs(String startsWith, String parameters) {
      return new Assumed(startsWith, parameters, "", true, false);
    }

    static Assumed compiles(String startsWith, String parameters) {
      return new Assumed(startsWith, parameters, "", false, false);
    }

    static Assumed spring(String startsWith) {
      return new Assumed(startsWith, "", "", false, true);
    }

    Assumed throwing(String exceptions) {
      return new Assumed(startsWith, parameters, exceptions, runs, spring);
    }
  }
}
