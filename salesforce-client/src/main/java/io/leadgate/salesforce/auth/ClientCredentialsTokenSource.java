package io.leadgate.salesforce.auth;

import io.leadgate.salesforce.SalesforceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2.0 client-credentials flow against an org's token endpoint. This replaces SOAP {@code
 * login()}, which real orgs refuse at API 65.0.
 */
public final class ClientCredentialsTokenSource implements TokenSource {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final Duration timeout;
  private final HttpClient http;

  public ClientCredentialsTokenSource(
      URI loginUrl, String clientId, String clientSecret, Duration timeout) {
    this.tokenEndpoint = loginUrl.resolve("/services/oauth2/token");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public AccessToken fetch() {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SalesforceException.Transient("Token endpoint unreachable: " + tokenEndpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SalesforceException.Transient("Interrupted while fetching a token", e);
    }
    if (response.statusCode() >= 500) {
      throw new SalesforceException.Transient(
          "Token endpoint answered " + response.statusCode(), null);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JacksonException e) {
      // Not an OAuth answer at all (a wrong login URL, a proxy's error page): retrying won't help.
      throw new SalesforceException.Permanent(
          "OAUTH_unreadable_response",
          "Token endpoint "
              + tokenEndpoint
              + " answered "
              + response.statusCode()
              + " without JSON");
    }
    if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
      // The error body names the OAuth error, never the secret we sent.
      throw new SalesforceException.Permanent(
          "OAUTH_" + body.path("error").asString("unknown"),
          "Token request refused ("
              + response.statusCode()
              + "): "
              + body.path("error_description").asString(""));
    }
    return new AccessToken(
        body.get("access_token").asString(), URI.create(body.get("instance_url").asString()));
  }
}
