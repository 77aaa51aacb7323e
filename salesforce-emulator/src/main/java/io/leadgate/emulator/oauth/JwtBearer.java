package io.leadgate.emulator.oauth;

import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2.0 JWT bearer grant as Salesforce implements it: an RS256 assertion whose {@code iss}
 * is the connected app's client id, {@code sub} the username, {@code aud} the login host (or the
 * emulator's base URL) and {@code exp} in the future, signed with the private key matching the
 * org's registered public key or certificate.
 */
final class JwtBearer {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** Either an org and user, or an OAuth error. */
  record Outcome(OrgState org, String userId, String error, String description) {
    static Outcome failed(String error, String description) {
      return new Outcome(null, null, error, description);
    }
  }

  private final OrgRegistry orgs;
  private final Clock clock;
  private final Set<String> audiences;
  private final JsonMapper json;

  JwtBearer(OrgRegistry orgs, Clock clock, URI baseUrl, JsonMapper json) {
    this.orgs = orgs;
    this.clock = clock;
    this.audiences =
        Set.of(
            "https://login.salesforce.com",
            "https://test.salesforce.com",
            baseUrl.toString(),
            baseUrl + "/");
    this.json = json;
  }

  Outcome verify(String assertion) {
    if (assertion == null || assertion.isBlank()) {
      return Outcome.failed("invalid_request", "assertion is required");
    }
    String[] parts = assertion.trim().split("\\.", -1);
    if (parts.length != 3) {
      return Outcome.failed("invalid_grant", "invalid assertion");
    }
    Map<String, Object> header;
    Map<String, Object> claims;
    byte[] signature;
    try {
      header = decodeJson(parts[0]);
      claims = decodeJson(parts[1]);
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException | JacksonException e) {
      return Outcome.failed("invalid_grant", "invalid assertion");
    }
    if (!"RS256".equals(header.get("alg"))) {
      return Outcome.failed("invalid_grant", "invalid assertion");
    }
    Object iss = claims.get("iss");
    Optional<OrgState> org = iss instanceof String id ? orgs.findByClientId(id) : Optional.empty();
    if (org.isEmpty()) {
      return Outcome.failed("invalid_client_id", "client identifier invalid");
    }
    String pem = org.get().jwtPublicKeyPem();
    if (pem == null) {
      return Outcome.failed("invalid_grant", "invalid assertion");
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey(pem));
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        return Outcome.failed("invalid_grant", "invalid assertion");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Outcome.failed("invalid_grant", "invalid assertion");
    }
    if (!audienceMatches(claims.get("aud"))) {
      return Outcome.failed("invalid_grant", "audience is invalid");
    }
    if (!(claims.get("exp") instanceof Number exp)
        || exp.longValue() <= clock.instant().getEpochSecond()) {
      return Outcome.failed("invalid_grant", "expired authorization code");
    }
    Object sub = claims.get("sub");
    Optional<Map.Entry<OrgState, String>> user =
        sub instanceof String username ? orgs.findUser(username) : Optional.empty();
    if (user.isEmpty() || user.get().getKey() != org.get()) {
      return Outcome.failed("invalid_grant", "user hasn't approved this consumer");
    }
    return new Outcome(org.get(), user.get().getValue(), null, null);
  }

  private boolean audienceMatches(Object aud) {
    if (aud instanceof String s) {
      return audiences.contains(s);
    }
    if (aud instanceof java.util.List<?> list) {
      return list.stream().anyMatch(audiences::contains);
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> decodeJson(String part) {
    Object value = json.readValue(Base64.getUrlDecoder().decode(part), Object.class);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (Map<String, Object>) map;
  }

  /** Reads a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) or "CERTIFICATE". */
  static PublicKey publicKey(String pem) throws GeneralSecurityException {
    String body =
        pem.replaceAll("-----BEGIN [A-Z ]+-----", "")
            .replaceAll("-----END [A-Z ]+-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(body);
    if (pem.contains("BEGIN CERTIFICATE")) {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der))
          .getPublicKey();
    }
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }
}
