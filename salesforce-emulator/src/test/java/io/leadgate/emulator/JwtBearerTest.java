package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.ws.ConnectionException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWT bearer grant with a key pair generated for the test. */
class JwtBearerTest {

  private static KeyPair keys;
  private static KeyPair otherKeys;

  private EmulatorFixture fixture;

  @BeforeAll
  static void generateKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    otherKeys = generator.generateKeyPair();
  }

  @BeforeEach
  void start() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    fixture =
        new EmulatorFixture(
            OrgSpec.of("Test Org", "test-client", "test-secret").withJwtPublicKeyPem(pem));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static String jwt(PrivateKey key, String claimsJson) throws GeneralSecurityException {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(signer.sign());
  }

  private String claims(String sub, String aud, long exp) {
    return "{\"iss\":\"test-client\",\"sub\":\""
        + sub
        + "\",\"aud\":\""
        + aud
        + "\",\"exp\":"
        + exp
        + "}";
  }

  private HttpResponse<String> grant(String assertion) {
    return fixture.post(
        fixture.emulator.tokenEndpoint(),
        "application/x-www-form-urlencoded",
        EmulatorFixture.form(
            Map.of(
                "grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion",
                assertion)));
  }

  private long inOneMinute() {
    return EmulatorFixture.START.getEpochSecond() + 60;
  }

  @Test
  void validAssertionGivesATokenForTheSubjectUser()
      throws GeneralSecurityException, ConnectionException {
    HttpResponse<String> response =
        grant(
            jwt(
                keys.getPrivate(),
                claims("jane@test.example", "https://login.salesforce.com", inOneMinute())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<?, ?> token = fixture.json.readValue(response.body(), Map.class);
    GetUserInfoResult user =
        fixture
            .connect((String) token.get("access_token"), (String) token.get("instance_url"))
            .getUserInfo();
    assertThat(user.getUserId()).isEqualTo(fixture.janeId);
  }

  @Test
  void badSignatureAudienceExpiryAndUserAreRefused() throws GeneralSecurityException {
    String aud = "https://login.salesforce.com";
    assertError(
        grant(jwt(otherKeys.getPrivate(), claims("jane@test.example", aud, inOneMinute()))),
        "invalid_grant",
        "invalid assertion");
    assertError(
        grant(
            jwt(
                keys.getPrivate(),
                claims("jane@test.example", "https://evil.example", inOneMinute()))),
        "invalid_grant",
        "audience is invalid");
    assertError(
        grant(
            jwt(
                keys.getPrivate(),
                claims("jane@test.example", aud, EmulatorFixture.START.getEpochSecond() - 1))),
        "invalid_grant",
        "expired authorization code");
    assertError(
        grant(jwt(keys.getPrivate(), claims("nobody@test.example", aud, inOneMinute()))),
        "invalid_grant",
        "user hasn't approved this consumer");
    assertError(grant("not.a-jwt"), "invalid_grant", "invalid assertion");
  }

  private void assertError(HttpResponse<String> response, String error, String description) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(fixture.json.readValue(response.body(), Map.class))
        .containsEntry("error", error)
        .containsEntry("error_description", description);
  }
}
