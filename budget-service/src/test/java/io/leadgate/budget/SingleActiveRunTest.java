package io.leadgate.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of budget-service on the same topics would each grant the same headroom: only the
 * run started last grants, the earlier one answers 503 (callers take that as nothing granted), and
 * the new one grants only after every lease the earlier one may have granted has expired.
 */
@WithKafkaBroker
class SingleActiveRunTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theRunStartedLastGrantsAndTheEarlierOneStepsDown() throws Exception {
    String topics = UUID.randomUUID().toString();
    String org = "00D" + topics.replace("-", "").substring(0, 12);
    try (ConfigurableApplicationContext first = start(topics)) {
      assertThat(allowance(first, org).statusCode()).isEqualTo(200);
      long started = System.nanoTime();
      try (ConfigurableApplicationContext second = start(topics)) {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> allowance(first, org).statusCode() == 503);
        HttpResponse<String> learning = allowance(second, org);
        assertThat(learning.statusCode()).isEqualTo(200);
        assertThat(json.readTree(learning.body()).get("granted").asLong()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> granted(allowance(second, org)) > 0);
        // Lease (5 s), skew (1 s) and fence (2 s) passed before the new run granted.
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isGreaterThan(Duration.ofSeconds(8));
        assertThat(allowance(first, org).statusCode()).isEqualTo(503);
      }
    }
  }

  private long granted(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return 0;
    }
    JsonNode body = json.readTree(response.body());
    return body.get("granted").asLong();
  }

  private ConfigurableApplicationContext start(String topics) {
    return new SpringApplicationBuilder(BudgetServiceApplication.class)
        .run(
            "--" + BudgetServiceApplication.CONFIG_NAME,
            "--" + TestTenants.CONFIG_IMPORT,
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
            "--spring.kafka.consumer.group-id=budget-" + topics,
            "--leadgate.budget.lease-duration=5s",
            "--leadgate.budget.observation-skew=1s",
            "--leadgate.budget.run-fence=2s",
            "--leadgate.budget.settings-topic=budget.settings." + topics,
            "--leadgate.budget.state-topic=budget.state." + topics);
  }

  private HttpResponse<String> allowance(ConfigurableApplicationContext budget, String org)
      throws Exception {
    int port = ((WebServerApplicationContext) budget).getWebServer().getPort();
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/orgs/" + org + "/allowances"))
            .header("Authorization", "Bearer " + TestTenants.SERVICE_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"calls\":2,\"purpose\":\"CHECK\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
