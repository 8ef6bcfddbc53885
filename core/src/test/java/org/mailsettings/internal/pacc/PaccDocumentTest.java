package org.mailsettings.internal.pacc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.Protocol;
import org.mailsettings.Security;
import org.mailsettings.clientconfig.ClientConfig;
import org.mailsettings.clientconfig.EmailProviderConfig;
import org.mailsettings.clientconfig.ServerConfig;
import org.mailsettings.internal.json.Json;

/** The PACC document of draft-ietf-mailmaint-pacc-03 (and -02's {@code smtp}). */
class PaccDocumentTest {
  /** The draft's example (section 4.1 of -02, as Stalwart's tests carry it). */
  static final String EXAMPLE = """
      {"protocols":{"jmap":{"url":"https://jmap.example.com/session"},"imap":{"host":"imap.example.com"},
        "pop3":{"host":"pop3.example.com"},"smtp":{"host":"smtp.example.com"},
        "caldav":{"url":"https://sync.example.com/calendar/"},"carddav":{"url":"https://sync.example.com/contacts/"}},
       "authentication":{"oauth-public":{"issuer":"https://auth.example.com/"},"password":true},
       "info":{"provider":{"name":"Example Provider Name","shortName":"Example",
         "logo":[{"url":"https://www.example.net/logo.svg","content-type":"image/svg+xml"}]},
        "help":{"documentation":"https://help.example.net/howto/set-up-your-mail-app.html",
         "developer":"https://developer.example.net/client-apps/","contact":["mailto:it@team.example.net"]}}}
      """;

  private static PaccDocument read(String json) throws PaccDocument.MalformedException {
    return PaccDocument.read(json.getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  @Test
  void readsTheDraftsExample() throws Exception {
    PaccDocument document = read(EXAMPLE);
    assertThat(document.imapHost()).contains("imap.example.com");
    assertThat(document.pop3Host()).contains("pop3.example.com");
    assertThat(document.submitHost()).contains("smtp.example.com"); // -02's smtp
    assertThat(document.services()).containsExactly(
        Map.entry("jmap", URI.create("https://jmap.example.com/session")),
        Map.entry("caldav", URI.create("https://sync.example.com/calendar/")),
        Map.entry("carddav", URI.create("https://sync.example.com/contacts/")));
    assertThat(document.password()).contains(true);
    assertThat(document.issuer()).contains(URI.create("https://auth.example.com/")); // trailing slash kept
    assertThat(document.providerName()).isEqualTo("Example Provider Name");
    assertThat(document.shortName()).contains("Example");
    assertThat(document.documentation()).contains(URI.create("https://help.example.net/howto/set-up-your-mail-app.html"));
    assertThat(document.developer()).contains(URI.create("https://developer.example.net/client-apps/"));
    assertThat(document.ignored()).isEmpty();
  }

  @Test
  void submitOfRevision03WinsOverSmtpOfRevision02() throws Exception {
    PaccDocument document = read("""
        {"protocols":{"submit":{"host":"submit.example.com"},"smtp":{"host":"smtp.example.com"}},
         "info":{"provider":{"name":"X"}}}""");
    assertThat(document.submitHost()).contains("submit.example.com");
  }

  @Test
  void unknownMembersAndProtocolsAreIgnored() throws Exception {
    PaccDocument document = read("""
        {"version":"9","protocols":{"imap":{"host":"imap.example.com","port":143,"future":{}},
          "managesieve":{"host":"sieve.example.com"},"ews":{"url":"https://ews.example.com/x"},"nntp":[1,2]},
         "authentication":{"password":false,"kerberos":true,"oauth-public":{"issuer":"https://a.example.com","x":1}},
         "info":{"provider":{"name":"X","motto":"y"},"extra":null},"z":[{"a":[]}]}""");
    assertThat(document.imapHost()).contains("imap.example.com");
    assertThat(document.services()).isEmpty();
    assertThat(document.password()).contains(false);
    assertThat(document.issuer()).contains(URI.create("https://a.example.com"));
    assertThat(document.ignored()).isEmpty();
  }

  @Test
  void refusesADocumentWithoutWhatTheDraftRequires() {
    for (String json : List.of(
        "{\"info\":{\"provider\":{\"name\":\"X\"}}}",
        "{\"protocols\":[],\"info\":{\"provider\":{\"name\":\"X\"}}}",
        "{\"protocols\":{}}",
        "{\"protocols\":{},\"info\":{\"provider\":{}}}",
        "{\"protocols\":{},\"info\":{\"provider\":{\"name\":\" \"}}}",
        "{\"protocols\":{},\"info\":{\"provider\":{\"name\":7}}}",
        "[]",
        "\"protocols\"",
        "{\"protocols\":{},\"info\":{\"provider\":{\"name\":\"X\"}}} trailing",
        "{\"protocols\":{},\"protocols\":{},\"info\":{\"provider\":{\"name\":\"X\"}}}")) {
      assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(PaccDocument.MalformedException.class);
    }
  }

  @Test
  void entriesThatCannotBeUsedAreIgnoredWithAReason() throws Exception {
    PaccDocument document = read("""
        {"protocols":{"imap":{"host":"192.0.2.1"},"pop3":{"host":"bad host"},"submit":{"host":7},
          "jmap":{"url":"http://jmap.example.com/session"},"caldav":{"url":"https://dav.example.com/"},
          "carddav":{"url":"https://dav.example.com:8443/c/"},"webdav":{"url":"https://u@dav.example.com/f/"}},
         "authentication":{"password":"yes","oauth-public":{"issuer":"https://auth.example.com/?tenant=1"}},
         "info":{"provider":{"name":"X","shortName":"A very long short name indeed"},
          "help":{"documentation":"ftp://help.example.com/"}}}""");
    assertThat(document.imapHost()).isEmpty();
    assertThat(document.pop3Host()).isEmpty();
    assertThat(document.submitHost()).isEmpty();
    assertThat(document.services()).isEmpty();
    assertThat(document.password()).isEmpty();
    assertThat(document.issuer()).isEmpty();
    assertThat(document.shortName()).isEmpty();
    assertThat(document.documentation()).isEmpty();
    assertThat(document.ignored()).extracting(PaccDocument.Ignored::member).containsExactlyInAnyOrder(
        "protocols.imap.host", "protocols.pop3.host", "protocols.submit.host", "protocols.jmap.url",
        "protocols.caldav.url", "protocols.carddav.url", "protocols.webdav.url", "authentication.password",
        "authentication.oauth-public.issuer", "info.provider.shortName", "info.help.documentation");
  }

  @Test
  void theIssuerIsKeptExactlyAndRefusedWithDotSegmentsUserOrFragment() throws Exception {
    for (String issuer : List.of("https://auth.example.com", "https://auth.example.com/", "https://example.com/tenant/a")) {
      assertThat(read(withIssuer(issuer)).issuer()).as(issuer).contains(URI.create(issuer));
    }
    for (String issuer : List.of("http://auth.example.com/", "https://auth.example.com/a/../b", "https://auth.example.com/./",
        "https://u@auth.example.com/", "https://auth.example.com/#f", "auth.example.com", "https:///x")) {
      assertThat(read(withIssuer(issuer)).issuer()).as(issuer).isEmpty();
    }
  }

  private static String withIssuer(String issuer) {
    return "{\"protocols\":{},\"authentication\":{\"oauth-public\":{\"issuer\":\"" + issuer + "\"}},"
        + "\"info\":{\"provider\":{\"name\":\"X\"}}}";
  }

  @Test
  void textForPeopleIsMadeSafeAndBounded() throws Exception {
    PaccDocument document = read("{\"protocols\":{},\"info\":{\"provider\":{\"name\":\"Evil\\u202eliam\\u0007" + "x".repeat(80) + "\"}}}");
    assertThat(document.providerName()).doesNotContain("\u202e", "\u0007");
    assertThat(document.providerName().codePointCount(0, document.providerName().length())).isLessThanOrEqualTo(60);
    assertThat(document.ignored()).extracting(PaccDocument.Ignored::member).contains("info.provider.name");
  }

  @Test
  void refusesMoreBytesThanTheBound() {
    byte[] bytes = EXAMPLE.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PaccDocument.read(bytes, bytes.length - 1)).isInstanceOf(PaccDocument.MalformedException.class);
  }

  @Test
  void whatIsWrittenReadsBackEqual() throws Exception {
    PaccDocument document = read(EXAMPLE);
    byte[] written = Json.writeBytes(document.toJson());
    PaccDocument again = PaccDocument.read(written, 1 << 20);
    assertThat(again).isEqualTo(document);
    assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"submit\"").doesNotContain("\"smtp\"");
  }

