package org.mailsettings;

/**
 * What a {@link Note} says, as a code: notes of a {@link Resolution}, the reasons of a {@link
 * Candidate}, the details of a {@link SourceReport} and of a {@link
 * org.mailsettings.probe.ProbeResult}. Each constant names the arguments its note carries, in
 * order; the words for people come from resource bundles, so that applications can show them
 * in the user's language. New codes may be added in later versions: do not switch over them
 * exhaustively.
 */
public enum NoteCode {
  // Resolution notes
  /** A provider database knows the domain. Arguments: the provider, the database, the domain. */
  PROVIDER_BY_DOMAIN,
  /** A provider database knows the domain's MX host, and the MX host is authenticated. Arguments: the provider, the database, the MX host. */
  PROVIDER_BY_MX,
  /** A provider database knows the domain's MX host, which nobody authenticated. Arguments: the provider, the database, the MX host. */
  PROVIDER_BY_UNCONFIRMED_MX,
  /** No provider is known: the candidates are guesses. Argument: the domain. */
  NO_PROVIDER_KNOWN,
  /** No source found settings. Argument: the domain. */
  NOTHING_FOUND,
  /** Where the incoming candidates came from. Arguments: the source, what it was asked. */
  INCOMING_FROM,
  /** Where the outgoing candidates came from. Arguments: the source, what it was asked. */
  OUTGOING_FROM,
  /** The discovery's deadline passed before every source answered. Argument: the deadline in milliseconds. */
  DEADLINE_PASSED,
  /** Unencrypted candidates were left out by the policy. Argument: how many. */
  PLAINTEXT_LEFT_OUT,
  /** A provider's server whose host template gives no valid host name for the domain was left out. Arguments: the protocol, the provider, the host template, the domain. */
  SERVER_LEFT_OUT,
  /** Guesses that would be longer than 253 characters were left out. Argument: the domain. */
  GUESSES_TOO_LONG,
  /** Port 25 is among the outgoing candidates. No arguments. */
  PORT_25_OFTEN_BLOCKED,
  /** The provider's preferred login is OAuth 2.0. No arguments. */
  OAUTH2_REQUIRED,
  /** Guessed servers were probed and those that did not answer properly were left out. Arguments: how many were probed, how many answered. */
  GUESSES_PROBED,
  // Candidate reasons
  /** The candidate is a provider's server for the domain. Arguments: the database, the provider, the domain. */
  FROM_PROVIDER_DOMAIN,
  /** The candidate is a hoster's server for a domain it hosts. Arguments: the database, the provider, the domain, the MX host. */
  FROM_PROVIDER_MX,
  /** From the domain's autoconfig document. Argument: the domain. */
  FROM_AUTOCONFIG,
  /** From the domain's well-known autoconfig document. Argument: the domain. */
  FROM_WELL_KNOWN,
  /** From the ISPDB's entry for the domain. Argument: the domain. */
  FROM_ISPDB,
  /** From the domain's autoconfig document over plain HTTP. Argument: the domain. */
  FROM_AUTOCONFIG_HTTP,
  /** From the domain's PACC document, whose digest is in unsigned DNS. Argument: the domain. */
  FROM_PACC,
  /** From the domain's PACC document, whose digest is in DNSSEC-authenticated DNS. Argument: the domain. */
  FROM_PACC_AUTHENTICATED,
  /** From the ISPDB's entry for the MX host's domain. Arguments: the domain, the MX host. */
  FROM_MX_ISPDB,
  /** From the autoconfig document of the MX host's domain. Arguments: the domain, the MX host. */
  FROM_MX_AUTOCONFIG,
  /** From a DNSSEC-authenticated SRV record. Argument: the record's name. */
  FROM_SRV_AUTHENTICATED,
  /** From an SRV record in unsigned DNS. Argument: the record's name. */
  FROM_SRV_UNSIGNED,
  /** From Microsoft Autodiscover. Argument: the host that answered. */
  FROM_AUTODISCOVER,
  /** Guessed from the domain; nobody vouched for it. Argument: the domain. */
  FROM_GUESS,
  /** A name on the certificate of a probed server that points to the same address. Arguments: the probed host, the name. */
  FROM_CERTIFICATE_NAME,
  /** Settings the user typed into a form. No arguments. */
  FROM_USER_INPUT,
  /** The document came over plain HTTP. No arguments. */
  FETCHED_OVER_PLAIN_HTTP,
  /** The document came after a redirect to another domain. Argument: the host redirected to. */
  REDIRECTED_TO,
  /** The host is a loopback or private address, unusual for a public domain. Argument: the domain. */
  PRIVATE_ADDRESS,
  /** The guessed server answered the probe and lists no login mechanism. No arguments. */
  ANSWERED_PROBE,
  /** The guessed server answered the probe. Argument: the mechanisms it offers, space-separated. */
  ANSWERED_PROBE_OFFERING,
  // Source report details
  /** A database knows the domain. Argument: the provider. */
  PROVIDER_FOUND,
  /** No database knows the domain. No arguments. */
  DOMAIN_NOT_LISTED,
  /** The source was not started. No arguments. */
  NOT_STARTED,
  /** The source had not answered at the deadline. Argument: the deadline in milliseconds. */
  NO_ANSWER_BEFORE_DEADLINE,
  /** The source was stopped because a better source had answered. No arguments. */
  STOPPED_BETTER_ANSWERED,
  /** The source was stopped because the discovery was cancelled. No arguments. */
  STOPPED_CANCELLED,
  /** The server answered with an HTTP status that means "nothing here". Argument: the status. */
  HTTP_STATUS,
  /** A document named servers. Arguments: the provider, how many incoming, how many outgoing. */
  DOCUMENT_FOUND,
  /** The document has no emailProvider section. No arguments. */
  DOCUMENT_WITHOUT_PROVIDER,
  /** The document has no usable IMAP, POP3 or SMTP server. No arguments. */
  DOCUMENT_WITHOUT_SERVERS,
  /** The domain has no MX record. No arguments. */
  NO_MX_RECORD,
  /** The MX host belongs to a known hoster. Arguments: the MX host, the provider, the database. */
  MX_HOSTER,
  /** The MX host, authenticated by DNSSEC, belongs to a known hoster. Arguments: the MX host, the provider, the database. */
  MX_HOSTER_AUTHENTICATED,
  /** The MX host is in the address's own domain, so it names no hoster. Argument: the MX host. */
  MX_IN_OWN_DOMAIN,
  /** A document was found for the MX host's domain. Arguments: the MX host, what was asked. */
  MX_DOCUMENT,
  /** Nothing was found for the MX host's domains. Arguments: the MX host, MXFULLDOMAIN, MXBASEDOMAIN. */
  MX_NOTHING,
  /** The guesses made. Arguments: how many incoming, how many outgoing. */
  GUESSES_MADE,
  /** An SRV record names a server. Arguments: the service label, the host, the port. */
  SRV_TARGET,
  /** An SRV record says the service is not offered (target "."). Argument: the service label. */
  SRV_NOT_OFFERED,
  /** An SRV record's target is not a usable host. Arguments: the service label, the target. */
  SRV_TARGET_IGNORED,
  /** No SRV records. No arguments. */
  NO_SRV_RECORDS,
  /** Autodiscover answered with a redirect, which is not followed. Argument: the redirect target. */
  AUTODISCOVER_REDIRECT,
  /** No endpoint is configured for the source. No arguments. */
  NO_ENDPOINT,
  /** The PACC document matches a digest record. Argument: the record's name. */
  PACC_DIGEST_MATCHED,
  /** No UAAC1 digest record vouches for a PACC document: none is used. Argument: the record's name. */
  PACC_NO_DIGEST,
  /** A TXT record at the PACC name is not a valid UAAC1 record. Arguments: the record's name, what is wrong. */
  PACC_RECORD_MALFORMED,
  /** The PACC document matches none of the digests published for it: it is not used. Arguments: the record's name, how many valid digests there are. */
  PACC_DIGEST_MISMATCH,
  /** An entry of the PACC document could not be used. Arguments: the member, why. */
  PACC_ENTRY_IGNORED,
  // Failures
  /** The server did not answer completely in time. Argument: the technical detail. */
  TIMED_OUT,
  /** The answer was larger than allowed. Argument: the technical detail. */
  TOO_LARGE,
  /** TLS failed (an untrusted or mismatched certificate). Argument: the technical detail. */
  TLS_FAILED,
  /** No connection could be made. Argument: the technical detail. */
  CONNECT_FAILED,
  /** A redirect was refused (to plain HTTP, or too many). Argument: the technical detail. */
  REDIRECT_REFUSED,
  /** The server answered with an HTTP error status. Argument: the status. */
  HTTP_ERROR,
  /** The answer could not be read (malformed XML or DNS). Argument: the technical detail. */
  MALFORMED_ANSWER,
  /** The DNS lookup failed. Argument: the technical detail. */
  DNS_FAILED,
  /** No DNS client could be made. Argument: the technical detail. */
  NO_DNS,
  /** Another failure. Argument: the technical detail. */
  FAILED,
  // Probe details
  /** The host name does not resolve. Argument: the host. */
  DOES_NOT_RESOLVE,
  /** No answer within the read timeout. Argument: the timeout in milliseconds. */
  NO_ANSWER_WITHIN,
  /** Another mail protocol answers on the port. Arguments: the protocol spoken, the protocol expected. */
  SPEAKS_OTHER_PROTOCOL,
  /** What answers is not a mail server. No arguments. */
  NOT_A_MAIL_GREETING,
  /** The server answered in plaintext where implicit TLS was expected. No arguments. */
  PLAINTEXT_ON_TLS_PORT,
  /** No greeting, but TLS answers: the port is for implicit TLS. No arguments. */
  TLS_ON_PLAINTEXT_PORT,
  /** The server does not offer STARTTLS. No arguments. */
  STARTTLS_NOT_OFFERED,
  /** The server refused STARTTLS. No arguments. */
  STARTTLS_REFUSED,
  /** The probe had not finished at the deadline. Argument: the deadline in milliseconds. */
  NOT_FINISHED_BEFORE_DEADLINE,
  /** The waiting thread was interrupted. No arguments. */
  INTERRUPTED;
}
