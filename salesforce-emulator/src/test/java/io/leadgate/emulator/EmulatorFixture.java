package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** Starts an emulator on a fixed clock with one org and connects the real WSC client to it. */
final class EmulatorFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
  static final String ADMIN_TOKEN = "test-admin";

  final EmulatorClock clock = EmulatorClock.fixed(START);
  final SalesforceEmulator emulator;
  final EmulatedOrg org;
  final String janeId;
  final String samId;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  EmulatorFixture() {
    this(OrgSpec.of("Test Org", "test-client", "test-secret").withDailyApiLimit(1000));
  }

  EmulatorFixture(OrgSpec spec) {
    emulator =
        SalesforceEmulator.start(
            EmulatorConfig.defaults().withClock(clock).withAdminToken(ADMIN_TOKEN));
    org =
        emulator.createOrg(
            spec.withUsers(
                List.of(
                    UserSpec.integration("Leadgate", "Integration", "integration@test.example"),
                    UserSpec.of("Jane", "Roe", "jane@test.example"),
                    UserSpec.of("Sam", "Seller", "sam@test.example"))));
    janeId = userId("jane@test.example");
    samId = userId("sam@test.example");
  }

  String userId(String username) {
    return org.records("User").stream()
        .filter(u -> username.equals(u.get("Username")))
        .map(u -> (String) u.get("Id"))
        .findFirst()
        .orElseThrow();
  }

  /** Fetches a token the way Leadgate does: OAuth client credentials over HTTP. */
  Map<String, Object> token(String clientId, String clientSecret) {
    HttpResponse<String> response =
        post(
            emulator.tokenEndpoint(),
            "application/x-www-form-urlencoded",
            form(
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", clientId,
                    "client_secret", clientSecret)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(response.body(), Map.class);
  }

  /** A fresh WSC connection using an OAuth access token as its session id, compression on. */
  PartnerConnection connect() {
    Map<String, Object> token = token(org.clientId(), org.clientSecret());
    return connect((String) token.get("access_token"), (String) token.get("instance_url"));
  }

  PartnerConnection connect(String accessToken, String instanceUrl) {
    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setSessionId(accessToken);
    cfg.setServiceEndpoint(instanceUrl + "/services/Soap/u/65.0");
    cfg.setConnectionTimeout(5_000);
    cfg.setReadTimeout(10_000);
    try {
      return Connector.newConnection(cfg);
    } catch (ConnectionException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(URI uri, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> admin(String method, String path, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/json");
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(builder.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public void close() {
    emulator.close();
  }
}
