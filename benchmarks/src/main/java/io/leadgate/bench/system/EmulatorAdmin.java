package io.leadgate.bench.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulator's admin API: calls counted per org (what Salesforce would bill), new orgs. */
final class EmulatorAdmin {

  /** Counted calls in the org's window, and by operation. */
  record Usage(long calls, Map<String, Long> byOperation) {
    Usage minus(Usage before) {
      Map<String, Long> ops = new TreeMap<>(byOperation);
      before.byOperation.forEach((op, n) -> ops.merge(op, -n, Long::sum));
      ops.values().removeIf(n -> n == 0);
      return new Usage(calls - before.calls, ops);
    }

    Usage plus(Usage other) {
      Map<String, Long> ops = new TreeMap<>(byOperation);
      other.byOperation.forEach((op, n) -> ops.merge(op, n, Long::sum));
      return new Usage(calls + other.calls, ops);
    }

    static Usage none() {
      return new Usage(0, Map.of());
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;
  private final String token;

  EmulatorAdmin(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Usage usage(String orgId) throws IOException, InterruptedException {
    JsonNode body = json.readTree(send("GET", "/admin/orgs/" + orgId + "/api-usage", null));
    Map<String, Long> ops = new TreeMap<>();
    body.path("byOperation").properties().forEach(e -> ops.put(e.getKey(), e.getValue().asLong()));
    return new Usage(body.path("callsInWindow").asLong(), ops);
  }

  void createOrg(Map<String, Object> spec) throws IOException, InterruptedException {
    send("POST", "/admin/orgs", json.writeValueAsBytes(spec));
  }

  private byte[] send(String method, String path, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return response.body();
  }
}
