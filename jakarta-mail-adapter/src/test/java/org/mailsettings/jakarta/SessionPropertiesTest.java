package org.mailsettings.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mailsettings.AuthMethod;
import org.mailsettings.EmailAddress;
import org.mailsettings.MailSettingsResolver;
import org.mailsettings.Protocol;
import org.mailsettings.ProviderDatabase;
import org.mailsettings.Resolution;
import org.mailsettings.ResolutionRequest;
import org.mailsettings.Security;
import org.mailsettings.ServerSettings;
import org.mailsettings.clientconfig.ClientConfigParser;

class SessionPropertiesTest {
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();
  private final MailConnector connector = MailConnector.create();

  @Test
  void startTlsIsRequiredNotJustEnabledAndTimeoutsAreAlwaysSet() {
    Resolution vizus = RESOLVER.resolve("Jan Novák <info@vizus.cz>");
    ServerSettings smtp587 = vizus.outgoing().get(1).settings();
    Properties props = connector.properties(smtp587, vizus.address());

    assertThat(props.getProperty("mail.transport.protocol")).isEqualTo("smtp");
    assertThat(props.getProperty("mail.smtp.host")).isEqualTo("smtp.vizus.cz");
    assertThat(props.getProperty("mail.smtp.port")).isEqualTo("587");
    assertThat(props.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(props.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(props.getProperty("mail.smtp.ssl.enable")).isNull();
    assertThat(props.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(props.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
    assertThat(props.getProperty("mail.smtp.timeout")).isEqualTo("30000");
    assertThat(props.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    assertThat(props.getProperty("mail.smtp.ssl.protocols")).isEqualTo("TLSv1.3 TLSv1.2");
    assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("true");
    assertThat(props.getProperty("mail.smtp.auth.mechanisms")).isEqualTo("PLAIN LOGIN");
    assertThat(props.getProperty("mail.smtp.auth.ntlm.disable")).isEqualTo("true");
    assertThat(props.getProperty("mail.smtp.user")).isEqualTo("info@vizus.cz");
    assertThat(props.getProperty("mail.smtp.from")).isEqualTo("info@vizus.cz");
    assertThat(props.getProperty("mail.from")).isEqualTo("=?UTF-8?Q?Jan_Nov=C3=A1k?= <info@vizus.cz>");
    assertThat(props.get("mail.smtp.ssl.socketFactory")).isNotNull();
  }

  @Test
  void implicitTlsUsesTheBaseProtocolNameWithSslEnabled() {
    Resolution vizus = RESOLVER.resolve("info@vizus.cz");
    Properties props = connector.properties(vizus.incoming().get(0).settings(), vizus.address());
    assertThat(props.getProperty("mail.store.protocol")).isEqualTo("imap");
    assertThat(props.getProperty("mail.imap.ssl.enable")).isEqualTo("true");
    assertThat(props.getProperty("mail.imap.starttls.enable")).isNull();
    assertThat(props.getProperty("mailsettings.imap.pathprefix")).isEmpty();
    assertThat(props.stringPropertyNames()).noneMatch(k -> k.startsWith("mail.imaps."));
  }

  @Test
  void theRuleChoosesTlsVersionsAndTheSizeLimit() {
    Resolution spoje =
        RESOLVER.resolve(
            ResolutionRequest.builder()
                .address(EmailAddress.parse("jan@firma.cz"))
                .addMxHosts("firma--cz.mx.spoje.net")
                .build());
    Properties props = connector.properties(spoje.outgoing().get(0).settings(), spoje.address());
    assertThat(props.getProperty("mail.smtp.ssl.protocols")).isEqualTo("TLSv1.2 TLSv1.1");
    assertThat(props.getProperty("mailsettings.smtp.maxmessagesize")).isEqualTo("35000000");
    assertThat(props.getProperty("mail.smtp.auth.ntlm.disable")).isEqualTo("true");
  }

  @Test
  void oauth2UsesXoauth2OnEveryProtocolAndThePop3TwoLineForm() {
    Resolution gmail = RESOLVER.resolve("someone@gmail.com");
    Credentials token = Credentials.oauth2(() -> "token");
    for (var candidate : gmail.incoming()) {
      String p = candidate.protocol().autoconfigType();
      Properties props = connector.properties(candidate.settings(), gmail.address(), token);
      assertThat(props.getProperty("mail." + p + ".auth.mechanisms")).isEqualTo("XOAUTH2");
      if (candidate.protocol() == Protocol.POP3) {
        assertThat(props.getProperty("mail.pop3.auth.xoauth2.two.line.authentication.format")).isEqualTo("true");
      }
    }
    Properties smtp = connector.properties(gmail.outgoing().get(0).settings(), gmail.address(), token);
    assertThat(smtp.getProperty("mail.smtp.auth.mechanisms")).isEqualTo("XOAUTH2");
    // Outlook.com accepts only OAuth 2.0: without credentials, the properties assume it.
    Resolution outlook = RESOLVER.resolve("someone@outlook.com");
    assertThat(connector.properties(outlook.outgoing().get(0).settings(), outlook.address()).getProperty("mail.smtp.auth.mechanisms"))
        .isEqualTo("XOAUTH2");
  }

  @Test
  void oauthBearerGoesThroughSaslOnImapAndSmtpBeforeXoauth2AndPop3KeepsXoauth2() {
    Resolution gmail = RESOLVER.resolve("someone@gmail.com");
    Credentials token = Credentials.oauthBearer(() -> "token");
    assertThat(token.tokenMechanisms()).containsExactly("OAUTHBEARER", "XOAUTH2");
    assertThat(token.toString()).doesNotContain("secret=token").contains("OAUTHBEARER");
    for (var candidate : gmail.incoming()) {
      String p = candidate.protocol().autoconfigType();
      Properties props = connector.properties(candidate.settings(), gmail.address(), token);
      if (candidate.protocol() == Protocol.POP3) {
        assertThat(props.getProperty("mail.pop3.auth.mechanisms")).isEqualTo("XOAUTH2");
        assertThat(props.getProperty("mail.pop3.sasl.enable")).isNull();
        assertThat(props).doesNotContainKey(org.mailsettings.jakarta.internal.OAuthBearerSasl.CHALLENGES);
      } else {
        assertThat(props.getProperty("mail." + p + ".sasl.enable")).isEqualTo("true");
        assertThat(props.getProperty("mail." + p + ".sasl.mechanisms")).isEqualTo("OAUTHBEARER XOAUTH2");
        // Where the mechanism keeps a refused login's error: the attempt's guard, never a string property.
        assertThat(props.get(org.mailsettings.jakarta.internal.OAuthBearerSasl.CHALLENGES))
            .isInstanceOf(org.mailsettings.jakarta.internal.ConnectionGuard.class);
        assertThat(props.stringPropertyNames()).doesNotContain(org.mailsettings.jakarta.internal.OAuthBearerSasl.CHALLENGES);
      }
    }
    Properties smtp = connector.properties(gmail.outgoing().get(0).settings(), gmail.address(), token);
    assertThat(smtp.getProperty("mail.smtp.sasl.mechanisms")).isEqualTo("OAUTHBEARER XOAUTH2");
    assertThat(java.security.Security.getProvider("mailsettings-OAUTHBEARER")).isNotNull();
  }

  @Test
  void theOauthbearerInitialResponseIsRfc7628s() {
    byte[] response = org.mailsettings.jakarta.internal.OAuthBearerSasl.initialResponse("user,name=x@example.com", "imap.example.com", 993, "tok");
    assertThat(new String(response, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("n,a=user=2Cname=3Dx@example.com,\u0001host=imap.example.com\u0001port=993\u0001auth=Bearer tok\u0001\u0001");
    assertThat(new String(org.mailsettings.jakarta.internal.OAuthBearerSasl.initialResponse("", null, 0, "tok"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("n,,\u0001auth=Bearer tok\u0001\u0001");
  }

  @Test
  void ntlmOnlyWhenTheRuleAsksForIt() {
    ServerSettings exchange =
        ServerSettings.builder()
            .protocol(Protocol.IMAP).host("mail.firma.cz").port(993).security(Security.IMPLICIT_TLS)
            .addAuthMethods(AuthMethod.NTLM, AuthMethod.PASSWORD_CLEARTEXT).username("jan")
            .build();
    Properties props = connector.properties(exchange, EmailAddress.parse("jan@firma.cz"));
    assertThat(props.getProperty("mail.imap.auth.ntlm.disable")).isNull();
    assertThat(props.getProperty("mail.imap.auth.mechanisms")).isEqualTo("NTLM PLAIN LOGIN");
  }

  @Test
  void theDraftsValuesWithoutALoginMeanNoSmtpLogin() {
    String xml =
        "<clientConfig version=\"1.1\"><emailProvider id=\"relay.example\"><domain>relay.example</domain>"
            + "<outgoingServer type=\"smtp\"><hostname>a.relay.example</hostname><port>587</port>"
            + "<socketType>STARTTLS</socketType><authentication>none</authentication></outgoingServer>"
            + "<outgoingServer type=\"smtp\"><hostname>b.relay.example</hostname><port>587</port>"
            + "<socketType>STARTTLS</socketType><authentication>client-IP-address</authentication></outgoingServer>"
            + "<outgoingServer type=\"smtp\"><hostname>c.relay.example</hostname><port>587</port>"
            + "<socketType>STARTTLS</socketType><authentication>smtp-after-pop</authentication></outgoingServer>"
            + "<outgoingServer type=\"smtp\"><hostname>d.relay.example</hostname><port>587</port>"
            + "<socketType>STARTTLS</socketType><authentication>client-IP-address</authentication>"
            + "<authentication>password-cleartext</authentication></outgoingServer>"
            + "</emailProvider></clientConfig>";
    ProviderDatabase database =
        ProviderDatabase.of("test", List.of(ClientConfigParser.defaults().parse(xml, "relay.xml")));
    try (MailSettingsResolver resolver =
        MailSettingsResolver.builder().addProviders(database).bundledDatabase(false).ispdbSnapshot(false).build()) {
      Resolution relay = resolver.resolve("erp@relay.example");
      Map<String, String> auth = new LinkedHashMap<>();
      for (var candidate : relay.outgoing()) {
        auth.put(candidate.settings().host(), connector.properties(candidate.settings(), relay.address()).getProperty("mail.smtp.auth"));
      }
      assertThat(auth)
          .containsExactly(
              Map.entry("a.relay.example", "false"),
              Map.entry("b.relay.example", "false"),
              Map.entry("c.relay.example", "false"),
              Map.entry("d.relay.example", "true"));
    }
  }

  @Test
  void plaintextIsRefusedUnlessAllowed() {
    ServerSettings relay =
        ServerSettings.builder()
            .protocol(Protocol.SMTP).host("relay.firma.cz").port(25).security(Security.NONE)
            .addAuthMethods(AuthMethod.NONE).username("")
            .build();
    EmailAddress sender = EmailAddress.parse("erp@firma.cz");
    assertThatThrownBy(() -> connector.properties(relay, sender))
        .isInstanceOf(InsecureSettingsException.class)
        .hasMessageContaining("relay.firma.cz:25 is unencrypted");
    Properties props =
        MailConnector.create(MailOptions.builder().plaintextAllowed(true).build()).properties(relay, sender);
    assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("false");
    assertThat(props.get("mail.smtp.ssl.socketFactory")).isNull();
  }

  @Test
  void timeoutsAreConfigurable() {
    Resolution vizus = RESOLVER.resolve("info@vizus.cz");
    MailConnector custom =
        MailConnector.create(MailOptions.builder().connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofMillis(1500)).build());
    Properties props = custom.properties(vizus.incoming().get(0).settings(), vizus.address());
    assertThat(props.getProperty("mail.imap.connectiontimeout")).isEqualTo("3000");
    assertThat(props.getProperty("mail.imap.timeout")).isEqualTo("1500");
    assertThatThrownBy(() -> MailOptions.builder().readTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describedPropertiesAreSortedAndHoldNoSecret() {
    Resolution vizus = RESOLVER.resolve("info@vizus.cz");
    Properties props =
        connector.properties(vizus.outgoing().get(0).settings(), vizus.address(), Credentials.password("hunter2"));
    String text = MailConnector.describe(props);
    assertThat(text).doesNotContain("hunter2");
    assertThat(text).contains("mail.smtp.ssl.socketFactory=<VerifyingSslSocketFactory>");
    assertThat(text.lines().map(l -> l.substring(0, l.indexOf('='))).toList()).isSorted();
    assertThat(Credentials.password("hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void folderNamesGetThePathPrefix() {
    ServerSettings imap =
        ServerSettings.builder()
            .protocol(Protocol.IMAP).host("mail.x.cz").port(993).security(Security.IMPLICIT_TLS)
            .username("a@x.cz").imapPathPrefix("INBOX").build();
    assertThat(MailConnector.folderName(imap, "Sent")).isEqualTo("INBOX.Sent");
    assertThat(MailConnector.folderName(imap, "INBOX")).isEqualTo("INBOX");
  }
}
