package org.mailsettings.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsettings.clientconfig.TestCorpora;

/** The snapshot refresh tool on small copied directories. */
class SnapshotRefreshTest {

  private static String document(String domain, String imapHost) {
    return "<clientConfig version=\"1.1\"><emailProvider id=\"" + domain + "\"><domain>" + domain + "</domain>"
        + "<incomingServer type=\"imap\"><hostname>" + imapHost + "</hostname><port>993</port><socketType>SSL</socketType>"
        + "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
        + "</emailProvider></clientConfig>\n";
  }

  @Test
  void replacesTheSnapshotAndReportsAddedRemovedAndChangedDomainsWithoutTouchingCuratedFiles(@TempDir Path root) throws IOException {
    Path snapshot = Files.createDirectories(root.resolve("snapshot"));
    Path curated = Files.createDirectories(root.resolve("curated"));
    Path checkout = Files.createDirectories(root.resolve("autoconfig"));
    Path ispdb = Files.createDirectories(checkout.resolve("ispdb"));
    Files.writeString(snapshot.resolve("kept.example.xml"), document("kept.example", "imap.kept.example"));
    Files.writeString(snapshot.resolve("moved.example.xml"), document("moved.example", "imap.old.moved.example"));
    Files.writeString(snapshot.resolve("gone.example.xml"), document("gone.example", "imap.gone.example"));
    Files.writeString(snapshot.resolve("README.md"), "readme");
    Files.writeString(curated.resolve("own.example.xml"), document("own.example", "imap.own.example"));
    Files.writeString(ispdb.resolve("kept.example.xml"), document("kept.example", "imap.kept.example"));
    Files.writeString(ispdb.resolve("moved.example.xml"), document("moved.example", "imap.new.moved.example"));
    String fresh = document("new.example", "imap.new.example");
    Files.writeString(ispdb.resolve("new.example.xml"), fresh);
    Files.copy(TestCorpora.ispdb().resolve("LICENSE"), checkout.resolve("LICENSE"));
    byte[] curatedBefore = Files.readAllBytes(curated.resolve("own.example.xml"));

    ByteArrayOutputStream report = new ByteArrayOutputStream();
    SnapshotRefresh.Changes changes =
        SnapshotRefresh.refresh(checkout, snapshot, "abc1234", "2026-12-01", new PrintStream(report, true, StandardCharsets.UTF_8));

    assertThat(changes.added()).containsExactly("new.example");
    assertThat(changes.removed()).containsExactly("gone.example");
    assertThat(changes.changed()).containsExactly("moved.example");
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("added    new.example  IMAP imap.new.example:993 IMPLICIT_TLS")
        .contains("removed  gone.example")
        .contains("changed  moved.example  IMAP imap.old.moved.example:993 IMPLICIT_TLS  ->  IMAP imap.new.moved.example:993 IMPLICIT_TLS");
    assertThat(snapshot.resolve("gone.example.xml")).doesNotExist();
    assertThat(Files.readString(snapshot.resolve("new.example.xml"))).isEqualTo(fresh); // unmodified
    assertThat(snapshot.resolve("LICENSE")).exists();
    assertThat(snapshot.resolve("README.md")).exists();
    assertThat(Files.readString(snapshot.resolve(SnapshotRefresh.SNAPSHOT_FILE))).contains("commit=abc1234").contains("date=2026-12-01");
    assertThat(Files.readAllBytes(curated.resolve("own.example.xml"))).isEqualTo(curatedBefore);
    assertThat(Files.list(curated).count()).isEqualTo(1);
  }

  @Test
  void aBrokenNewDocumentReplacesNothing(@TempDir Path root) throws IOException {
    Path snapshot = Files.createDirectories(root.resolve("snapshot"));
    Path checkout = Files.createDirectories(root.resolve("checkout"));
    Files.writeString(snapshot.resolve("kept.example.xml"), document("kept.example", "imap.kept.example"));
    Files.writeString(checkout.resolve("broken.example.xml"), "<clientConfig>");
    assertThatThrownBy(() -> SnapshotRefresh.refresh(checkout, snapshot, "abc1234", "2026-12-01", System.out))
        .isInstanceOf(IOException.class).hasMessageContaining("broken.example.xml");
    assertThat(snapshot.resolve("kept.example.xml")).exists();
  }
}
