package org.mailsettings.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.mailsettings.oauth2.OAuth2Exception;
import org.mailsettings.testing.FuzzInput;

/**
 * An answer from a metadata address (any bytes an authorization server or a protected resource
 * sends), made Nimbus' by {@link BoundedSender#response} and read by {@link
 * MetadataReader#serverMetadata} and {@link MetadataReader#resourceMetadata}: metadata whose
 * issuer is the one asked for and whose endpoints are https, or an {@link OAuth2Exception} only,
 * whose message never quotes the body. Seeds: {@code MetadataFuzzTestInputs/read/}.
 */
@Timeout(10)
class MetadataFuzzTest {
  private static final String ISSUER = "https://auth.example.com/";

  @FuzzTest
  void read(byte[] data) {
    HttpHeaders headers = HttpHeaders.of(Map.of("content-type", List.of("application/json")), (name, value) -> true);
    HTTPResponse http = BoundedSender.response(200, headers, data);
    String body = FuzzInput.text(data);
    try {
      MetadataReader.ServerMetadata metadata = MetadataReader.serverMetadata(http, ISSUER, "Fuzzing");
      assertThat(metadata.issuer()).isEqualTo(ISSUER);
      assertThat(metadata.authorizationEndpoint().getScheme()).isEqualTo("https");
      assertThat(metadata.tokenEndpoint().getScheme()).isEqualTo("https");
    } catch (OAuth2Exception refused) {
      assertThat(refused.reason()).isNotNull();
      if (body.length() >= 12) {
        assertThat(refused.getMessage()).doesNotContain(body);
      }
    }
    try {
      MetadataReader.ResourceMetadata resource = MetadataReader.resourceMetadata(http, "Fuzzing");
      assertThat(resource.resource().getScheme()).isEqualTo("https");
      assertThat(resource.authorizationServers()).isNotEmpty();
    } catch (OAuth2Exception refused) {
      assertThat(refused.reason()).isNotNull();
    }
  }
}
