package io.leadgate.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.Topics;
import io.leadgate.emulator.CallLogEntry;
import io.leadgate.emulator.DuplicateRuleMode;
import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.emulator.FaultSpec;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.service.kafka.LeadgateKafkaConfiguration;
import io.leadgate.testsupport.BudgetServiceDouble;
import io.leadgate.testsupport.TestKafka;
import io.leadgate.testsupport.TestSalesforce;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * writer-service on a real broker, creating through the real WSC client in the emulator; the budget
 * is played by a double so that it can be closed at will.
 */
@WithKafkaBroker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      WriterServiceApplication.CONFIG_NAME,
      TestTenants.CONFIG_IMPORT,
      "leadgate.writer.retry-after=300ms",
      // Shorter than the emulator's held answer, so "commit then time out" is a lost answer.
      "leadgate.writer.salesforce.read-timeout=1s",
      "leadgate.writer.transient-retry.initial=50ms",
      "leadgate.writer.transient-retry.max=300ms",
      "leadgate.writer.transient-retry.window=5s",
      // The acme team: Contacts under an Account it creates when none matches, assignment rules,
      // a default beyond LeadSource.
      "leadgate.writer.teams.acme.create-accounts=true",
      "leadgate.writer.teams.acme.assignment-rules=true",
      "leadgate.writer.teams.acme.defaults[0].object=Lead",
      "leadgate.writer.teams.acme.defaults[0].field=Status",
      "leadgate.writer.teams.acme.defaults[0].value=Working - Contacted"
    })
class WriterServiceIntegrationTest {

