package org.mailsettings.clientconfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a hoster publishes so that clients find its settings by PACC
 * (draft-ietf-mailmaint-pacc-03): the document to serve, byte for byte, at {@link #url()}, the
 * TXT record with its digest at {@link #recordName()}, and the servers of the provider file that
 * PACC cannot express, with the reason. Made by {@link PaccPublisher}.
 *
 * <p>Any change to the document's bytes changes the digest. To change a published document,
 * publish the new record beside the old one, wait out the record's TTL and the document's HTTP
 * cache lifetime, switch the document, then remove the old record (clients accept any digest of
 * the set).
 */
public final class PaccPublication {

  /** Why a server of the provider file is not in the PACC document. */
  public enum Reason {
    /** STARTTLS or no encryption: PACC has implicit TLS only. */
    NOT_IMPLICIT_TLS,
    /** Implicit TLS on another port than PACC's (IMAP 993, POP3 995, submission 465). */
    NOT_STANDARD_PORT,
    /** A username other than the full address ({@code %EMAILADDRESS%}), which PACC implies. */
    USERNAME_NOT_FULL_ADDRESS,
    /** A host that depends on the mailbox, or gives no host name for the domain. */
    HOST_NOT_FIXED,
    /** No login PACC can express: a password, or OAuth 2.0 with an issuer of the open public client profile. */
    LOGIN_NOT_EXPRESSIBLE,
    /** PACC has one host per protocol: the provider's preferred server of the protocol is published. */
    ONE_PER_PROTOCOL
  }

  /** A server of the provider file that is not in the document, and why. */
  public static final class LeftOut {
    private final ServerConfig server;
    private final Reason reason;

    LeftOut(ServerConfig server, Reason reason) {
      this.server = server;
      this.reason = reason;
    }

    /** {@return the server section} */
    public ServerConfig server() {
      return server;
    }

    /** {@return why it is left out} */
    public Reason reason() {
      return reason;
    }

    /** {@return the server and the reason, for people: {@code IMAP mail.vizus.cz:143 STARTTLS: NOT_IMPLICIT_TLS}} */
    @Override
    public String toString() {
      return server.protocol() + " " + server.hostname() + ":" + server.port() + " " + server.security() + ": " + reason;
    }
  }

  private final String domain;
  private final byte[] document;
  private final String record;
  private final List<LeftOut> leftOut;

  PaccPublication(String domain, byte[] document, String record, List<LeftOut> leftOut) {
    this.domain = domain;
    this.document = document.clone();
    this.record = record;
    this.leftOut = List.copyOf(leftOut);
  }

  /** {@return the draft revision the document follows: {@code draft-ietf-mailmaint-pacc-03}} */
  public static String revision() {
    return org.mailsettings.internal.pacc.PaccDocument.REVISION;
  }

  /** {@return the mail domain it is for, in ASCII: {@code vizus.cz}} */
  public String domain() {
    return domain;
  }

  /** {@return the document's exact bytes (UTF-8 JSON), a copy: serve these, unchanged} */
  public byte[] document() {
    return document.clone();
  }

  /** {@return the document as text} */
  public String documentText() {
    return new String(document, StandardCharsets.UTF_8);
  }

  /** {@return where to serve it: {@code https://ua-auto-config.vizus.cz/.well-known/user-agent-configuration.json}} */
  public URI url() {
    return URI.create("https://ua-auto-config." + domain + org.mailsettings.internal.pacc.PaccDocument.WELL_KNOWN_PATH);
  }

  /** {@return the TXT record's owner name: {@code _ua-auto-config.vizus.cz}} */
  public String recordName() {
    return org.mailsettings.internal.pacc.DigestRecord.ownerName(domain);
  }

  /** {@return the TXT record's text: {@code v=UAAC1; a=sha256; d=<base64 of the document's SHA-256>}} */
  public String record() {
    return record;
  }

  /**
   * {@return the TXT record as a zone file line: {@code _ua-auto-config.vizus.cz. 3600 IN TXT "v=UAAC1; ..."}}
   *
   * @param ttlSeconds the record's TTL
   */
  public String zoneLine(long ttlSeconds) {
    return recordName() + ". " + ttlSeconds + " IN TXT \"" + record + "\"";
  }

  /** {@return the provider file's servers that are not in the document, with the reason, in file order} */
  public List<LeftOut> leftOut() {
    return leftOut;
  }

  /** {@return the domain, the record and how many servers were left out} */
  @Override
  public String toString() {
    return "PaccPublication[" + domain + ", " + record + ", " + leftOut.size() + " left out]";
  }
}
