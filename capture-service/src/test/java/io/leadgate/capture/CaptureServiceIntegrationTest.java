package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.Topics;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithKafkaBroker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {CaptureServiceApplication.CONFIG_NAME, TestTenants.CONFIG_IMPORT})
class CaptureServiceIntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void anAcceptedCaptureIsOnKafkaKeyedByPersonAndHasAStatus() throws Exception {
    String email = "ada." + UUID.randomUUID() + "@lovelace.example";
    HttpResponse<String> response =
        post(TestTenants.ACME_API_KEY, capture(null, "  " + email.toUpperCase() + " "));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    String captureId = body.get("captureId").asString();
    assertThat(body.get("state").asString()).isEqualTo("RECEIVED");
    assertThat(body.get("statusUrl").asString()).isEqualTo("/api/v1/leads/" + captureId);

    HttpResponse<String> status = get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + captureId);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(json.readTree(status.body()).get("state").asString()).isEqualTo("RECEIVED");

    ConsumerRecord<String, String> captured =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    read(Topics.LEADS_CAPTURED.name()).stream()
                        .filter(r -> r.value().contains(captureId))
                        .findFirst()
                        .orElse(null),
                r -> r != null);
    assertThat(captured.key()).isEqualTo(TestTenants.ACME_ORG + "/email:" + email);
    assertThat(captured.headers().toArray())
        .noneSatisfy(h -> assertThat(h.key()).startsWith("__TypeId__"));
  }

  @Test
  void theSameCaptureIdTwiceIsOneCapture() throws Exception {
    UUID captureId = UUID.randomUUID();
    String body = capture(captureId, "twice-" + captureId + "@example.com");

    HttpResponse<String> first = post(TestTenants.ACME_API_KEY, body);
    HttpResponse<String> second = post(TestTenants.ACME_API_KEY, body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(json.readTree(second.body())).isEqualTo(json.readTree(first.body()));
    assertThat(
            read(Topics.LEADS_CAPTURED.name()).stream()
                .filter(r -> r.value().contains(captureId.toString())))
        .hasSize(1);
  }

  @Test
  void anotherTeamsCaptureIsNotFound() throws Exception {
    HttpResponse<String> response =
        post(TestTenants.ACME_API_KEY, capture(null, "secret-" + UUID.randomUUID() + "@x.com"));
    String captureId = json.readTree(response.body()).get("captureId").asString();

    HttpResponse<String> other = get(TestTenants.GLOBEX_API_KEY, "/api/v1/leads/" + captureId);
    HttpResponse<String> unknown =
        get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + UUID.randomUUID());

    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(other.body()).get("detail"))
        .isEqualTo(json.readTree(unknown.body()).get("detail"));
  }

  @Test
  void anInvalidCaptureIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> response =
        post(TestTenants.ACME_API_KEY, "{\"firstName\":\"Ada\",\"email\":\"a@b.example\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).get("errors").toString()).contains("lastName");
  }

  @Test
  void aCaptureWithoutAKeyIsUnauthorized() throws Exception {
    HttpResponse<String> response = post(null, capture(null, "a@b.example"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static String capture(UUID captureId, String email) {
    return "{"
        + (captureId != null ? "\"captureId\":\"" + captureId + "\"," : "")
        + "\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\""
        + email
        + "\",\"company\":\"Analytical Engines\",\"capturedBy\":\"rep@acme.example\"}";
  }

  private HttpResponse<String> post(String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/leads"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String key, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<ConsumerRecord<String, String>> read(String topic) {
    return TopicReader.readAll(topic);
  }
}
