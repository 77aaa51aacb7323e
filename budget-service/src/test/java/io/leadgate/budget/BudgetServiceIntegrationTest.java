package io.leadgate.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.SalesforceApiUsageObserved;
import io.leadgate.contracts.Topics;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithKafkaBroker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      BudgetServiceApplication.CONFIG_NAME,
      TestTenants.CONFIG_IMPORT,
      "leadgate.budget.settings-topic=budget.settings.it-${random.uuid}",
      "leadgate.budget.state-topic=budget.state.it-${random.uuid}"
    })
class BudgetServiceIntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;

  @Test
  void grantsUpToTheCapThenNothingOnceObservedUsageReachesIt() throws Exception {
    String org = "00D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    JsonNode first = allowance(org, 40, TestTenants.SERVICE_TOKEN);
    assertThat(first.get("granted").asLong()).isEqualTo(40);
    assertThat(first.get("mode").asString()).isEqualTo("BLUE");

    // Salesforce reports the org (all integrations) at the 50% cap of its 15,000 limit.
    kafka.send(
        Topics.SALESFORCE_API_USAGE.name(),
        org,
        new SalesforceApiUsageObserved(1, org, 7_500, 15_000, "test", Instant.now()));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode next = allowance(org, 5, TestTenants.SERVICE_TOKEN);
              assertThat(next.get("granted").asLong()).isZero();
              assertThat(next.get("mode").asString()).isEqualTo(BudgetMode.EXHAUSTED.name());
            });
    assertThat(budgetStatusModes(org)).contains("EXHAUSTED");
  }

  @Test
  void aBatchIsDecidedInOrderEachWithItsOwnLeaseUpToTheCap() throws Exception {
    String org = "00D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    kafka.send(
        Topics.SALESFORCE_API_USAGE.name(),
        org,
        new SalesforceApiUsageObserved(1, org, 7_400, 15_000, "test", Instant.now()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> allowance(org, 1, TestTenants.SERVICE_TOKEN).get("granted").asLong() == 1);

    // 99 calls left under the 7,500 cap: 60 and 39 granted, then nothing.
    HttpResponse<String> response =
        post(
            "/api/v1/orgs/" + org + "/allowances/batch",
            TestTenants.SERVICE_TOKEN,
            "{\"requests\":[{\"calls\":60,\"purpose\":\"CHECK\"},"
                + "{\"calls\":60,\"purpose\":\"CREATE\"},{\"calls\":5,\"purpose\":\"CHECK\"}]}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode grants = json.readTree(response.body()).get("grants");
    assertThat(grants.size()).isEqualTo(3);
    assertThat(grants.get(0).get("granted").asLong()).isEqualTo(60);
    assertThat(grants.get(1).get("granted").asLong()).isEqualTo(39);
    assertThat(grants.get(1).get("mode").asString()).isEqualTo("EXHAUSTED");
    assertThat(grants.get(2).get("granted").asLong()).isZero();
    assertThat(grants.get(0).get("leaseId").asString())
        .isNotEqualTo(grants.get(1).get("leaseId").asString());

    HttpResponse<String> empty =
        post(
            "/api/v1/orgs/" + org + "/allowances/batch",
            TestTenants.SERVICE_TOKEN,
            "{\"requests\":[]}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aBatchOfReportsReturnsWhatEachLeaseLeftUnspent() throws Exception {
    String org = "00D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    kafka.send(
        Topics.SALESFORCE_API_USAGE.name(),
        org,
        new SalesforceApiUsageObserved(1, org, 7_400, 15_000, "test", Instant.now()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> allowance(org, 1, TestTenants.SERVICE_TOKEN).get("granted").asLong() == 1);
    JsonNode grants =
        json.readTree(
                post(
                        "/api/v1/orgs/" + org + "/allowances/batch",
                        TestTenants.SERVICE_TOKEN,
                        "{\"requests\":[{\"calls\":60,\"purpose\":\"CHECK\"},"
                            + "{\"calls\":39,\"purpose\":\"CHECK\"}]}")
                    .body())
            .get("grants");
    assertThat(allowance(org, 1, TestTenants.SERVICE_TOKEN).get("granted").asLong()).isZero();

    // The first lease spent nothing, the second 9 of its 39; an unknown lease is skipped.
    HttpResponse<String> reported =
        post(
            "/api/v1/orgs/" + org + "/allowances/usage",
            TestTenants.SERVICE_TOKEN,
            "{\"reports\":[{\"leaseId\":\""
                + grants.get(0).get("leaseId").asString()
                + "\",\"used\":0},{\"leaseId\":\""
                + grants.get(1).get("leaseId").asString()
                + "\",\"used\":9},{\"leaseId\":\"unknown\",\"used\":5}]}");
    assertThat(reported.statusCode()).isEqualTo(204);
    // 7,500 cap - 7,400 observed - 1 - 9 still outstanding.
    assertThat(allowance(org, 100, TestTenants.SERVICE_TOKEN).get("granted").asLong())
        .isEqualTo(90);

    for (String[] bad :
        new String[][] {
          {"/usage", "{\"reports\":[]}"},
          {"/usage", "{\"reports\":[{\"leaseId\":\"x\",\"used\":-1}]}"},
          {"/usage", "{\"reports\":[{\"used\":1}]}"},
          {"", "{\"calls\":0,\"purpose\":\"CHECK\"}"},
          {"", "{\"calls\":1}"},
          {"/batch", "{\"requests\":[{\"calls\":10001,\"purpose\":\"CHECK\"}]}"}
        }) {
      HttpResponse<String> invalid =
          post("/api/v1/orgs/" + org + "/allowances" + bad[0], TestTenants.SERVICE_TOKEN, bad[1]);
      assertThat(invalid.statusCode()).as(bad[1]).isEqualTo(400);
      assertThat(invalid.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  @Test
  void anUnreadableUsageRecordGoesToTheDeadLetterTopicAndLaterRecordsStillFlow() throws Exception {
    String org = "00D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var raw =
        new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
            Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()),
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      raw.send(
              new org.apache.kafka.clients.producer.ProducerRecord<>(
                  Topics.SALESFORCE_API_USAGE.name(), org, "{not json"))
          .get();
      // Read now: the sample's own times are a day old and more, out of the rolling window.
      Instant now = Instant.now();
      String golden =
          GoldenSamples.read(GoldenSamples.API_USAGE)
              .replace("00D000000000001AAA", org)
              .replace("6101", "7600")
              .replace("2026-11-26T09:15:31Z", now.toString())
              .replace("2026-11-26T09:15:30.874Z", now.minusMillis(126).toString());
      raw.send(
              new org.apache.kafka.clients.producer.ProducerRecord<>(
                  Topics.SALESFORCE_API_USAGE.name(), org, golden))
          .get();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(allowance(org, 1, TestTenants.SERVICE_TOKEN).get("granted").asLong())
                    .isZero());
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead =
        read(Topics.SALESFORCE_API_USAGE.deadLetter().name());
    assertThat(dead)
        .anySatisfy(
            record -> {
              assertThat(record.key()).isEqualTo(org);
              assertThat(record.value()).isEqualTo("{not json");
              assertThat(new String(record.headers().lastHeader("leadgate-dlt-reason").value()))
                  .startsWith("Unreadable record");
            });
  }

  @Test
  void allowancesNeedTheServiceToken() throws Exception {
    HttpResponse<String> anonymous = post("/api/v1/orgs/x/allowances", null, "{}");
    HttpResponse<String> team =
        post(
            "/api/v1/orgs/" + TestTenants.ACME_ORG + "/allowances",
            TestTenants.ACME_API_KEY,
            "{\"calls\":1,\"purpose\":\"CHECK\"}");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(team.statusCode()).isEqualTo(403);
  }

  @Test
  void aTeamSeesItsOwnBudgetAndNotAnotherTeams() throws Exception {
    HttpResponse<String> own =
        get("/api/v1/orgs/" + TestTenants.ACME_ORG + "/budget", TestTenants.ACME_API_KEY);
    HttpResponse<String> other =
        get("/api/v1/orgs/" + TestTenants.ACME_ORG + "/budget", TestTenants.GLOBEX_API_KEY);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json.readTree(own.body()).get("capCalls").asLong()).isEqualTo(7_500);
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void onlyTheTeamAdminChangesSettingsAndEveryChangeIsAudited() throws Exception {
    String body =
        "{\"capPercent\":70,\"goldenPercent\":85,\"pacing\":\"EVEN\",\"reserveCalls\":200}";
    String path = "/api/v1/orgs/" + TestTenants.ACME_ORG + "/budget";

    HttpResponse<String> member = put(path, TestTenants.ACME_API_KEY, body);
    HttpResponse<String> service = put(path, TestTenants.SERVICE_TOKEN, body);
    HttpResponse<String> otherAdmin = put(path, "globex-admin-key", body);
    HttpResponse<String> invalid =
        put(
            path,
            TestTenants.ACME_ADMIN_KEY,
            body.replace("\"capPercent\":70", "\"capPercent\":0"));
    HttpResponse<String> admin = put(path, TestTenants.ACME_ADMIN_KEY, body);

    assertThat(member.statusCode()).isEqualTo(403);
    assertThat(service.statusCode()).isEqualTo(403);
    assertThat(otherAdmin.statusCode()).isEqualTo(404);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(admin.statusCode()).isEqualTo(200);
    JsonNode view = json.readTree(get(path, TestTenants.ACME_API_KEY).body());
    assertThat(view.get("capCalls").asLong()).isEqualTo(10_500);
    assertThat(view.get("settings").get("pacing").asString()).isEqualTo("EVEN");
    assertThat(view.get("affordableCaptures").asLong()).isPositive();
    JsonNode audit =
        TopicReader.readAll(Topics.BUDGET_AUDIT.name()).stream()
            .filter(record -> TestTenants.ACME_ORG.equals(record.key()))
            .map(record -> json.readTree(record.value()))
            .reduce((first, second) -> second)
            .orElseThrow();
    assertThat(audit.get("changedBy").asString()).isEqualTo("admin:acme");
    assertThat(audit.get("before").get("capPercent").asInt()).isEqualTo(50);
    assertThat(audit.get("after").get("capPercent").asInt()).isEqualTo(70);

    // Put the defaults back: the other tests of this context expect them.
    put(
        path,
        TestTenants.ACME_ADMIN_KEY,
        "{\"capPercent\":50,\"goldenPercent\":80,\"pacing\":\"OFF\",\"reserveCalls\":0}");
  }

  private HttpResponse<String> put(String path, String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode allowance(String org, long calls, String token) throws Exception {
    HttpResponse<String> response =
        post(
            "/api/v1/orgs/" + org + "/allowances",
            token,
            "{\"calls\":" + calls + ",\"purpose\":\"CHECK\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
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
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> budgetStatusModes(String org) {
    return read(Topics.BUDGET_STATUS.name()).stream()
        .filter(record -> org.equals(record.key()))
        .map(record -> json.readTree(record.value()).get("mode").asString())
        .toList();
  }

  private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> read(
      String topic) {
    return TopicReader.readAll(topic);
  }
}
