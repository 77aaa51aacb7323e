package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.Topics;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CaptureServiceTest
class CaptureServiceIntegrationTest {

  @LocalServerPort int port;
  private Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @Test
  void anAcceptedCaptureIsOnKafkaKeyedByPersonAndHasAStatus() {
    String email = "ada." + UUID.randomUUID() + "@lovelace.example";
    HttpResponse<String> response =
        api.capture(TestTenants.ACME_API_KEY, Api.body(null, "  " + email.toUpperCase() + " "));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = Api.json(response);
    String captureId = body.get("captureId").asString();
    assertThat(body.get("state").asString()).isEqualTo("RECEIVED");
    assertThat(body.get("statusUrl").asString()).isEqualTo("/api/v1/leads/" + captureId);
    assertThat(body.size()).isEqualTo(3);

    // Read-your-writes: the 202 is only sent once the status is in the view.
    HttpResponse<String> status = api.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + captureId);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(Api.json(status).get("state").asString()).isEqualTo("RECEIVED");

    // The 202 came after the ack, so both records are already there.
    List<ConsumerRecord<String, String>> captured =
        Api.recordsOf(Topics.LEADS_CAPTURED.name(), captureId);
    assertThat(captured).hasSize(1);
    assertThat(captured.get(0).key()).isEqualTo(TestTenants.ACME_ORG + "/email:" + email);
    assertThat(captured.get(0).headers().toArray())
        .noneSatisfy(h -> assertThat(h.key()).startsWith("__TypeId__"));
    assertThat(Api.recordsOf(Topics.LEADS_STATUS.name(), captureId))
        .singleElement()
        .satisfies(r -> assertThat(r.key()).isEqualTo(captureId));
  }

  /**
   * Sampled or not, both records carry the request's trace in {@code traceparent} (an unsampled
   * request's records are sent without the template's observation; a sampled one's with it).
   */
  @ParameterizedTest
  @ValueSource(strings = {"01", "00"})
  void bothRecordsCarryTheRequestsTraceWhetherSampledOrNot(String sampledFlag) {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    HttpResponse<String> response =
        api.send(
            api.request(TestTenants.ACME_API_KEY, "/api/v1/leads")
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + sampledFlag)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Api.body(null, "traced-" + UUID.randomUUID() + "@example.com")))
                .build());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(traceId);
    String captureId = Api.json(response).get("captureId").asString();
    for (String topic : List.of(Topics.LEADS_CAPTURED.name(), Topics.LEADS_STATUS.name())) {
      assertThat(Api.recordsOf(topic, captureId))
          .as(topic)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(
                          new String(
                              r.headers().lastHeader("traceparent").value(),
                              StandardCharsets.UTF_8))
                      .startsWith("00-" + traceId + "-")
                      .endsWith("-" + sampledFlag));
    }
  }

  @Test
  void theSameCaptureIdTwiceIsOneCapture() {
    UUID captureId = UUID.randomUUID();
    String body = Api.body(captureId, "twice-" + captureId + "@example.com");

    HttpResponse<String> first = api.capture(TestTenants.ACME_API_KEY, body);
    HttpResponse<String> second = api.capture(TestTenants.ACME_API_KEY, body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(Api.json(second)).isEqualTo(Api.json(first));
    assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), captureId.toString())).hasSize(1);
  }

  @Test
  void concurrentRetriesOfOneCaptureIdWriteItOnce() {
    UUID captureId = UUID.randomUUID();
    String body = Api.body(captureId, "racing-" + captureId + "@example.com");

    List<Integer> statuses =
        IntStream.range(0, 8)
            .parallel()
            .mapToObj(i -> api.capture(TestTenants.ACME_API_KEY, body).statusCode())
            .toList();

    assertThat(statuses).containsOnly(202);
    assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), captureId.toString())).hasSize(1);
  }

  @Test
  void anotherTeamsCaptureIsNotFoundAndItsIdCannotBeReused() {
    UUID captureId = UUID.randomUUID();
    String body = Api.body(captureId, "secret-" + captureId + "@x.com");
    assertThat(api.capture(TestTenants.ACME_API_KEY, body).statusCode()).isEqualTo(202);

    HttpResponse<String> other = api.get(TestTenants.GLOBEX_API_KEY, "/api/v1/leads/" + captureId);
    HttpResponse<String> unknown =
        api.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + UUID.randomUUID());
    HttpResponse<String> reuse = api.capture(TestTenants.GLOBEX_API_KEY, body);

    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(other.body())
        .isEqualTo(unknown.body().replace(unknownId(unknown), captureId.toString()));
    assertThat(reuse.statusCode()).isEqualTo(409);
    assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), captureId.toString()))
        .singleElement()
        .satisfies(r -> assertThat(r.value()).contains("\"teamId\":\"acme\""));
  }

  private static String unknownId(HttpResponse<String> response) {
    String path = response.uri().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Test
  void anInvalidCaptureIsRefusedNamingTheField() {
    HttpResponse<String> response =
        api.capture(TestTenants.ACME_API_KEY, "{\"firstName\":\"Ada\",\"email\":\"a@b.example\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(Api.json(response).get("errors").toString()).contains("lastName");
  }

  @Test
  void aCaptureWithoutAKeyIsUnauthorized() {
    assertThat(api.capture(null, Api.body(null, "a@b.example")).statusCode()).isEqualTo(401);
  }

  @Test
  void theStatusFollowsLeadsStatusWithTheMatchAndNeverGoesBack() throws Exception {
    String captureId =
        Api.json(
                api.capture(
                    TestTenants.ACME_API_KEY,
                    Api.body(null, "dup-" + UUID.randomUUID() + "@x.com")))
            .get("captureId")
            .asString();
    String duplicate =
        GoldenSamples.read(GoldenSamples.STATUS_DUPLICATE)
            .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", captureId)
            .replace("acme-sales", "acme");
    String lateChecking = duplicate.replace("\"DUPLICATE\"", "\"CHECKING\"");
    try (KafkaProducer<String, String> producer = rawProducer()) {
      producer.send(new ProducerRecord<>(Topics.LEADS_STATUS.name(), captureId, duplicate)).get();
      producer
          .send(new ProducerRecord<>(Topics.LEADS_STATUS.name(), captureId, lateChecking))
          .get();
      producer.send(new ProducerRecord<>(Topics.LEADS_STATUS.name(), captureId, "{not json")).get();
    }

    String marker = UUID.randomUUID().toString();
    try (KafkaProducer<String, String> producer = rawProducer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.LEADS_STATUS.name(), marker, duplicate.replace(captureId, marker)))
          .get();
    }

    // A miss catches up with the topic's end, so once the marker (written last) is found, every
    // record before it has been folded in: the late CHECKING did not rewind the DUPLICATE, and the
    // unreadable record was skipped.
    assertThat(api.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + marker).statusCode())
        .isEqualTo(200);
    JsonNode status = Api.json(api.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + captureId));
    assertThat(status.get("state").asString()).isEqualTo("DUPLICATE");
    assertThat(status.get("match").get("ownerName").asString()).isEqualTo("Jane Roe");
    assertThat(status.get("match").get("object").asString()).isEqualTo("Contact");
    assertThat(status.has("orgId")).isFalse();
    assertThat(api.get(TestTenants.ACME_API_KEY, "/actuator/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aBatchAnswersEachCaptureInOrder() {
    UUID repeated = UUID.randomUUID();
    String batch =
        "{\"captures\":["
            + Api.body(repeated, "b1-" + repeated + "@x.com")
            + ",{\"firstName\":\"No\"},"
            + Api.body(repeated, "b1-" + repeated + "@x.com")
            + ","
            + Api.body(null, "b2-" + UUID.randomUUID() + "@x.com")
            + "]}";

    HttpResponse<String> response =
        api.post(TestTenants.ACME_API_KEY, "/api/v1/leads/batch", "application/json", batch);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Api.json(response);
    assertThat(body.get("accepted").asInt()).isEqualTo(3);
    assertThat(body.get("rejected").asInt()).isEqualTo(1);
    JsonNode results = body.get("results");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(0).get("captureId").asString()).isEqualTo(repeated.toString());
    assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
    assertThat(results.get(1).get("errors").toString()).contains("lastName");
    assertThat(results.get(2).get("captureId").asString()).isEqualTo(repeated.toString());
    assertThat(results.get(3).get("status").asInt()).isEqualTo(202);
    assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), repeated.toString())).hasSize(1);
  }

  @Test
  void aBatchTakesUpTo500Captures() {
    String run = UUID.randomUUID().toString();
    String full =
        IntStream.range(0, 500)
            .mapToObj(i -> Api.body(null, "p" + i + "-" + run + "@list.example"))
            .collect(Collectors.joining(",", "{\"captures\":[", "]}"));
    String tooMany = full.replace("]}", "," + Api.body(null, "one-more@list.example") + "]}");

    HttpResponse<String> accepted =
        api.post(TestTenants.ACME_API_KEY, "/api/v1/leads/batch", "application/json", full);
    HttpResponse<String> refused =
        api.post(TestTenants.ACME_API_KEY, "/api/v1/leads/batch", "application/json", tooMany);

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(Api.json(accepted).get("accepted").asInt()).isEqualTo(500);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Api.json(refused).get("errors").get(0).get("field").asString())
        .isEqualTo("captures");
    assertThat(
            TopicReader.readAll(Topics.LEADS_CAPTURED.name()).stream()
                .filter(r -> r.value().contains(run)))
        .hasSize(500);
  }

  @Test
  void validUnicodeNamesGoThroughIntact() throws IOException {
    List<String[]> names = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/corpus/unicode-names.tsv")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(line -> names.add(line.split("\t")));
    }
    String run = UUID.randomUUID().toString();
    List<String> captures = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      captures.add(
          Api.JSON.writeValueAsString(
              Map.of(
                  "firstName", names.get(i)[0],
                  "lastName", names.get(i)[1],
                  "email", "u" + i + "-" + run + "@unicode.example")));
    }

    HttpResponse<String> response =
        api.post(
            TestTenants.ACME_API_KEY,
            "/api/v1/leads/batch",
            "application/json",
            captures.stream().collect(Collectors.joining(",", "{\"captures\":[", "]}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Api.json(response).get("rejected").asInt()).as(response.body()).isZero();
    Map<String, JsonNode> onKafka =
        TopicReader.readAll(Topics.LEADS_CAPTURED.name()).stream()
            .filter(r -> r.value().contains(run))
            .map(r -> Api.JSON.readTree(r.value()))
            .collect(Collectors.toMap(n -> n.get("lead").get("email").asString(), n -> n));
    for (int i = 0; i < names.size(); i++) {
      JsonNode lead = onKafka.get("u" + i + "-" + run + "@unicode.example").get("lead");
      assertThat(lead.get("firstName").asString()).isEqualTo(names.get(i)[0]);
      assertThat(lead.get("lastName").asString()).isEqualTo(names.get(i)[1]);
    }
  }

  @Test
  void readinessWaitsForTheStatusView() {
    HttpResponse<String> readiness = api.get(null, "/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(api.get(null, "/actuator/health/readiness").body()).contains("UP"));
  }

  static KafkaProducer<String, String> rawProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaBroker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}