  @Test
  void mapsOntoImplicitTlsServersWithTheFullAddress() throws Exception {
    ClientConfig config = PaccMapping.toClientConfig(read(EXAMPLE), "example.com", "https://ua-auto-config.example.com/x");
    EmailProviderConfig provider = config.emailProviders().get(0);
    assertThat(provider.domains()).containsExactly("example.com");
    assertThat(provider.displayName()).contains("Example Provider Name");
    assertThat(provider.incomingServers()).extracting(ServerConfig::protocol, ServerConfig::hostname, ServerConfig::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Protocol.IMAP, "imap.example.com", 993),
            org.assertj.core.groups.Tuple.tuple(Protocol.POP3, "pop3.example.com", 995));
    assertThat(provider.outgoingServers()).extracting(ServerConfig::hostname, ServerConfig::port)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("smtp.example.com", 465));
    for (ServerConfig server : provider.incomingServers()) {
      assertThat(server.security()).isEqualTo(Security.IMPLICIT_TLS);
      assertThat(server.username()).contains("%EMAILADDRESS%");
      assertThat(server.authMethods()).containsExactly(AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.OAUTH2);
    }
  }

  @Test
  void withoutPasswordsOnlyOAuthIsOfferedAndWithNeitherNoServer() throws Exception {
    PaccDocument oauthOnly = read("""
        {"protocols":{"imap":{"host":"imap.example.com"}},
         "authentication":{"password":false,"oauth-public":{"issuer":"https://auth.example.com/"}},
         "info":{"provider":{"name":"X"}}}""");
    assertThat(PaccMapping.authMethods(oauthOnly)).containsExactly(AuthMethod.OAUTH2);
    PaccDocument none = read("""
        {"protocols":{"imap":{"host":"imap.example.com"}},"authentication":{"password":false},
         "info":{"provider":{"name":"X"}}}""");
    assertThat(PaccMapping.authMethods(none)).isEmpty();
    assertThat(PaccMapping.toClientConfig(none, "example.com", "x").emailProviders().get(0).incomingServers()).isEmpty();
    assertThat(new PaccDocument(Optional.of("i.example.com"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), "X", Optional.empty(), Optional.empty(), Optional.empty()).password()).isEmpty();
  }
}
