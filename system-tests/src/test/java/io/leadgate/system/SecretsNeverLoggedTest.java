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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secrets never appear in logs: the whole stack starts, a lead is created (OAuth login, query and
 * create through WSC), the same person comes back as a duplicate, a dashboard ticket is issued, and
 * requests with a wrong key and with another team's org are refused, all with our own loggers at
 * DEBUG and everything else at INFO. Nothing written to stdout or stderr in the meantime may hold a
 * team's API or admin key, a Salesforce client secret, the service token, a dashboard ticket or a
 * Salesforce access token.
 */
@WithKafkaBroker
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest {

  /**
   * Louder than logback-test.xml, for this test only (levels are global to the JVM). Spring MVC at
   * DEBUG logs every returned value ("Writing [...]"), which is how a dashboard ticket leaked.
   */
  private static final Map<String, LogLevel> LEVELS =
      Map.of(
          "ROOT", LogLevel.INFO,
          "io.leadgate", LogLevel.DEBUG,
          "org.apache.kafka.clients", LogLevel.INFO,
          "org.springframework.web", LogLevel.DEBUG);

  /** The tenants in leadgate-test-tenants.yml; Globex's admin key and secret have no constant. */
  private static final List<String> SECRETS =
      List.of(
          TestTenants.SERVICE_TOKEN,
          TestTenants.ACME_API_KEY,
          TestTenants.ACME_ADMIN_KEY,
          TestTenants.ACME_CLIENT_SECRET,
          TestTenants.GLOBEX_API_KEY,
          "globex-admin-key",
          "globex-secret");

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void noKeySecretTicketOrAccessTokenIsLogged(CapturedOutput output) throws Exception {
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    Map<String, LogLevel> before = new LinkedHashMap<>();
    LEVELS.keySet().forEach(name -> before.put(name, configuredLevel(logging, name)));
    List<String> arguments =
        LEVELS.entrySet().stream()
            .map(level -> "logging.level." + level.getKey() + "=" + level.getValue())
            .toList();
    String ticket;
    String accessTokenPrefix;
    String budgetUrl;
    String captureUrl;
    try (LeadgateStack stack = LeadgateStack.start(arguments)) {
      // The emulator's access tokens are "<orgId15>!<random>", as Salesforce's session ids.
      accessTokenPrefix = stack.acme.orgId15() + "!";
      budgetUrl = stack.budgetUrl();
      captureUrl = stack.captureUrl();
      assertThat(stack.acme.openSession()).startsWith(accessTokenPrefix);

      String created =
          capture(
              stack,
              "{\"firstName\":\"Kept\",\"lastName\":\"Secret\",\"email\":\"s@keep.example\",\"company\":\"Vault\"}");
      assertThat(awaitFinal(stack, created).get("state").asString()).isEqualTo("CREATED");
      String duplicate =
          capture(
              stack,
              "{\"firstName\":\"Kept\",\"lastName\":\"Secret\",\"email\":\"S@Keep.example\",\"company\":\"Vault\"}");
      assertThat(awaitFinal(stack, duplicate).get("state").asString()).isEqualTo("DUPLICATE");

      HttpResponse<String> issued =
          send(
              HttpRequest.newBuilder(URI.create(stack.budgetUrl() + "/api/v1/dashboard/tickets"))
                  .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(issued.statusCode()).isEqualTo(200);
      ticket = json.readTree(issued.body()).get("ticket").asString();

      HttpResponse<String> wrongKey =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          stack.budgetUrl() + "/api/v1/orgs/" + TestTenants.ACME_ORG + "/budget"))
                  .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY + "-wrong"));
      assertThat(wrongKey.statusCode()).isEqualTo(401);
      HttpResponse<String> otherTeam =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          stack.budgetUrl() + "/api/v1/orgs/" + TestTenants.GLOBEX_ORG + "/budget"))
                  .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY));
      assertThat(otherTeam.statusCode()).isBetween(403, 404);
    } finally {
      before.forEach(logging::setLogLevel);
    }

    String logged = output.getAll();
    assertThat(logged)
        .as("the capture was logged at all")
        .contains("Tomcat started on port " + portOf(budgetUrl))
        .contains("Tomcat started on port " + portOf(captureUrl));
    for (String secret : SECRETS) {
      assertThat(logged).as("logs hold the secret %s", secret).doesNotContain(secret);
    }
    assertThat(logged).as("logs hold the dashboard ticket").doesNotContain(ticket);
    assertThat(logged).as("logs hold a Salesforce access token").doesNotContain(accessTokenPrefix);
  }

  private static int portOf(String url) {
    return URI.create(url).getPort();
  }

  private static LogLevel configuredLevel(LoggingSystem logging, String name) {
    LoggerConfiguration configuration = logging.getLoggerConfiguration(name);
    return configuration == null ? null : configuration.getConfiguredLevel();
  }

  private String capture(LeadgateStack stack, String body) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads"))
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as("capture answer: %s", response.body()).isEqualTo(202);
    return json.readTree(response.body()).get("captureId").asString();
  }

  private JsonNode awaitFinal(LeadgateStack stack, String captureId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> response =
                  send(
                      HttpRequest.newBuilder(
                              URI.create(stack.captureUrl() + "/api/v1/leads/" + captureId))
                          .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY));
              return response.statusCode() == 200 ? json.readTree(response.body()) : null;
            },
            status ->
                status != null
                    && List.of("CREATED", "DUPLICATE", "FAILED")
                        .contains(status.get("state").asString()));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
