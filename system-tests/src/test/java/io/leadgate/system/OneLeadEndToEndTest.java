package io.leadgate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The foundation's promise: a capture travels HTTP → Kafka → dedup (allowance, then a SOQL query
 * through WSC) → Kafka → writer (create through WSC) → status, and the same person captured again,
 * spelled differently, is reported as a duplicate naming its owner.
 */
@WithKafkaBroker
class OneLeadEndToEndTest {

  private static LeadgateStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void startStack() {
    stack = LeadgateStack.start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void theSamePersonTwiceGivesOneRecordAndOneDuplicateNamingTheOwner() throws Exception {
    String first =
        capture(
            "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@lovelace.example\","
                + "\"company\":\"Analytical Engines\",\"capturedBy\":\"rep1@acme.example\"}");

    JsonNode created = awaitFinal(first);
    assertThat(created.get("state").asString()).isEqualTo("CREATED");
    String salesforceId = created.get("salesforceId").asString();
    assertThat(salesforceId).startsWith("00Q").hasSize(18);
    Map<String, Object> record = stack.acme.record(salesforceId).orElseThrow();
    assertThat(record).containsEntry("Email", "ada@lovelace.example");
    assertThat(record.get("Leadgate_Person_Key__c")).isEqualTo("email:ada@lovelace.example");

    String second =
        capture(
            "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"  ADA@Lovelace.EXAMPLE \","
                + "\"company\":\"Analytical Engines\",\"capturedBy\":\"rep2@acme.example\"}");

    JsonNode duplicate = awaitFinal(second);
    assertThat(duplicate.get("state").asString()).isEqualTo("DUPLICATE");
    JsonNode match = duplicate.get("match");
    assertThat(match.get("object").asString()).isEqualTo("Lead");
    assertThat(match.get("id").asString()).isEqualTo(salesforceId);
    assertThat(match.get("ownerName").asString()).isEqualTo("Leadgate Integration");
    assertThat(match.get("ownerEmail").asString()).isEqualTo("integration@acme.example");
    assertThat(match.get("matchedOn").asString()).isEqualTo("email");
    assertThat(stack.acme.records("Lead")).hasSize(1);
  }

  private String capture(String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads"))
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    return json.readTree(response.body()).get("captureId").asString();
  }

  private JsonNode awaitFinal(String captureId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(captureId), s -> s != null && isFinal(s.get("state").asString()));
  }

  private JsonNode status(String captureId) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads/" + captureId))
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? json.readTree(response.body()) : null;
  }

  private static boolean isFinal(String state) {
    return state.equals("CREATED") || state.equals("DUPLICATE") || state.equals("FAILED");
  }
}
