package org.mailsettings.internal.pacc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The DNS record that vouches for a PACC document: a TXT record at {@code _ua-auto-config.<domain>}
 * of the form {@code v=UAAC1; a=sha256; d=<base64 of the document's SHA-256>}, read as
 * draft-ietf-mailmaint-pacc-03 section 5.2.2.2 says (as automx reads it): tags separated by
 * {@code ;}, spaces or tabs allowed around names and values, a final {@code ;} allowed, any tag
 * order, unknown tags ignored; invalid with leading white space, a character outside printable
 * ASCII, a repeated {@code v}, {@code a} or {@code d}, an empty tag, or a {@code d} that is not
 * the base64 of exactly 32 bytes. {@code v} and {@code a} must match exactly ({@code UAAC1},
 * {@code sha256}). Several records may stand side by side during a rollover: any valid one may
 * match.
 */
public final class DigestRecord {
  /** The owner name's first label. */
  public static final String LABEL = "_ua-auto-config";

  /** What a TXT record at the PACC name is. */
  public enum Kind {
    /** A valid UAAC1 record: its digest is usable. */
    VALID,
    /** It means to be a UAAC1 record (it names UAAC1) but breaks the syntax, or names another algorithm. */
    MALFORMED,
    /** Not a UAAC1 record at all (an SPF record a wildcard put there, say): ignored. */
    OTHER
  }

  /** One record, read: what it is, its digest when valid, and what is wrong when malformed. */
  public static final class Parsed {
    private final Kind kind;
    private final byte @Nullable [] digest;
    private final String problem;

    Parsed(Kind kind, byte @Nullable [] digest, String problem) {
      this.kind = kind;
      this.digest = digest;
      this.problem = problem;
    }

    /** What the record is. */
    public Kind kind() {
      return kind;
    }

    /** The 32 bytes of a valid record's digest (a copy); null for the others. */
    public byte @Nullable [] digest() {
      return digest == null ? null : digest.clone();
    }

    /** What is wrong, for a record that is not valid; empty for a valid one. */
    public String problem() {
      return problem;
    }
  }

  private DigestRecord() {}

  /** The owner name of a domain's digest records: {@code _ua-auto-config.example.com}. */
  public static String ownerName(String asciiDomain) {
    return LABEL + "." + asciiDomain;
  }

  /**
   * Reads one record: its character-strings joined without a separator, each byte one character
   * (ISO 8859-1), so that a byte outside ASCII is seen and refused.
   */
  public static Parsed parse(String record) {
    if (!record.toUpperCase(Locale.ROOT).contains("UAAC1")) {
      return new Parsed(Kind.OTHER, null, "not a UAAC1 record");
    }
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        return malformed("a character outside printable ASCII");
      }
    }
    if (record.isEmpty() || record.charAt(0) == ' ' || record.charAt(0) == '\t') {
      return malformed("white space before the first tag");
    }
    String text = stripEnd(record);
    if (text.endsWith(";")) {
      text = stripEnd(text.substring(0, text.length() - 1));
    }
    String version = null;
    String algorithm = null;
    String digest = null;
    Set<String> seen = new HashSet<>();
    for (String specification : text.split(";", -1)) {
      String spec = strip(specification);
      int equals = spec.indexOf('=');
      if (equals < 0) {
        return malformed("a tag without '='");
      }
      String name = stripEnd(spec.substring(0, equals));
      String value = strip(spec.substring(equals + 1));
      if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return malformed("a tag name that is not letters and digits");
      }
      if (value.isEmpty() || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
        return malformed("the tag " + name + " has an empty value or white space inside it");
      }
      if (name.equals("v") || name.equals("a") || name.equals("d")) {
        if (!seen.add(name)) {
          return malformed("the tag " + name + " twice");
        }
        switch (name) {
          case "v" -> version = value;
          case "a" -> algorithm = value;
          default -> digest = value;
        }
      }
      // Unknown tags are ignored: later revisions may add some.
    }
    if (!"UAAC1".equals(version)) {
      return malformed("v is not UAAC1");
    }
    if (!"sha256".equals(algorithm)) {
      return malformed(algorithm == null ? "no a tag" : "the algorithm " + algorithm + " is not sha256");
    }
    if (digest == null) {
      return malformed("no d tag");
    }
    // Base64 of 32 bytes is 43 characters and one '=': nothing else, not the unpadded form.
    if (digest.length() != 44 || digest.charAt(43) != '=' || !digest.substring(0, 43).chars().allMatch(DigestRecord::base64)) {
      return malformed("d is not the base64 of 32 bytes");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(digest);
    } catch (IllegalArgumentException e) {
      return malformed("d is not base64");
    }
    if (bytes.length != 32) {
      return malformed("d is not the base64 of 32 bytes");
    }
    return new Parsed(Kind.VALID, bytes, "");
  }

  private static boolean base64(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }

  private static Parsed malformed(String problem) {
    return new Parsed(Kind.MALFORMED, null, problem);
  }

  private static String strip(String s) {
    int start = 0;
    while (start < s.length() && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    return stripEnd(s.substring(start));
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The record that vouches for {@code document}: {@code v=UAAC1; a=sha256; d=...}. */
  public static String format(byte[] document) {
    return "v=UAAC1; a=sha256; d=" + Base64.getEncoder().encodeToString(sha256(document));
  }

  /** The SHA-256 of the bytes. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Whether the document's digest is one of {@code digests}, compared in constant time with each
   * (and with every one, whether an earlier one matched or not).
   */
  public static boolean matches(byte[] document, List<byte[]> digests) {
    byte[] actual = sha256(document);
    boolean match = false;
    for (byte[] expected : digests) {
      match |= MessageDigest.isEqual(expected, actual);
    }
    return match;
  }

  /** A record's bytes as the text {@link #parse} reads: one character per byte. */
  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
