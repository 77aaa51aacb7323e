package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void clientCredentialsGrantIssuesASalesforceShapedToken() throws Exception {
    Map<String, Object> token = fixture.token("test-client", "test-secret");

    String base = fixture.emulator.baseUrl().toString();
    String id = base + "/id/" + fixture.org.orgId() + "/" + fixture.org.integrationUserId();
    assertThat(token)
        .containsOnlyKeys(
            "access_token", "signature", "instance_url", "id", "token_type", "issued_at")
        .containsEntry("instance_url", base)
        .containsEntry("id", id)
        .containsEntry("token_type", "Bearer")
        .containsEntry("issued_at", Long.toString(EmulatorFixture.START.toEpochMilli()));
    assertThat((String) token.get("access_token"))
        .matches(fixture.org.orgId15() + "![A-Za-z0-9._]+");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal((id + token.get("issued_at")).getBytes(StandardCharsets.UTF_8)));
    assertThat(token.get("signature")).isEqualTo(expected);
  }

  @Test
  void rejectsBadCredentialsLikeSalesforce() {
    assertError(
        request("client_credentials", "test-client", "wrong"),
        "invalid_client",
        "invalid client credentials");
    assertError(
        request("client_credentials", "nobody", "x"),
        "invalid_client_id",
        "client identifier invalid");
    assertError(
        request("password", "test-client", "test-secret"),
        "unsupported_grant_type",
        "grant type not supported");
  }

  private HttpResponse<String> request(String grant, String clientId, String secret) {
    return fixture.post(
        fixture.emulator.tokenEndpoint(),
        "application/x-www-form-urlencoded",
        EmulatorFixture.form(
            Map.of("grant_type", grant, "client_id", clientId, "client_secret", secret)));
  }

  private void assertError(HttpResponse<String> response, String error, String description) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fixture.json.readValue(response.body(), Map.class))
        .isEqualTo(Map.of("error", error, "error_description", description));
  }
}
