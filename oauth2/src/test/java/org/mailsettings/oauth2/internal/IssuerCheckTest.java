package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mailsettings.oauth2.OAuth2Exception.Reason;

/**
 * RFC 9207 on scripted authorization responses (the queries a browser brings back), read as the
 * loopback listener and an application's redirect read them.
 */
class IssuerCheckTest {
  private static final byte[] STATE = "Xq3v9mL2cT8pR1sW".getBytes(StandardCharsets.UTF_8);
  private static final String ISSUER = "https://auth.example.cz/tenant";
  private static final String CODE = "code=SplxlOBeZQQYbYS6WxSbIA&state=Xq3v9mL2cT8pR1sW";
  private static final IssuerCheck REQUIRED = new IssuerCheck(ISSUER, true);
  private static final IssuerCheck IF_PRESENT = IssuerCheck.of(ISSUER, false);

  private static LoopbackRedirect.Outcome read(String query, IssuerCheck check) {
    LoopbackRedirect.Outcome outcome = LoopbackRedirect.read(query, STATE, check);
    assertThat(outcome).as(query).isNotNull();
    return outcome;
  }

  private static Reason failure(String query, IssuerCheck check) {
    LoopbackRedirect.Outcome outcome = read(query, check);
    assertThat(outcome).as(query).isInstanceOf(LoopbackRedirect.Failure.class);
    return ((LoopbackRedirect.Failure) outcome).exception().reason();
  }

  @Test
  void theIssuerItselfPassesFormDecodedAndComparedAsTheExactString() {
    assertThat(read(CODE + "&iss=https%3A%2F%2Fauth.example.cz%2Ftenant", REQUIRED)).isInstanceOf(LoopbackRedirect.Code.class);
    assertThat(read(CODE + "&iss=" + ISSUER, IF_PRESENT)).isInstanceOf(LoopbackRedirect.Code.class);
    for (String other : new String[] {
        "https%3A%2F%2Fattacker.example%2Ftenant", // another server
        "https%3A%2F%2Fauth.example.cz%2Ftenant%2F", // a trailing slash
        "https%3A%2F%2FAUTH.example.cz%2Ftenant", // the host in another case: not the same string
        "http%3A%2F%2Fauth.example.cz%2Ftenant",
        ""}) {
      assertThat(failure(CODE + "&iss=" + other, REQUIRED)).as(other).isEqualTo(Reason.ISSUER_MISMATCH);
      assertThat(failure(CODE + "&iss=" + other, IF_PRESENT)).as(other).isEqualTo(Reason.ISSUER_MISMATCH);
    }
    assertThat(failure(CODE + "&iss=" + ISSUER + "&iss=" + ISSUER, IF_PRESENT)).isEqualTo(Reason.ISSUER_MISMATCH);
  }

  @Test
  void noIssIsRefusedOnlyWhereTheMetadataSaysTheServerAlwaysSendsIt() {
    assertThat(failure(CODE, REQUIRED)).isEqualTo(Reason.ISSUER_MISMATCH);
    assertThat(read(CODE, IF_PRESENT)).isInstanceOf(LoopbackRedirect.Code.class);
    // Host-form provider data: nothing to compare with, iss not looked at.
    assertThat(IssuerCheck.of("accounts.google.com", false)).isEqualTo(IssuerCheck.NONE);
    assertThat(read(CODE + "&iss=https%3A%2F%2Fattacker.example", IssuerCheck.NONE)).isInstanceOf(LoopbackRedirect.Code.class);
    assertThatThrownBy(() -> new IssuerCheck(null, true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anErrorFromAnotherServerIsAMixUpButAResponseToAnotherSignInIsAStateMismatch() {
    String denied = "error=access_denied&state=Xq3v9mL2cT8pR1sW";
    assertThat(failure(denied + "&iss=" + ISSUER, REQUIRED)).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(failure(denied + "&iss=https%3A%2F%2Fattacker.example", REQUIRED)).isEqualTo(Reason.ISSUER_MISMATCH);
    assertThat(failure(denied, REQUIRED)).isEqualTo(Reason.ISSUER_MISMATCH);
    assertThat(failure("code=abc&state=other&iss=https%3A%2F%2Fattacker.example", REQUIRED)).isEqualTo(Reason.STATE_MISMATCH);
  }

  @Test
  void anApplicationsRedirectIsCheckedTheSameWay() {
    AppRedirects redirects = new AppRedirects(java.net.URI.create("org.example.mail:/oauth2redirect"));
    RedirectListener waiting = redirects.expect("Xq3v9mL2cT8pR1sW", REQUIRED);
    assertThat(redirects.deliver(java.net.URI.create("org.example.mail:/oauth2redirect?" + CODE + "&iss=https%3A%2F%2Fattacker.example")))
        .isTrue();
    assertThat(waiting.outcome()).isCompletedWithValueMatching(outcome ->
        outcome instanceof LoopbackRedirect.Failure failure && failure.exception().reason() == Reason.ISSUER_MISMATCH);
    assertThat(redirects.waiting()).isZero();
  }
}