  private static final BudgetServiceDouble budget =
      BudgetServiceDouble.start(TestTenants.SERVICE_TOKEN);
  private final JsonMapper json = JsonMapper.builder().build();
  private final EmulatedOrg acme = TestSalesforce.acme();

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add(TestSalesforce.URL_PROPERTY, TestSalesforce::url);
    registry.add("leadgate.writer.budget-service-url", budget::url);
    // The double is closed and reopened from test to test: each call asks for its own lease here,
    // so no lease held from an earlier test answers for a later one. Holding is covered by
    // BudgetClientTest and, against the real budget-service, the system tests.
    registry.add("leadgate.budget-leases.prefetch", () -> "0");
  }

  @LocalServerPort int port;

  @AfterEach
  void restore() {
    budget.setOpen(true);
    budget.setOpen(TestTenants.ACME_ORG, true);
    acme.clearFaults();
    acme.setDuplicateRules(DuplicateRuleMode.OFF);
    acme.updateLimits(OrgSpec.DEFAULT_DAILY_API_LIMIT, 0L, 1.0);
  }

  @Test
  void aClearedLeadIsCreatedCarryingThePersonKey() {
    String email = "grace." + UUID.randomUUID() + "@navy.example";
    String captureId = publish(cleared(email, "Hopper"));

    JsonNode status = awaitStatus(captureId, "CREATED");

    String id = status.get("salesforceId").asString();
    Map<String, Object> record = acme.record(id).orElseThrow();
    assertThat(record).containsEntry("Email", email).containsEntry("LeadSource", "Leadgate");
    assertThat(record).containsEntry("Status", "Working - Contacted");
    assertThat(id).hasSize(18);
    assertThat(record).containsEntry("Leadgate_Person_Key__c", "email:" + email);
  }

  @Test
  void twentyCapturesOfOnePersonGiveExactlyOneRecord() {
    String email = "one." + UUID.randomUUID() + "@example.com";
    List<String> captureIds =
        IntStream.range(0, 20).mapToObj(i -> send(cleared(email, "Rep" + i))).toList();
    TestKafka.flush();

    Map<String, String> finalStates = awaitFinal(Set.copyOf(captureIds));

    assertThat(finalStates.values().stream().filter("CREATED"::equals)).hasSize(1);
    assertThat(finalStates.values().stream().filter("DUPLICATE"::equals)).hasSize(19);
    assertThat(acme.records("Lead").stream().filter(r -> email.equals(r.get("Email")))).hasSize(1);
  }

  @Test
  void aRecordSalesforceRejectsFailsWithItsReasonAndLaterRecordsStillFlow() {
    String tooLong = "x".repeat(81);
    String failed = publish(cleared("long." + UUID.randomUUID() + "@example.com", tooLong));
    String fine = publish(cleared("fine." + UUID.randomUUID() + "@example.com", "Fine"));

    JsonNode status = awaitStatus(failed, "FAILED");

    assertThat(status.get("reason").asString()).startsWith("STRING_TOO_LONG");
    awaitStatus(fine, "CREATED");
  }

  @Test
  void withoutBudgetARecordIsDeferredThenCreatedWhenBudgetReturns() {
    budget.setOpen(false);
    String captureId = publish(cleared("wait." + UUID.randomUUID() + "@example.com", "Wait"));

    awaitStatus(captureId, "DEFERRED");
    budget.setOpen(true);

    awaitStatus(captureId, "CREATED");
  }

  @Test
  void aRequiredFieldFailureFailsWithItsReasonGoesToTheDeadLetterTopicAndLaterRecordsFlow() {
    String failed = publish(cleared("nolast." + UUID.randomUUID() + "@example.com", null));
    String fine = publish(cleared("after." + UUID.randomUUID() + "@example.com", "After"));

    JsonNode status = awaitStatus(failed, "FAILED");

    assertThat(status.get("reason").asString()).startsWith("REQUIRED_FIELD_MISSING");
    awaitStatus(fine, "CREATED");
    ConsumerRecord<String, String> dead = awaitDeadLetter(failed);
    assertThat(
            new String(
                dead.headers().lastHeader(LeadgateKafkaConfiguration.DLT_REASON_HEADER).value(),
                StandardCharsets.UTF_8))
        .startsWith("REQUIRED_FIELD_MISSING");
    assertThat(json.readValue(dead.value(), LeadCleared.class).captureId()).isEqualTo(failed);
  }

  @Test
  void aPersonWhoseKeyIsTakenIsADuplicateNamingTheRecordAndItsOwner() {
    String email = "taken." + UUID.randomUUID() + "@example.com";
    String existing =
        acme.seed(
            "Lead",
            Map.of(
                "LastName",
                "Taken",
                "Company",
                "Seeded",
                "Leadgate_Person_Key__c",
                "email:" + email,
                "OwnerId",
                TestSalesforce.janeId(acme)));

    JsonNode status = awaitStatus(publish(cleared(email, "Taken")), "DUPLICATE");

    JsonNode match = status.get("match");
    assertThat(match.get("id").asString()).isEqualTo(existing).hasSize(18);
    assertThat(match.get("ownerName").asString()).isEqualTo(TestSalesforce.OWNER_NAME);
    assertThat(match.get("ownerEmail").asString()).isEqualTo(TestSalesforce.OWNER_EMAIL);
    assertThat(match.get("matchedOn").asString()).isEqualTo("personKey");
  }

  @Test
  void theOrgsDuplicateRuleMakesADuplicateNamingTheMatchAndItsOwner() {
    String email = "rule." + UUID.randomUUID() + "@example.com";
    String existing =
        acme.seed(
            "Lead",
            Map.of(
                "LastName",
                "Ruled",
                "Company",
                "Seeded",
                "Email",
                email,
                "OwnerId",
                TestSalesforce.janeId(acme)));
    acme.setDuplicateRules(DuplicateRuleMode.BLOCK);

    JsonNode status = awaitStatus(publish(cleared(email, "Ruled")), "DUPLICATE");

    JsonNode match = status.get("match");
    assertThat(match.get("id").asString()).isEqualTo(existing);
    assertThat(match.get("ownerName").asString()).isEqualTo(TestSalesforce.OWNER_NAME);
    assertThat(match.get("matchedOn").asString()).isEqualTo("duplicateRule");
    assertThat(acme.records("Lead").stream().filter(r -> email.equals(r.get("Email")))).hasSize(1);
  }

  @Test
  void withCommitThenTimeoutOnAFifthOfCreatesNoPersonGetsASecondRecord() {
    long lostAnswersBefore = lostAnswers();
    acme.setFaults(
        FaultSpec.none()
            .withCommitThenTimeout(0.2, Duration.ofSeconds(2))
            .withOperations(Set.of("create"))
            .withSeed(20));
    Map<String, List<String>> capturesByEmail = new LinkedHashMap<>();
    // Waves of a few people, two reps each, so that there are many create calls to fault.
    for (int wave = 0; wave < 12; wave++) {
      List<String> wavesCaptures = new ArrayList<>();
      for (int person = 0; person < 2; person++) {
        String email = "ctt." + UUID.randomUUID() + "@example.com";
        List<String> ids = List.of(send(cleared(email, "Rep1")), send(cleared(email, "Rep2")));
        capturesByEmail.put(email, ids);
        wavesCaptures.addAll(ids);
      }
      TestKafka.flush();
      awaitFinal(Set.copyOf(wavesCaptures));
    }

    Map<String, JsonNode> finals =
        awaitFinalStatuses(
            capturesByEmail.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
    assertThat(lostAnswers()).isGreaterThan(lostAnswersBefore);
    capturesByEmail.forEach(
        (email, ids) -> {
          List<Map<String, Object>> records =
              acme.records("Lead").stream().filter(r -> email.equals(r.get("Email"))).toList();
          assertThat(records).as(email).hasSize(1);
          String id = records.get(0).get("Id").toString();
          List<JsonNode> statuses = ids.stream().map(finals::get).toList();
          assertThat(statuses.stream().filter(s -> s.get("state").asString().equals("CREATED")))
              .as("the capture that made the record of " + email)
              .singleElement()
              .satisfies(s -> assertThat(s.get("salesforceId").asString()).isEqualTo(id));
          assertThat(statuses.stream().filter(s -> s.get("state").asString().equals("DUPLICATE")))
              .singleElement()
              .satisfies(s -> assertThat(s.get("match").get("id").asString()).isEqualTo(id));
        });
  }

  @Test
  void requestLimitExceededDefersThenCreatesOnceTheWindowFreesUp() {
    acme.updateLimits(acme.apiCallsInWindow(), 0L, 1.0);
    String captureId = publish(cleared("limit." + UUID.randomUUID() + "@example.com", "Limit"));

    JsonNode deferred = awaitStatus(captureId, "DEFERRED");
    assertThat(deferred.get("reason").asString()).contains("REQUEST_LIMIT_EXCEEDED");
    acme.updateLimits(OrgSpec.DEFAULT_DAILY_API_LIMIT, 0L, 1.0);

    awaitStatus(captureId, "CREATED");
  }

  @Test
  void anOrgWithoutCreateAllowanceNeverHoldsUpAnotherOrgAndEachRecordIsCreatedOnce() {
    budget.setOpen(TestTenants.ACME_ORG, false);
    Map<String, String> acmeEmails = new LinkedHashMap<>();
    Set<Integer> acmePartitions = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      String email = "held" + i + "." + UUID.randomUUID() + "@example.com";
      String cleared = cleared(email, "Held");
      acmePartitions.add(partitionOf(cleared));
      acmeEmails.put(send(cleared), email);
    }
    // A second capture of one held person: still exactly one record once it moves on.
    String twiceEmail = acmeEmails.values().iterator().next();
    acmeEmails.put(send(cleared(twiceEmail, "Again")), twiceEmail);
    // Globex's records land behind Acme's, on the same partitions.
    Map<String, String> globexEmails = new LinkedHashMap<>();
    while (globexEmails.size() < 6) {
      String email = "flows." + UUID.randomUUID() + "@example.com";
      String cleared = globex(cleared(email, "Flows"));
      if (acmePartitions.contains(partitionOf(cleared))) {
        globexEmails.put(send(cleared), email);
      }
    }
    TestKafka.flush();
    EmulatedOrg globex = TestSalesforce.emulator().org(TestTenants.GLOBEX_ORG);

    Map<String, String> globexFinal = awaitFinal(globexEmails.keySet());

    assertThat(globexFinal.values()).containsOnly("CREATED");
    globexEmails.values().forEach(email -> assertThat(leadsOf(globex, email)).hasSize(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(statesOf(acmeEmails.keySet()))
                    .allSatisfy(
                        (id, chain) -> assertThat(chain).isNotEmpty().containsOnly("DEFERRED")));
    acmeEmails.values().forEach(email -> assertThat(leadsOf(acme, email)).isEmpty());
    assertThat(
            TopicReader.readAll(Topics.LEADS_TO_CREATE_DEFERRED.name()).stream()
                .filter(r -> acmeEmails.keySet().stream().anyMatch(id -> r.value().contains(id)))
                .map(r -> r.headers().lastHeader("leadgate-not-before")))
        .isNotEmpty()
        .allSatisfy(header -> assertThat(new String(header.value())).matches("\\d{13}"));

    budget.setOpen(TestTenants.ACME_ORG, true);

    Map<String, String> acmeFinal = awaitFinal(acmeEmails.keySet());
    assertThat(acmeFinal.values().stream().filter("CREATED"::equals)).hasSize(6);
    assertThat(acmeFinal.values().stream().filter("DUPLICATE"::equals)).hasSize(1);
    acmeEmails.values().stream()
        .distinct()
        .forEach(email -> assertThat(leadsOf(acme, email)).as(email).hasSize(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(statesOf(acmeEmails.keySet()))
                    .allSatisfy(
                        (id, chain) ->
                            assertThat(String.join(",", chain))
                                .matches("(DEFERRED,)+(CREATED|DUPLICATE)")));
    assertThat(statesOf(globexEmails.keySet()))
        .allSatisfy((id, chain) -> assertThat(chain).containsExactly("CREATED"));
  }

  private static List<Map<String, Object>> leadsOf(EmulatedOrg org, String email) {
    return org.records("Lead").stream().filter(r -> email.equals(r.get("Email"))).toList();
  }

  /** Every capture's states in the order they were published. */
  private Map<String, List<String>> statesOf(Set<String> captureIds) {
    Map<String, List<String>> states = new LinkedHashMap<>();
    captureIds.forEach(id -> states.put(id, new ArrayList<>()));
    for (ConsumerRecord<String, String> status : TopicReader.readAll(Topics.LEADS_STATUS.name())) {
      List<String> chain = states.get(status.key());
      if (chain != null) {
        chain.add(json.readTree(status.value()).get("state").asString());
      }
    }
    return states;
  }

  private static String globex(String cleared) {
    return cleared
        .replace(TestTenants.ACME_ORG, TestTenants.GLOBEX_ORG)
        .replace("\"teamId\": \"acme\"", "\"teamId\": \"globex\"");
  }

  private int partitionOf(String cleared) {
    LeadCleared event = json.readValue(cleared, LeadCleared.class);
    byte[] key =
        Topics.personKey(event.orgId(), event.personKey()).getBytes(StandardCharsets.UTF_8);
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(key))
        % Topics.LEADS_TO_CREATE.partitions();
  }

  @Test
  void aContactGoesUnderTheAccountOfItsEmailDomainOrANewOne() {
    String domain = "initech-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    String account =
        acme.seed("Account", Map.of("Name", "Initech", "Website", "https://www." + domain + "/"));
    String newDomain = "hooli-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    JsonNode matched =
        awaitStatus(publish(contact(cleared("peter@" + domain, "Gibbons"))), "CREATED");
    JsonNode created =
        awaitStatus(publish(contact(cleared("gavin@" + newDomain, "Belson"))), "CREATED");

    assertThat(acme.record(matched.get("salesforceId").asString()).orElseThrow())
        .containsEntry("AccountId", account);
    Object newAccount =
        acme.record(created.get("salesforceId").asString()).orElseThrow().get("AccountId");
    assertThat(acme.record(newAccount.toString()).orElseThrow())
        .containsEntry("Website", newDomain);
  }

  @Test
  void theRedriveCommandSendsDeadLettersBackThroughTheWriter() throws Exception {
    String cleared = cleared("redrive." + UUID.randomUUID() + "@example.com", "Redriven");
    LeadCleared event = json.readValue(cleared, LeadCleared.class);
    TestKafka.send(
        Topics.LEADS_TO_CREATE.deadLetter().name(),
        Topics.personKey(event.orgId(), event.personKey()),
        cleared);
    TestKafka.flush();

    HttpResponse<String> forbidden = postRedrive(TestTenants.ACME_ADMIN_KEY);
    HttpResponse<String> redriven = postRedrive(TestTenants.SERVICE_TOKEN);

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(redriven.statusCode()).isEqualTo(200);
    assertThat(json.readTree(redriven.body()).get("redriven").asInt()).isPositive();
    awaitStatus(event.captureId(), "CREATED");
  }

  private HttpResponse<String> postRedrive(String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/dead-letters/redrive"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private long lostAnswers() {
    return acme.callLog().stream()
        .map(CallLogEntry::outcome)
        .filter("COMMIT_THEN_TIMEOUT"::equals)
        .count();
  }

  private static String contact(String cleared) {
    return cleared.replace("\"target\": \"LEAD\"", "\"target\": \"CONTACT\"");
  }

  private ConsumerRecord<String, String> awaitDeadLetter(String captureId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TopicReader.readAll(Topics.LEADS_TO_CREATE.deadLetter().name()).stream()
                    .filter(r -> r.value().contains(captureId))
                    .findFirst()
                    .orElse(null),
            r -> r != null);
  }

  private String cleared(String email, String lastName) {
    return GoldenSamples.read(GoldenSamples.LEAD_CLEARED)
        .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", UUID.randomUUID().toString())
        .replace("00D000000000001AAA", TestTenants.ACME_ORG)
        .replace("acme-sales", "acme")
        .replace("Ada@Lovelace.example", email)
        .replace("\"Lovelace\"", lastName == null ? "null" : "\"" + lastName + "\"")
        .replace("email:ada@lovelace.example", "email:" + email);
  }

  private String publish(String cleared) {
    String captureId = send(cleared);
    TestKafka.flush();
    return captureId;
  }

  private String send(String cleared) {
    LeadCleared event = json.readValue(cleared, LeadCleared.class);
    TestKafka.send(
        Topics.LEADS_TO_CREATE.name(), Topics.personKey(event.orgId(), event.personKey()), cleared);
    return event.captureId();
  }

  private static JsonNode awaitStatus(String captureId, String state) {
    return TestKafka.awaitStatus(captureId, state);
  }

  private Map<String, JsonNode> awaitFinalStatuses(Set<String> captureIds) {
    Set<String> finals = Set.of("CREATED", "DUPLICATE", "FAILED");
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(Topics.LEADS_STATUS.name()).stream()
                    .filter(r -> captureIds.contains(r.key()))
                    .map(r -> json.readTree(r.value()))
                    .filter(s -> finals.contains(s.get("state").asString()))
                    .collect(
                        Collectors.toMap(s -> s.get("captureId").asString(), s -> s, (a, b) -> a)),
            states -> states.size() == captureIds.size());
  }

  private Map<String, String> awaitFinal(Set<String> captureIds) {
    Set<String> finals = Set.of("CREATED", "DUPLICATE", "FAILED");
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(Topics.LEADS_STATUS.name()).stream()
                    .filter(r -> captureIds.contains(r.key()))
                    .map(r -> json.readTree(r.value()))
                    .filter(s -> finals.contains(s.get("state").asString()))
                    .collect(
                        Collectors.toMap(
                            s -> s.get("captureId").asString(),
                            s -> s.get("state").asString(),
                            (a, b) -> a)),
            states -> states.size() == captureIds.size());
  }
}
