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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The org's usage rises through Leadgate's golden threshold to its cap, then the window rolls: the
 * budget goes BLUE → GOLDEN → EXHAUSTED → BLUE, the cloud the extension sees follows it, and every
 * capture reaches a final state on the way. Other integrations' usage is the emulator's background
 * usage; a simulated day passes on the clock every service shares with the emulator.
 */
@WithKafkaBroker
class BudgetModesEndToEndTest {

  private static final long LIMIT = 1_000; // cap 50% = 500 calls, golden from 80% of it = 400

  private static LeadgateStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void startStack() {
    stack =
        LeadgateStack.start(
            List.of("leadgate.dedup.retry-after=300ms", "leadgate.writer.retry-after=300ms"));
    stack.acme.updateLimits(LIMIT, 0L, 1.0);
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void modesFollowUsageAndTheWindowAndNoCaptureIsLost() throws Exception {
    List<String> captures = new ArrayList<>();

    String blue = capture(known("blue"));
    captures.add(blue);
    JsonNode blueAnswer = awaitFinal(blue);
    assertThat(blueAnswer.get("cloud").asString()).isEqualTo("BLUE");
    assertThat(blueAnswer.get("match").get("ownerName").asString()).isNotBlank();
    awaitMode("BLUE");

    // Other integrations push the org past the golden threshold (400 of the 500-call cap).
    stack.acme.updateLimits(LIMIT, 420L, 1.0);
    captures.add(capture()); // its calls let Leadgate observe the new usage
    awaitMode("GOLDEN");
    String golden = capture(known("golden"));
    captures.add(golden);
    JsonNode goldenAnswer = awaitFinal(golden);
    // Near the cap a duplicate is still caught, but reported without its details.
    assertThat(goldenAnswer.get("state").asString()).isEqualTo("DUPLICATE");
    assertThat(goldenAnswer.get("cloud").asString()).isEqualTo("GOLDEN");
    JsonNode withheld = goldenAnswer.path("match");
    assertThat(withheld.isMissingNode() || withheld.isNull()).isTrue();
    // A new person created near the cap: the writer's answer shows the golden cloud too.
    String goldenNew = capture();
    captures.add(goldenNew);
    JsonNode created = awaitFinal(goldenNew);
    assertThat(created.get("state").asString()).isEqualTo("CREATED");
    assertThat(created.get("cloud").asString()).isEqualTo("GOLDEN");

    // ... and then to the cap.
    stack.acme.updateLimits(LIMIT, 500L, 1.0);
    captures.add(capture());
    awaitMode("EXHAUSTED");
    long callsAtCap = stack.acme.apiCallsInWindow();
    String waiting = capture();
    captures.add(waiting);
    awaitState(waiting, "DEFERRED");
    assertThat(stack.acme.apiCallsInWindow()).isEqualTo(callsAtCap);

    // The rolling window frees up: a simulated day later the others' usage is gone.
    stack.acme.updateLimits(LIMIT, 0L, 1.0);
    stack.emulator.advanceClock(Duration.ofHours(25));
    assertThat(awaitFinal(waiting).get("state").asString()).isEqualTo("CREATED");
    String again = capture(known("again"));
    captures.add(again);
    assertThat(awaitFinal(again).get("cloud").asString()).isEqualTo("BLUE");
    awaitMode("BLUE");

    for (String captureId : captures) {
      assertThat(awaitFinal(captureId).get("state").asString()).isIn("CREATED", "DUPLICATE");
    }
  }

  /** The e-mail of a person seeded in the org, so that a capture of it is a duplicate. */
  private static String known(String name) {
    String email = name + "." + UUID.randomUUID() + "@known.example";
    stack.acme.seed("Contact", java.util.Map.of("LastName", name, "Email", email));
    return email;
  }

  private String capture() throws Exception {
    return capture("mode." + UUID.randomUUID() + "@example.com");
  }

  private String capture(String email) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads"))
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        // Names differ too: same name at the same company is the same person.
                        "{\"firstName\":\"Mo\",\"lastName\":\""
                            + lettersOnly(email.substring(0, email.indexOf('@')))
                            + "\",\"email\":\""
                            + email
                            + "\",\"company\":\"Modes "
                            + email.hashCode()
                            + "\",\"capturedBy\":\"rep@acme.example\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    return json.readTree(response.body()).get("captureId").asString();
  }

  /** Names may hold letters only; the UUID's digits become letters. */
  private static String lettersOnly(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : Character.isLetter(c) ? c : ' ');
    }
    return out.toString().trim();
  }

  private void awaitMode(String mode) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                json.readTree(
                        http.send(
                                HttpRequest.newBuilder(
                                        URI.create(
                                            stack.budgetUrl()
                                                + "/api/v1/orgs/"
                                                + TestTenants.ACME_ORG
                                                + "/budget"))
                                    .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("mode")
                    .asString(),
            mode::equals);
  }

  private JsonNode awaitFinal(String captureId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> status(captureId),
            s ->
                s != null
                    && List.of("CREATED", "DUPLICATE", "FAILED")
                        .contains(s.get("state").asString()));
  }

  private void awaitState(String captureId, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(captureId), s -> s != null && state.equals(s.get("state").asString()));
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
}
