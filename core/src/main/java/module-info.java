/**
 * mailsettings core: e-mail address to ordered, trust-rated IMAP, POP3 and SMTP settings.
 *
 * <p>Exports the API ({@code org.mailsettings}), the clientConfig document model and parser
 * ({@code org.mailsettings.clientconfig}), the prober ({@code org.mailsettings.probe}) and the
 * settings check ({@code org.mailsettings.check}). Everything under {@code org.mailsettings.internal} is
 * an implementation detail and not exported.
 */
@org.jspecify.annotations.NullMarked
// "module": the qualified export names the Jakarta Mail adapter, which is built after core, so
// javac cannot see it when core is compiled; the warning says nothing else.
@SuppressWarnings("module")
module org.mailsettings.core {
  requires java.xml;
  requires java.net.http;
  requires org.dnsjava;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;

  exports org.mailsettings;
  exports org.mailsettings.clientconfig;
  exports org.mailsettings.probe;
  exports org.mailsettings.check;
  // The Jakarta Mail adapter checks connected addresses with the same classification as discovery,
  // and reads a refused OAUTHBEARER login's JSON error (RFC 7628) with the same strict reader as PACC.
  exports org.mailsettings.internal.net to org.mailsettings.jakarta;
  exports org.mailsettings.internal.json to org.mailsettings.jakarta;
}
