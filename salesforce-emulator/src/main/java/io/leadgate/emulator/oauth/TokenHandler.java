package io.leadgate.emulator.oauth;

import com.sun.net.httpserver.HttpExchange;
import io.leadgate.emulator.http.HttpSupport;
import io.leadgate.emulator.org.OrgRegistry;
import io.leadgate.emulator.org.OrgState;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /services/oauth2/token. Supports the client-credentials grant of a connected app whose flow
 * runs as the org's integration user, and the JWT bearer grant (RS256 assertion signed with the key
 * registered for the org), answering with Salesforce's token response.
 */
public final class TokenHandler {

  private final OrgRegistry orgs;
  private final SessionRegistry sessions;
  private final Clock clock;
  private final URI baseUrl;
  private final JsonMapper json;

  public TokenHandler(
      OrgRegistry orgs, SessionRegistry sessions, Clock clock, URI baseUrl, JsonMapper json) {
    this.orgs = orgs;
    this.sessions = sessions;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.json = json;
  }

  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      HttpSupport.send(exchange, 405, null, new byte[0]);
      return;
    }
    Map<String, String> form = HttpSupport.parseForm(HttpSupport.readBody(exchange));
    String grantType = form.get("grant_type");
    if (JwtBearer.GRANT_TYPE.equals(grantType)) {
      JwtBearer.Outcome outcome =
          new JwtBearer(orgs, clock, baseUrl, json).verify(form.get("assertion"));
      if (outcome.error() != null) {
        error(exchange, outcome.error(), outcome.description());
        return;
      }
      issue(exchange, outcome.org(), outcome.userId());
      return;
    }
    if (!"client_credentials".equals(grantType)) {
      error(exchange, "unsupported_grant_type", "grant type not supported");
      return;
    }
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    // Basic authentication carries the credentials when the form does not.
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decoded.substring(0, colon);
        clientSecret = decoded.substring(colon + 1);
      }
    }
    Optional<OrgState> org = clientId == null ? Optional.empty() : orgs.findByClientId(clientId);
    if (org.isEmpty()) {
      error(exchange, "invalid_client_id", "client identifier invalid");
      return;
    }
    if (clientSecret == null
        || !MessageDigest.isEqual(
            clientSecret.getBytes(StandardCharsets.UTF_8),
            org.get().clientSecret().getBytes(StandardCharsets.UTF_8))) {
      error(exchange, "invalid_client", "invalid client credentials");
      return;
    }
    OrgState state = org.get();
    issue(exchange, state, state.integrationUserId());
  }

  private void issue(HttpExchange exchange, OrgState state, String userId) throws IOException {
    Session session = sessions.issue(state, userId);
    String issuedAt = Long.toString(clock.millis());
    String id = baseUrl + "/id/" + state.orgId() + "/" + session.userId();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", session.token());
    body.put("signature", signature(state.clientSecret(), id + issuedAt));
    body.put("instance_url", baseUrl.toString());
    body.put("id", id);
    body.put("token_type", "Bearer");
    body.put("issued_at", issuedAt);
    exchange
        .getResponseHeaders()
        .set("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    HttpSupport.send(exchange, 200, "application/json;charset=UTF-8", json.writeValueAsBytes(body));
  }

  /** Salesforce signs id + issued_at with HMAC-SHA256 keyed by the consumer secret. */
  private static String signature(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private void error(HttpExchange exchange, String error, String description) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    HttpSupport.send(exchange, 400, "application/json;charset=UTF-8", json.writeValueAsBytes(body));
  }
}
