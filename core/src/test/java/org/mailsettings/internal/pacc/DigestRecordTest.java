package org.mailsettings.internal.pacc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The UAAC1 record syntax of draft-ietf-mailmaint-pacc-03 section 5.2.2.2, as automx reads it. */
class DigestRecordTest {
  private static final byte[] DOCUMENT = "{\"protocols\":{}}".getBytes(StandardCharsets.UTF_8);
  private static final String D = Base64.getEncoder().encodeToString(DigestRecord.sha256(DOCUMENT));

  private static DigestRecord.Kind kind(String record) {
    return DigestRecord.parse(record).kind();
  }

  @Test
  void readsTheRecordThePublisherWrites() {
    String record = DigestRecord.format(DOCUMENT);
    assertThat(record).isEqualTo("v=UAAC1; a=sha256; d=" + D);
    DigestRecord.Parsed parsed = DigestRecord.parse(record);
    assertThat(parsed.kind()).isEqualTo(DigestRecord.Kind.VALID);
    assertThat(parsed.digest()).isEqualTo(DigestRecord.sha256(DOCUMENT));
    assertThat(parsed.problem()).isEmpty();
    assertThat(DigestRecord.matches(DOCUMENT, List.of(parsed.digest()))).isTrue();
  }

  @Test
  void acceptsWhatTheSyntaxAllows() {
    for (String record : List.of(
        "v=UAAC1;a=sha256;d=" + D,
        "v=UAAC1; a=sha256; d=" + D + ";",
        "v=UAAC1; a=sha256; d=" + D + " ; ",
        "v = UAAC1 ;\ta\t=\tsha256 ; d= " + D,
        "d=" + D + "; a=sha256; v=UAAC1",
        "v=UAAC1; x=later-revision; a=sha256; d=" + D + "; note=ignored")) {
      assertThat(kind(record)).as(record).isEqualTo(DigestRecord.Kind.VALID);
    }
  }

  @Test
  void refusesWhatItDoesNot() {
    for (String record : List.of(
        " v=UAAC1; a=sha256; d=" + D, // leading white space
        "\tv=UAAC1; a=sha256; d=" + D,
        "v=uaac1; a=sha256; d=" + D, // values match exactly
        "v=UAAC1; a=SHA256; d=" + D,
        "v=UAAC1; a=sha512; d=" + D,
        "v=UAAC1; v=UAAC1; a=sha256; d=" + D, // repeated tags
        "v=UAAC1; a=sha256; a=sha256; d=" + D,
        "v=UAAC1; a=sha256; d=" + D + "; d=" + D,
        "v=UAAC1; a=sha256", // no digest
        "v=UAAC1; d=" + D, // no algorithm
        "v=UAAC1; a=sha256; d=" + D.substring(0, 43), // unpadded
        "v=UAAC1; a=sha256; d=" + Base64.getEncoder().encodeToString(new byte[31]),
        "v=UAAC1; a=sha256; d=" + Base64.getEncoder().encodeToString(new byte[33]),
        "v=UAAC1; a=sha256; d=" + "*" + D.substring(1),
        "v=UAAC1; a=sha256; d=" + D.substring(0, 20) + " " + D.substring(20), // white space inside a value
        "v=UAAC1;; a=sha256; d=" + D, // an empty tag
        "v=UAAC1; a; d=" + D, // a tag without '='
        "v=UAAC1; =sha256; d=" + D,
        "v=UAAC1; a-b=x; a=sha256; d=" + D, // a tag name that is not letters and digits
        "v=UAAC1; a=sha256; d=" + D + ";;",
        "v=UAAC1; a=sha256; d=" + D + "\u00e9", // outside ASCII (a byte of ISO 8859-1)
        "v=UAAC1; a=sha256;\u0000 d=" + D,
        "v=UAAC1; a=sha256; d=" + D + "\r\n")) {
      DigestRecord.Parsed parsed = DigestRecord.parse(record);
      assertThat(parsed.kind()).as(record).isEqualTo(DigestRecord.Kind.MALFORMED);
      assertThat(parsed.digest()).as(record).isNull();
      assertThat(parsed.problem()).as(record).isNotEmpty();
    }
  }

  @Test
  void aRecordOfAnotherKindIsNotOurs() {
    assertThat(kind("v=spf1 -all")).isEqualTo(DigestRecord.Kind.OTHER);
    assertThat(kind("google-site-verification=abc")).isEqualTo(DigestRecord.Kind.OTHER);
    assertThat(kind("")).isEqualTo(DigestRecord.Kind.OTHER);
    // A later version's record is not one this reader knows: not ours either, not malformed.
    assertThat(kind("v=UAAC2; a=sha256; d=" + D)).isEqualTo(DigestRecord.Kind.OTHER);
  }

