package io.leadgate.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import io.leadgate.contracts.Topics;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Metrics, readiness and the live dashboard, against a real broker (same context as the rest). */
@WithKafkaBroker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      BudgetServiceApplication.CONFIG_NAME,
      TestTenants.CONFIG_IMPORT,
      "leadgate.budget.settings-topic=budget.settings.it-${random.uuid}",
      "leadgate.budget.state-topic=budget.state.it-${random.uuid}"
    })
class ObservabilityIntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;

  @Test
  void readinessIsUpAndPrometheusShowsTheBudgetByOrgAndPurposeAndConsumerLag() throws Exception {
    String org = randomOrg();
    HttpResponse<String> granted =
        post(
            "/api/v1/orgs/" + org + "/allowances",
            TestTenants.SERVICE_TOKEN,
            "{\"calls\":3,\"purpose\":\"CHECK\"}");
    String lease = json.readTree(granted.body()).get("leaseId").asString();
    post(
        "/api/v1/orgs/" + org + "/allowances/" + lease + "/usage",
        TestTenants.SERVICE_TOKEN,
        "{\"used\":2}");

    assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics = get("/actuator/prometheus", null).body();
              assertThat(sample(metrics, "leadgate_budget_calls_granted_total", org, "CHECK"))
                  .isEqualTo(3.0);
              assertThat(sample(metrics, "leadgate_budget_calls_spent_total", org, "CHECK"))
                  .isEqualTo(2.0);
              assertThat(sample(metrics, "leadgate_budget_mode", org, "mode=\"BLUE\""))
                  .isEqualTo(1.0);
              assertThat(sample(metrics, "leadgate_budget_cap", org, "")).isEqualTo(7_500.0);
              // Kafka's client metrics, bound for the listener factories built in service-support.
              assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
            });
  }

  @Test
  void decisionsCallsAndLatencyAreMeteredFromTheStatusTopic() {
    String org = randomOrg();
    String capture = UUID.randomUUID().toString();
    Instant received = Instant.now();
    send(LeadStatusChanged.of(capture, "acme", org, LeadState.RECEIVED, received));
    send(
        LeadStatusChanged.of(capture, "acme", org, LeadState.CREATED, received.plusMillis(1500))
            .withApiCalls(0.5));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics = get("/actuator/prometheus", null).body();
              assertThat(sample(metrics, "leadgate_leads_decided_total", org, "CREATED"))
                  .isEqualTo(1.0);
              assertThat(sample(metrics, "leadgate_lead_calls_sum", org, "CREATED")).isEqualTo(0.5);
              assertThat(sample(metrics, "leadgate_lead_latency_seconds_count", org, "CREATED"))
                  .isEqualTo(1.0);
              assertThat(sample(metrics, "leadgate_lead_latency_seconds_sum", org, "CREATED"))
                  .isEqualTo(1.5);
            });
  }

  @Test
  void aTeamsKeyOpensItsOwnOrgsStreamOnceAndNoOtherOrgsData() throws Exception {
    assertThat(post("/api/v1/dashboard/tickets", null, "").statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/dashboard/tickets", TestTenants.SERVICE_TOKEN, "").statusCode())
        .isEqualTo(403);
    assertThat(get("/dashboard/stream?ticket=made-up", null).statusCode()).isEqualTo(401);
    assertThat(get("/dashboard/index.html", null).body()).contains("Leadgate dashboard");

    HttpResponse<String> issued = post("/api/v1/dashboard/tickets", TestTenants.ACME_API_KEY, "");
    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(json.readTree(issued.body()).get("orgId").asString())
        .isEqualTo(TestTenants.ACME_ORG);
    String ticket = json.readTree(issued.body()).get("ticket").asString();

    String marker = UUID.randomUUID().toString();
    send(duplicate(TestTenants.GLOBEX_ORG, "Globex Owner " + marker));
    send(duplicate(TestTenants.ACME_ORG, "Acme Owner " + marker));

    HttpResponse<Stream<String>> stream =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/dashboard/stream?ticket=" + ticket))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    List<String> seen = new ArrayList<>();
    CompletableFuture.runAsync(
            () ->
                stream
                    .body()
                    .peek(seen::add)
                    .filter(line -> line.contains("Acme Owner " + marker))
                    .findFirst())
        .get(30, TimeUnit.SECONDS);
    stream.body().close();

    assertThat(String.join("\n", seen))
        .doesNotContain(TestTenants.GLOBEX_ORG)
        .doesNotContain("Globex Owner");
    // A ticket opens one stream.
    assertThat(get("/dashboard/stream?ticket=" + ticket, null).statusCode()).isEqualTo(401);
  }

  private static LeadStatusChanged duplicate(String org, String owner) {
    return LeadStatusChanged.of(
            UUID.randomUUID().toString(), "team", org, LeadState.DUPLICATE, Instant.now())
        .withMatch(new MatchedRecord("Lead", "00Q1", owner, "owner@x.example", "email", 1.0));
  }

  /** The value of the one sample of {@code name} whose line mentions the org and {@code tag}. */
  private static double sample(String metrics, String name, String org, String tag) {
    List<String> lines =
        metrics
            .lines()
            .filter(line -> line.startsWith(name + "{"))
            .filter(line -> line.contains("org=\"" + org + "\""))
            .filter(line -> line.contains(tag))
            .toList();
    assertThat(lines).as("%s for %s %s", name, org, tag).hasSize(1);
    String line = lines.get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private void send(LeadStatusChanged status) {
    kafka.send(Topics.LEADS_STATUS.name(), status.captureId(), status).join();
  }

  private static String randomOrg() {
    return "00D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
