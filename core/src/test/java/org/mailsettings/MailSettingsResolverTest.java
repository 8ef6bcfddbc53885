package org.mailsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSettingsResolverTest {
  private static final MailSettingsResolver RESOLVER = MailSettingsResolver.create();

  private static List<String> endpoints(List<Candidate> candidates) {
    return candidates.stream()
        .map(c -> c.protocol() + " " + c.settings().host() + ":" + c.settings().port() + " " + c.settings().security())
        .collect(Collectors.toList());
  }

  @Test
  void vizusGivesItsOwnOrderFullAddressAndAnEmptyImapPrefix() {
    Resolution resolution = RESOLVER.resolve("info@vizus.cz");

    assertThat(resolution.provider()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("VIZUS"));
    assertThat(endpoints(resolution.candidates(Protocol.IMAP)))
        .containsExactly("IMAP mail.vizus.cz:993 IMPLICIT_TLS", "IMAP mail.vizus.cz:143 STARTTLS");
    assertThat(endpoints(resolution.outgoing()))
        .containsExactly("SMTP smtp.vizus.cz:465 IMPLICIT_TLS", "SMTP smtp.vizus.cz:587 STARTTLS");
    assertThat(resolution.incoming()).allSatisfy(c -> assertThat(c.settings().username()).isEqualTo("info@vizus.cz"));
    assertThat(resolution.outgoing()).allSatisfy(c -> assertThat(c.settings().username()).isEqualTo("info@vizus.cz"));
    assertThat(resolution.candidates(Protocol.IMAP)).allSatisfy(c -> assertThat(c.settings().imapPathPrefix()).hasValue(""));
    assertThat(resolution.incoming()).allSatisfy(c -> {
      assertThat(c.source()).isEqualTo(Source.BUNDLED_DATABASE);
      assertThat(c.trust()).isEqualTo(Trust.TRUSTED);
      assertThat(c.usernameAlternatives()).isEmpty();
    });
    // IMAP comes before POP3 by default.
    assertThat(resolution.incoming().get(0).protocol()).isEqualTo(Protocol.IMAP);
    assertThat(resolution.requiresConfirmation()).isFalse();
  }

  @Test
  void aSpojeCustomerIsFoundThroughItsMxHostAndGetsTheDerivedHost() {
    ResolutionRequest request =
        ResolutionRequest.builder()
            .address(EmailAddress.parse("jan@firma.cz"))
            .addMxHosts("firma--cz.mx.spoje.net")
            .build();
    Resolution resolution = RESOLVER.resolve(request);

    assertThat(resolution.provider()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("spoje.net"));
    assertThat(endpoints(resolution.candidates(Protocol.IMAP)))
        .containsExactly("IMAP firma--cz.mx.spoje.net:993 IMPLICIT_TLS");
    assertThat(endpoints(resolution.candidates(Protocol.POP3)))
        .containsExactly("POP3 firma--cz.mx.spoje.net:995 IMPLICIT_TLS");
    assertThat(endpoints(resolution.outgoing()))
        .containsExactly(
            "SMTP firma--cz.mx.spoje.net:465 IMPLICIT_TLS",
            "SMTP firma--cz.mx.spoje.net:587 STARTTLS",
            "SMTP firma--cz.mx.spoje.net:25 STARTTLS");
    ServerSettings smtp = resolution.outgoing().get(0).settings();
    assertThat(smtp.tlsVersions()).containsExactly("TLSv1.2", "TLSv1.1");
    assertThat(smtp.maxMessageSize()).hasValue(35_000_000L);
    assertThat(smtp.authMethods()).containsExactly(AuthMethod.PASSWORD_CLEARTEXT);
    assertThat(smtp.username()).isEqualTo("jan@firma.cz");
    // An MX host from unsigned DNS could be forged.
    assertThat(resolution.outgoing()).allSatisfy(c -> assertThat(c.trust()).isEqualTo(Trust.NEEDS_CONFIRMATION));
    assertThat(resolution.requiresConfirmation()).isTrue();
    assertThat(resolution.hasNote(NoteCode.PORT_25_OFTEN_BLOCKED)).isTrue();
    assertThat(resolution.hasNote(NoteCode.PROVIDER_BY_UNCONFIRMED_MX)).isTrue();
    assertThat(resolution.provider().orElseThrow().notes()).anySatisfy(n -> assertThat(n).contains("NTLM"));
  }

  @Test
  void anAuthenticatedMxHintIsTrusted() {
    Resolution resolution =
        RESOLVER.resolve(
            ResolutionRequest.builder()
                .address(EmailAddress.parse("jan@firma.cz"))
                .addMxHosts("FIRMA--CZ.mx.spoje.net.")
                .mxHostsAuthenticated(true)
                .build());
    assertThat(resolution.outgoing()).allSatisfy(c -> assertThat(c.trust()).isEqualTo(Trust.TRUSTED));
  }

  @Test
  void anInternationalisedDomainResolvesEndToEndWithAsciiHosts() {
    Resolution spoje =
        RESOLVER.resolve(
            ResolutionRequest.builder()
                .address(EmailAddress.parse("jan@příklad.cz"))
                .addMxHosts("xn--pklad-zsa96e--cz.mx.spoje.net")
                .build());
    assertThat(spoje.outgoing().get(0).settings().host()).isEqualTo("xn--pklad-zsa96e--cz.mx.spoje.net");
    assertThat(spoje.outgoing().get(0).settings().username()).isEqualTo("jan@xn--pklad-zsa96e.cz");

    Resolution guessed = RESOLVER.resolve("jan@příklad.cz");
    assertThat(guessed.incoming().get(0).settings().host()).isEqualTo("imap.xn--pklad-zsa96e.cz");
    assertThat(guessed.address().domain()).isEqualTo("příklad.cz");
  }

  @Test
  void gmailPrefersOAuth2() {
    Resolution resolution = RESOLVER.resolve("someone@gmail.com");
    assertThat(resolution.incoming().get(0).settings().authMethods().get(0)).isEqualTo(AuthMethod.OAUTH2);
    assertThat(resolution.outgoing().get(0).settings().authMethods().get(0)).isEqualTo(AuthMethod.OAUTH2);
    assertThat(resolution.hasNote(NoteCode.OAUTH2_REQUIRED)).isTrue();
    assertThat(resolution.provider().orElseThrow().notes()).anySatisfy(n -> assertThat(n).contains("OAuth 2.0"));
  }

  @Test
  void aGoogleWorkspaceDomainIsFoundThroughItsMxHost() {
    Resolution resolution =
        RESOLVER.resolve(
            ResolutionRequest.builder()
                .address(EmailAddress.parse("boss@firma.cz"))
                .addMxHosts("aspmx.l.google.com")
                .build());
    assertThat(resolution.outgoing().get(0).settings().host()).isEqualTo("smtp.gmail.com");
    assertThat(resolution.outgoing().get(0).settings().username()).isEqualTo("boss@firma.cz");
  }

  @Test
  void anUnknownDomainGetsUnverifiedGuessesWithoutPlaintextImplicitTlsFirstAndPort25Last() {
    Resolution resolution = RESOLVER.resolve("jan@unknown-firma.cz");

    assertThat(resolution.provider()).isEmpty();
    assertThat(resolution.incoming()).isNotEmpty();
    assertThat(resolution.incoming()).allSatisfy(c -> {
      assertThat(c.trust()).isEqualTo(Trust.UNVERIFIED);
      assertThat(c.source()).isEqualTo(Source.GUESS);
      assertThat(c.settings().security()).isNotEqualTo(Security.NONE);
      assertThat(c.usernameAlternatives()).containsExactly("jan");
    });
    assertThat(resolution.outgoing()).allSatisfy(c -> assertThat(c.settings().security()).isNotEqualTo(Security.NONE));
    List<Candidate> imap = resolution.candidates(Protocol.IMAP);
    assertThat(imap.get(0).settings().host()).isEqualTo("imap.unknown-firma.cz");
    assertThat(imap.get(0).settings().security()).isEqualTo(Security.IMPLICIT_TLS);
    int lastImplicit = lastIndexOf(imap, Security.IMPLICIT_TLS);
    int firstStartTls = imap.indexOf(imap.stream().filter(c -> c.settings().security() == Security.STARTTLS).findFirst().orElseThrow());
    assertThat(lastImplicit).isLessThan(firstStartTls);
    assertThat(endpoints(resolution.outgoing()).get(0)).isEqualTo("SMTP smtp.unknown-firma.cz:465 IMPLICIT_TLS");
    List<Candidate> smtp = resolution.outgoing();
    assertThat(smtp.subList(smtp.size() - 3, smtp.size())).allSatisfy(c -> assertThat(c.settings().port()).isEqualTo(25));
    assertThat(smtp.subList(0, smtp.size() - 3)).noneSatisfy(c -> assertThat(c.settings().port()).isEqualTo(25));
    assertThat(resolution.candidates(Protocol.POP3)).extracting(c -> c.settings().host())
        .startsWith("pop3.unknown-firma.cz", "pop.unknown-firma.cz", "mail.unknown-firma.cz", "unknown-firma.cz");
    assertThat(resolution.requiresConfirmation()).isTrue();
  }

  private static int lastIndexOf(List<Candidate> candidates, Security security) {
    int last = -1;
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).settings().security() == security) {
        last = i;
      }
    }
    return last;
  }

  @Test
  void plaintextAppearsOnlyWhenThePolicyAllowsIt() {
    ResolutionRequest.Builder neoserv =
        ResolutionRequest.builder().address(EmailAddress.parse("info@firma.si")).addMxHosts("server7.avant.si");
    Resolution strict = RESOLVER.resolve(neoserv.build());
    assertThat(strict.incoming()).noneSatisfy(c -> assertThat(c.settings().security()).isEqualTo(Security.NONE));
    assertThat(strict.hasNote(NoteCode.PLAINTEXT_LEFT_OUT)).isTrue();
    assertThat(strict.incoming().get(0).settings().host()).isEqualTo("mail.firma.si");

    Resolution lax =
        RESOLVER.resolve(neoserv.policy(ResolutionPolicy.builder().allowPlaintext(true).build()).build());
    assertThat(endpoints(lax.outgoing()))
        .containsExactly(
            "SMTP mail.firma.si:465 IMPLICIT_TLS",
            "SMTP mail.firma.si:587 STARTTLS",
            "SMTP mail.firma.si:26 NONE",
            "SMTP mail.firma.si:25 NONE");

    Resolution guessedLax =
        RESOLVER.resolve(
            ResolutionRequest.builder()
                .address(EmailAddress.parse("a@nowhere-known.cz"))
                .policy(ResolutionPolicy.builder().allowPlaintext(true).build())
                .build());
    assertThat(guessedLax.outgoing()).anySatisfy(c -> assertThat(c.settings().security()).isEqualTo(Security.NONE));
  }

  @Test
  void thePolicyCanPreferPop3AndExcludeProtocols() {
    ResolutionPolicy policy =
        ResolutionPolicy.defaults().toBuilder().preferredIncoming(Protocol.POP3).addExcludedProtocols(Protocol.SMTP).build();
    Resolution resolution =
        RESOLVER.resolve(ResolutionRequest.builder().address(EmailAddress.parse("info@vizus.cz")).policy(policy).build());
    assertThat(resolution.incoming()).extracting(Candidate::protocol)
        .containsExactly(Protocol.POP3, Protocol.POP3, Protocol.IMAP, Protocol.IMAP);
    assertThat(resolution.outgoing()).isEmpty();

    assertThatThrownBy(() -> ResolutionPolicy.builder().preferredIncoming(Protocol.SMTP).build())
        .isInstanceOf(InvalidSettingsException.class);
  }

  @Test
  void badInputIsTheLibrarysOwnError() {
    assertThatThrownBy(() -> RESOLVER.resolve("not-an-address")).isInstanceOf(InvalidEmailAddressException.class);
    assertThatThrownBy(
            () -> ResolutionRequest.builder().address(EmailAddress.parse("a@b.cz")).addMxHosts("not a host").build())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("not a host");
  }

  @Test
  void placeholdersInTheAddressAreNeverExpandedAgain() {
    Resolution resolution =
        RESOLVER.resolve(
            ResolutionRequest.builder()
                .address(EmailAddress.parse("%EMAILDOMAIN%@firma.cz"))
                .addMxHosts("firma--cz.mx.spoje.net")
                .build());
    assertThat(resolution.outgoing().get(0).settings().username()).isEqualTo("%EMAILDOMAIN%@firma.cz");
  }

  @Test
  void localFilesTakePrecedenceOverTheBundledDatabase(@TempDir Path directory) throws IOException {
    Files.writeString(
        directory.resolve("vizus.xml"),
        "<clientConfig version=\"1.1\"><emailProvider id=\"vizus-local\">"
            + "<domain>vizus.cz</domain><displayName>VIZUS (our own)</displayName>"
            + "<outgoingServer type=\"smtp\"><hostname>relay.internal.example</hostname><port>587</port>"
            + "<socketType>STARTTLS</socketType><authentication>password-cleartext</authentication><username>%EMAILLOCALPART%</username></outgoingServer>"
            + "</emailProvider></clientConfig>");
    MailSettingsResolver resolver = MailSettingsResolver.builder().addProviderDirectory(directory).build();

    Resolution resolution = resolver.resolve("info@vizus.cz");
    assertThat(resolution.provider().orElseThrow().name()).isEqualTo("VIZUS (our own)");
    assertThat(resolution.outgoing()).hasSize(1);
    Candidate smtp = resolution.outgoing().get(0);
    assertThat(smtp.source()).isEqualTo(Source.LOCAL_FILE);
    assertThat(smtp.settings().username()).isEqualTo("info");
    assertThat(resolver.resolve("x@gmail.com").provider().orElseThrow().id()).isEqualTo("gmail.com");
  }

  @Test
  void aBrokenLocalFileIsReportedByName(@TempDir Path directory) throws IOException {
    Files.writeString(directory.resolve("broken.xml"), "<clientConfig><emailProvider>");
    assertThatThrownBy(() -> MailSettingsResolver.builder().addProviderDirectory(directory).build())
        .isInstanceOf(org.mailsettings.clientconfig.ClientConfigException.class)
        .hasMessageContaining("broken.xml");
  }

  @Test
  void aHostTemplateThatGivesNoValidHostIsLeftOutWithANote(@TempDir Path directory) throws IOException {
    Files.writeString(
        directory.resolve("odd.xml"),
        "<clientConfig><emailProvider id=\"odd\"><domain>odd.example</domain>"
            + "<incomingServer type=\"imap\"><hostname>%EMAILLOCALPART%.odd.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
            + "<incomingServer type=\"imap\"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>"
            + "</emailProvider></clientConfig>");
    Resolution resolution =
        MailSettingsResolver.builder().bundledDatabase(false).addProviderDirectory(directory).build().resolve("x@odd.example");
    assertThat(endpoints(resolution.incoming())).containsExactly("IMAP imap.odd.example:993 IMPLICIT_TLS");
    assertThat(resolution.notes()).contains(
        Note.of(NoteCode.SERVER_LEFT_OUT, Protocol.IMAP, "odd", "%EMAILLOCALPART%.odd.example", "odd.example"));
    // No username template: the full address, with the mailbox name as the alternative.
    assertThat(resolution.incoming().get(0).usernameAlternatives()).containsExactly("x");
  }
}