  @Test
  void anyDigestOfTheSetMayMatch() {
    byte[] other = DigestRecord.sha256("old".getBytes(StandardCharsets.UTF_8));
    byte[] ours = DigestRecord.sha256(DOCUMENT);
    assertThat(DigestRecord.matches(DOCUMENT, List.of(other, ours))).isTrue();
    assertThat(DigestRecord.matches(DOCUMENT, List.of(ours, other))).isTrue();
    assertThat(DigestRecord.matches(DOCUMENT, List.of(other))).isFalse();
    assertThat(DigestRecord.matches(DOCUMENT, List.of())).isFalse();
    // One byte more is another document.
    byte[] changed = java.util.Arrays.copyOf(DOCUMENT, DOCUMENT.length + 1);
    changed[DOCUMENT.length] = '\n';
    assertThat(DigestRecord.matches(changed, List.of(ours))).isFalse();
  }

  @Test
  void theOwnerName() {
    assertThat(DigestRecord.ownerName("vizus.cz")).isEqualTo("_ua-auto-config.vizus.cz");
  }

  // Properties.

  @Property(tries = 300)
  void whatIsFormattedParsesBackToItsDigest(@ForAll @Size(max = 2000) byte[] document) {
    DigestRecord.Parsed parsed = DigestRecord.parse(DigestRecord.format(document));
    assertThat(parsed.kind()).isEqualTo(DigestRecord.Kind.VALID);
    assertThat(parsed.digest()).isEqualTo(DigestRecord.sha256(document));
    assertThat(DigestRecord.matches(document, List.of(parsed.digest()))).isTrue();
  }

  @Property(tries = 300)
  void tagOrderSpacingAndUnknownTagsDoNotMatter(
      @ForAll("digests") byte[] digest, @ForAll("orders") List<Integer> order, @ForAll("spacing") String space,
      @ForAll boolean finalSemicolon, @ForAll("unknownTags") List<String> unknown) {
    List<String> tags = new ArrayList<>(List.of("v" + space + "=" + space + "UAAC1", "a=" + space + "sha256",
        "d=" + Base64.getEncoder().encodeToString(digest)));
    List<String> ordered = new ArrayList<>();
    for (int i : order) {
      ordered.add(tags.get(i));
    }
    ordered.addAll(Math.min(1, ordered.size()), unknown);
    String record = String.join(space + ";" + space, ordered) + (finalSemicolon ? ";" + space : "");
    DigestRecord.Parsed parsed = DigestRecord.parse(record);
    assertThat(parsed.kind()).as(record).isEqualTo(DigestRecord.Kind.VALID);
    assertThat(parsed.digest()).isEqualTo(digest);
  }

  @Property(tries = 300)
  void aRepeatedKnownTagIsMalformed(@ForAll("digests") byte[] digest, @ForAll("known") String repeated) {
    String d = "d=" + Base64.getEncoder().encodeToString(digest);
    String again = switch (repeated) {
      case "v" -> "v=UAAC1";
      case "a" -> "a=sha256";
      default -> d;
    };
    assertThat(kind("v=UAAC1; a=sha256; " + d + "; " + again)).isEqualTo(DigestRecord.Kind.MALFORMED);
  }

  @Property(tries = 500)
  void anyTextIsOneOfTheThreeKindsAndOnlyAValidOneHasADigest(@ForAll("recordish") String record) {
    DigestRecord.Parsed parsed = DigestRecord.parse(record);
    if (parsed.kind() == DigestRecord.Kind.VALID) {
      assertThat(parsed.digest()).hasSize(32);
      assertThat(record).doesNotStartWith(" ").doesNotStartWith("\t").contains("UAAC1");
    } else {
      assertThat(parsed.digest()).isNull();
      assertThat(parsed.problem()).isNotEmpty();
    }
  }

  @Property(tries = 300)
  void anyChangedDigestByteIsAMismatch(@ForAll @Size(max = 500) byte[] document, @ForAll("index") int index) {
    byte[] digest = DigestRecord.sha256(document);
    digest[index] ^= 1;
    assertThat(DigestRecord.matches(document, List.of(digest))).isFalse();
  }

  @Provide
  Arbitrary<byte[]> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Provide
  Arbitrary<Integer> index() {
    return Arbitraries.integers().between(0, 31);
  }

  @Provide
  Arbitrary<List<Integer>> orders() {
    return Arbitraries.randomValue(random -> {
      List<Integer> shuffled = new ArrayList<>(List.of(0, 1, 2));
      Collections.shuffle(shuffled, random);
      return shuffled;
    });
  }

  @Provide
  Arbitrary<String> spacing() {
    return Arbitraries.strings().withChars(' ', '\t').ofMaxLength(3);
  }

  @Provide
  Arbitrary<List<String>> unknownTags() {
    Arbitrary<String> name = Arbitraries.strings().withCharRange('b', 'z').ofMinLength(2).ofMaxLength(6);
    Arbitrary<String> value = Arbitraries.strings().withCharRange((char) 0x21, (char) 0x7E).ofMinLength(1).ofMaxLength(10).filter(s -> !s.contains(";"));
    return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> known() {
    return Arbitraries.of("v", "a", "d");
  }

  @Provide
  Arbitrary<String> recordish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("v=UAC1;a sh256d\t+/AQw=\u00e9\u0000").ofMaxLength(80),
        digests().map(d -> "v=UAAC1; a=sha256; d=" + Base64.getEncoder().encodeToString(d)),
        Arbitraries.strings().ascii().ofMaxLength(60).map(s -> "v=UAAC1; a=sha256; d=" + s));
  }
}
