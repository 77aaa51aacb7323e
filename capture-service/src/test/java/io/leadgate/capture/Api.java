package io.leadgate.capture;

import io.leadgate.testsupport.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a test client sees it. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> capture(String key, String body) {
    return post(key, "/api/v1/leads", "application/json", body);
  }

  public HttpResponse<String> post(String key, String path, String contentType, String body) {
    return send(
        request(key, path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> get(String key, String path) {
    return send(request(key, path).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String key, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return request;
  }

  public HttpClient http() {
    return http;
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  public static String body(UUID captureId, String email) {
    return "{"
        + (captureId != null ? "\"captureId\":\"" + captureId + "\"," : "")
        + "\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\""
        + email
        + "\",\"company\":\"Analytical Engines\",\"capturedBy\":\"rep@acme.example\"}";
  }

  /** The records on {@code topic} whose value mentions {@code captureId}. */
  public static List<ConsumerRecord<String, String>> recordsOf(String topic, String captureId) {
    return TopicReader.readAll(topic).stream()
        .filter(r -> r.value() != null && r.value().contains(captureId))
        .toList();
  }
}
