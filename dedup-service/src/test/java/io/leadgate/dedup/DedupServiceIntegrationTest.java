package io.leadgate.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.Topics;
import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.service.observability.KafkaHealthIndicator;
import io.leadgate.service.salesforce.SalesforceHealthIndicator;
import io.leadgate.testsupport.BudgetServiceDouble;
import io.leadgate.testsupport.TestKafka;
import io.leadgate.testsupport.TestSalesforce;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import io.leadgate.testsupport.WithKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * dedup-service on a real broker, checking captures through the real WSC client against the
 * emulator; budget-service is played by a double so that the budget can be closed at will.
 */
@WithKafkaBroker
@SpringBootTest(
    properties = {
      DedupServiceApplication.CONFIG_NAME,
      TestTenants.CONFIG_IMPORT,
      "leadgate.dedup.retry-after=300ms",
      "leadgate.dedup.in-flight-wait=2s"
    })
class DedupServiceIntegrationTest {

  private static final BudgetServiceDouble budget =
      BudgetServiceDouble.start(TestTenants.SERVICE_TOKEN);
  private final JsonMapper json = JsonMapper.builder().build();
  private final EmulatedOrg acme = TestSalesforce.acme();

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add(TestSalesforce.URL_PROPERTY, TestSalesforce::url);
    registry.add("leadgate.dedup.budget-service-url", budget::url);
    // The double's answers change from test to test (closed, expired, GOLDEN): each call asks for
    // its own lease here, so no lease held from an earlier test answers for a later one. Holding
    // is covered by BudgetClientTest and, against the real budget-service, the system tests.
    registry.add("leadgate.budget-leases.prefetch", () -> "0");
  }

  @Autowired MeterRegistry meters;
  @Autowired SalesforceHealthIndicator salesforceHealth;
  @Autowired KafkaHealthIndicator kafkaHealth;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @Test
  void eachBatchIsMeteredAndReadinessSeesKafkaAndSalesforce() {
    awaitStatus(
        publish(goldenCapture("metered." + UUID.randomUUID() + "@example.com")), "CHECKING");

    assertThat(
            meters
                .get("leadgate.dedup.batch.size")
                .tag("org", TestTenants.ACME_ORG)
                .summary()
                .count())
        .isPositive();
    assertThat(
            meters
                .get("leadgate.dedup.calls.per.lead")
                .tag("org", TestTenants.ACME_ORG)
                .summary()
                .max())
        .isPositive();
    assertThat(salesforceHealth.health(true).getStatus()).isEqualTo(Status.UP);
    assertThat(kafkaHealth.health(true).getStatus()).isEqualTo(Status.UP);
  }

  @AfterEach
  void reopenBudget() {
    budget.setOpen(true);
    budget.setOpen(TestTenants.ACME_ORG, true);
    budget.setMode("BLUE");
    budget.setLeaseExpiry(Instant.parse("2099-01-01T00:00:00Z"));
  }

  @Test
  void nearTheCapADuplicateIsStillCaughtButItsDetailsAreNotReported() {
    String email = "golden." + UUID.randomUUID() + "@example.com";
    acme.seed("Lead", Map.of("LastName", "Gold", "Company", "G", "Email", email));
    budget.setMode("GOLDEN");

    JsonNode status = awaitStatus(publish(goldenCapture(email)), "DUPLICATE");

    assertThat(status.get("cloud").asString()).isEqualTo("GOLDEN");
    assertThat(status.get("match").isNull()).isTrue();
  }

  @Test
  void aNicknameAtTheSameCompanyIsFoundByNameAndCompany() {
    String company = "Difference Engines " + UUID.randomUUID().toString().substring(0, 8);
    String leadId =
        acme.seed(
            "Lead",
            Map.of(
                "FirstName",
                "Robert",
                "LastName",
                "Babbage",
                "Company",
                company + " Ltd",
                "OwnerId",
                TestSalesforce.janeId(acme)));
    String capture =
        goldenCapture("bob." + UUID.randomUUID() + "@elsewhere.example")
            .replace("\"firstName\": \"Ada\"", "\"firstName\": \"Bob\"")
            .replace("\"lastName\": \"Lovelace\"", "\"lastName\": \"Babbage\"")
            .replace("Analytical Engines Ltd", company);

    JsonNode status = awaitStatus(publish(capture), "DUPLICATE");

    assertThat(status.get("match").get("id").asString()).isEqualTo(leadId);
    assertThat(status.get("match").get("matchedOn").asString()).isEqualTo("name+company");
  }

  @Test
  void aRecordOwnedBySomeoneElseRaisesAnOwnerCollision() {
    String email = "owned." + UUID.randomUUID() + "@example.com";
    acme.seed(
        "Contact",
        Map.of("LastName", "Owned", "Email", email, "OwnerId", TestSalesforce.janeId(acme)));
    String captureId = publish(goldenCapture(email));

    JsonNode status = awaitStatus(captureId, "DUPLICATE");

    assertThat(status.get("reason").asString()).contains(TestSalesforce.OWNER_NAME);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(TopicReader.readAll(Topics.OWNER_COLLISIONS.name()))
                    .anySatisfy(
                        r -> {
                          assertThat(r.key()).isEqualTo(TestTenants.ACME_ORG);
                          assertThat(r.value()).contains(captureId).contains("rep@acme.example");
                        }));
  }

  @Test
  void aPersonCapturedAgainWhileBeingCreatedWaitsAndIsThenTheCreatedRecord() {
    String email = "twice." + UUID.randomUUID() + "@example.com";
    // A last name of its own: the record this test reports created exists nowhere but in dedup's
    // memory, where it is a name+company candidate of every later capture of the same person.
    String lastName = "Twice" + UUID.randomUUID().toString().substring(0, 8);
    String first = publish(goldenCapture(email, lastName));
    awaitStatus(first, "CHECKING");

    String second = publish(goldenCapture(email, lastName));
    // The writer's answer for the first capture arrives only now.
    String created = "00Q" + "0000000Tw1c3EAA";
    sendStatus(
        first,
        "{\"schemaVersion\":1,\"captureId\":\""
            + first
            + "\",\"teamId\":\"acme\",\"orgId\":\""
            + TestTenants.ACME_ORG
            + "\",\"state\":\"CREATED\",\"cloud\":\"BLUE\",\"match\":null,\"salesforceId\":\""
            + created
            + "\",\"reason\":null,\"nextAttemptAt\":null,\"apiCalls\":1.0,"
            + "\"occurredAt\":\"2026-11-26T09:00:00Z\"}");

    JsonNode status = awaitStatus(second, "DUPLICATE");

    assertThat(status.get("match").get("id").asString()).isEqualTo(created);
    assertThat(toCreate(second)).isEmpty();
  }

  @Test
  void theSameCaptureReachingKafkaTwiceIsCheckedOnce() {
    String capture = goldenCapture("retried." + UUID.randomUUID() + "@example.com");
    String captureId = publish(capture);
    awaitStatus(captureId, "CHECKING");

    publish(capture);

    // The repeat lands on the same partition. Without the capture-id check it would wait out the
    // 2 s in-flight guard and then become a second create request.
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(12))
        .until(() -> toCreate(captureId).size(), size -> size == 1);
  }

  @Test
  void aDuplicateCapturedAgainWithinMinutesCostsNoCall() {
    String email = "again." + UUID.randomUUID() + "@example.com";
    String contactId =
        acme.seed(
            "Contact",
            Map.of("LastName", "Again", "Email", email, "OwnerId", TestSalesforce.janeId(acme)));
    awaitStatus(publish(goldenCapture(email)), "DUPLICATE");
    long before = acme.apiCallsInWindow();

    JsonNode again = awaitStatus(publish(goldenCapture(email)), "DUPLICATE");

    assertThat(again.get("match").get("id").asString()).isEqualTo(contactId);
    assertThat(again.get("match").get("ownerName").asString()).isEqualTo(TestSalesforce.OWNER_NAME);
    assertThat(again.get("apiCalls").asDouble()).isZero();
    assertThat(again.get("keysTried").toString()).isEqualTo("[\"recent\"]");
    assertThat(acme.apiCallsInWindow()).isEqualTo(before);
  }

  private static void sendStatus(String captureId, String json) {
    TestKafka.send(Topics.LEADS_STATUS.name(), captureId, json);
    TestKafka.flush();
  }

  @Test
  void aCapturedContactIsADuplicateNamingItsOwner() {
    String email = "ada." + UUID.randomUUID() + "@lovelace.example";
    String contactId =
        acme.seed(
            "Contact",
            Map.of(
                "FirstName",
                "Ada",
                "LastName",
                "Lovelace",
                "Email",
                email,
                "OwnerId",
                TestSalesforce.janeId(acme)));
    String captureId = publish(goldenCapture(email.toUpperCase()));

    JsonNode status = awaitStatus(captureId, "DUPLICATE");

    assertThat(status.get("match").get("object").asString()).isEqualTo("Contact");
    assertThat(status.get("match").get("id").asString()).isEqualTo(contactId);
    assertThat(status.get("match").get("ownerName").asString())
        .isEqualTo(TestSalesforce.OWNER_NAME);
    assertThat(status.get("match").get("ownerEmail").asString())
        .isEqualTo(TestSalesforce.OWNER_EMAIL);
    assertThat(status.get("apiCalls").asDouble()).isPositive();
    assertThat(status.get("keysTried").toString()).contains("email", "name+company");
    assertThat(toCreate(captureId)).isEmpty();
  }

  @Test
  void aNewPersonIsForwardedToTheWriterKeyedByPerson() {
    String email = "new." + UUID.randomUUID() + "@example.com";
    String captureId = publish(goldenCapture(email));

    awaitStatus(captureId, "CHECKING");
    List<ConsumerRecord<String, String>> forwarded =
        await().atMost(Duration.ofSeconds(20)).until(() -> toCreate(captureId), l -> !l.isEmpty());

    assertThat(forwarded).hasSize(1);
    assertThat(forwarded.get(0).key()).isEqualTo(TestTenants.ACME_ORG + "/email:" + email);
    assertThat(json.readTree(forwarded.get(0).value()).get("checkCalls").asDouble()).isPositive();
  }

  @Test
  void aBurstSharesItsCalls() {
    // The burst is waiting when the consumers poll, as under load: dedup takes what has arrived,
    // so captures trickling in one by one would rightly be checked one by one.
    MessageListenerContainer captured = listeners.getListenerContainer("dedup-captured");
    captured.pause();
    await().atMost(Duration.ofSeconds(10)).until(captured::isContainerPaused);
    long before = acme.apiCallsInWindow();
    List<String> captureIds =
        java.util.stream.IntStream.range(0, 40)
            .mapToObj(i -> goldenCapture("burst" + i + "." + UUID.randomUUID() + "@example.com"))
            .map(this::publishWithoutWaiting)
            .toList();
    TestKafka.flush();
    captured.resume();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(Topics.LEADS_STATUS.name()).stream()
                    .filter(r -> captureIds.contains(r.key()))
                    .map(ConsumerRecord::key)
                    .distinct()
                    .count(),
            decided -> decided == captureIds.size());

    long spent = acme.apiCallsInWindow() - before;
    // One lookup per consumer's batch (3 consumers), of at most 2 searches (SOSL's length limit
    // splits the terms): 0.15 calls per lead at most. The tool it replaces spends ≥ 3 per lead.
    assertThat(spent).isLessThanOrEqualTo(6);
  }

  @Test
  void withoutBudgetCapturesAreDeferredThenCheckedWhenBudgetReturns() {
    budget.setOpen(false);
    long before = acme.apiCallsInWindow();
    String captureId = publish(goldenCapture("deferred." + UUID.randomUUID() + "@example.com"));

    awaitStatus(captureId, "DEFERRED");
    assertThat(acme.apiCallsInWindow()).isEqualTo(before);

    budget.setOpen(true);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> toCreate(captureId), forwarded -> !forwarded.isEmpty());
  }

  @Test
  void aLeaseAlreadyExpiredWhenItArrivesIsNotSpent() {
    budget.setLeaseExpiry(Instant.now().minusSeconds(1));
    long before = acme.apiCallsInWindow();
    String captureId = publish(goldenCapture("expired." + UUID.randomUUID() + "@example.com"));

    awaitStatus(captureId, "DEFERRED");
    assertThat(acme.apiCallsInWindow()).isEqualTo(before);

    budget.setLeaseExpiry(Instant.parse("2099-01-01T00:00:00Z"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> toCreate(captureId), forwarded -> !forwarded.isEmpty());
  }

  @Test
  void anOrgWithoutAllowanceNeverHoldsUpAnotherOrgOnItsPartitionsAndLosesNothing() {
    budget.setOpen(TestTenants.ACME_ORG, false);
    List<String> acmeCaptures = new java.util.ArrayList<>();
    java.util.Set<Integer> acmePartitions = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      String capture = goldenCapture("held" + i + "." + UUID.randomUUID() + "@example.com");
      acmePartitions.add(partitionOf(capture));
      acmeCaptures.add(publishWithoutWaiting(capture));
    }
    // Globex's captures land behind Acme's, on the same partitions.
    List<String> globexCaptures = new java.util.ArrayList<>();
    while (globexCaptures.size() < 6) {
      String capture = globex(goldenCapture("flows." + UUID.randomUUID() + "@example.com"));
      if (acmePartitions.contains(partitionOf(capture))) {
        globexCaptures.add(publishWithoutWaiting(capture));
      }
    }
    TestKafka.flush();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Map<String, List<String>> states = statesOf(acmeCaptures, globexCaptures);
              globexCaptures.forEach(
                  id -> assertThat(states.get(id)).as(id).containsExactly("CHECKING"));
              acmeCaptures.forEach(
                  id -> assertThat(states.get(id)).as(id).isNotEmpty().containsOnly("DEFERRED"));
            });
    assertThat(
            TopicReader.readAll(Topics.LEADS_CAPTURED_DEFERRED.name()).stream()
                .filter(r -> acmeCaptures.stream().anyMatch(id -> r.value().contains(id)))
                .map(r -> r.headers().lastHeader("leadgate-not-before")))
        .isNotEmpty()
        .allSatisfy(header -> assertThat(new String(header.value())).matches("\\d{13}"));
    Map<String, Long> forwarded = forwardedCounts();
    globexCaptures.forEach(id -> assertThat(forwarded.get(id)).as(id).isEqualTo(1));
    acmeCaptures.forEach(id -> assertThat(forwarded).as(id).doesNotContainKey(id));

    budget.setOpen(TestTenants.ACME_ORG, true);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Map<String, List<String>> states = statesOf(acmeCaptures, globexCaptures);
              acmeCaptures.forEach(
                  id ->
                      assertThat(String.join(",", states.get(id)))
                          .as(id)
                          .matches("(DEFERRED,)+CHECKING"));
            });
    Map<String, Long> forwardedInTheEnd = forwardedCounts();
    acmeCaptures.forEach(id -> assertThat(forwardedInTheEnd.get(id)).as(id).isEqualTo(1));
    globexCaptures.forEach(id -> assertThat(forwardedInTheEnd.get(id)).as(id).isEqualTo(1));
  }

  @Test
  void aRetriedCaptureWhoseOrgIsAtItsCapIsCheckedOnceWhenTheOrgReopens() {
    budget.setOpen(TestTenants.ACME_ORG, false);
    String capture = goldenCapture("retried-capped." + UUID.randomUUID() + "@example.com");
    // A client's retry: both copies reach Kafka back to back, so one poll reads them together.
    String captureId = publishWithoutWaiting(capture);
    publishWithoutWaiting(capture);
    TestKafka.flush();
    awaitStatus(captureId, "DEFERRED");
    assertThat(toCreate(captureId)).isEmpty();

    budget.setOpen(TestTenants.ACME_ORG, true);

    // The copy in the delay queue must not be taken for a repeat of the one skipped beside it.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(String.join(",", statesOf(List.of(captureId), List.of()).get(captureId)))
                    .matches("(DEFERRED,)+CHECKING"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> toCreate(captureId).size(), size -> size == 1);
  }

  /** How many times each capture was forwarded to the writer, by capture id. */
  private Map<String, Long> forwardedCounts() {
    return TopicReader.readAll(Topics.LEADS_TO_CREATE.name()).stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                r -> json.readTree(r.value()).get("captureId").asString(),
                java.util.stream.Collectors.counting()));
  }

  /** Every capture's states in the order they were published. */
  private Map<String, List<String>> statesOf(List<String> some, List<String> others) {
    Map<String, List<String>> states = new java.util.HashMap<>();
    some.forEach(id -> states.put(id, new java.util.ArrayList<>()));
    others.forEach(id -> states.put(id, new java.util.ArrayList<>()));
    for (ConsumerRecord<String, String> status : TopicReader.readAll(Topics.LEADS_STATUS.name())) {
      List<String> chain = states.get(status.key());
      if (chain != null) {
        chain.add(json.readTree(status.value()).get("state").asString());
      }
    }
    return states;
  }

  private static String globex(String capture) {
    return capture
        .replace(TestTenants.ACME_ORG, TestTenants.GLOBEX_ORG)
        .replace("\"teamId\": \"acme\"", "\"teamId\": \"globex\"");
  }

  private int partitionOf(String capture) {
    LeadCaptured event = json.readValue(capture, LeadCaptured.class);
    byte[] key =
        Topics.personKey(event.orgId(), event.personKey())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(key))
        % Topics.LEADS_CAPTURED.partitions();
  }

  @Test
  void anUnreadableCaptureIsDeadLetteredAndLaterCapturesStillFlow() {
    String key = TestTenants.ACME_ORG + "/email:poison-" + UUID.randomUUID();
    send(key, "{\"schemaVersion\":1,\"captureId\":");
    String captureId = publish(goldenCapture("after-poison." + UUID.randomUUID() + "@example.com"));

    awaitStatus(captureId, "CHECKING");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(TopicReader.readAll(Topics.LEADS_CAPTURED.deadLetter().name()))
                    .anySatisfy(
                        dead -> {
                          assertThat(dead.key()).isEqualTo(key);
                          assertThat(
                                  new String(
                                      dead.headers().lastHeader("leadgate-dlt-reason").value()))
                              .startsWith("Unreadable record");
                        }));
  }

  private String goldenCapture(String email, String lastName) {
    return goldenCapture(email)
        .replace("\"lastName\": \"Lovelace\"", "\"lastName\": \"" + lastName + "\"");
  }

  private String goldenCapture(String email) {
    String captureId = UUID.randomUUID().toString();
    return GoldenSamples.read(GoldenSamples.LEAD_CAPTURED)
        .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", captureId)
        .replace("00D000000000001AAA", TestTenants.ACME_ORG)
        .replace("acme-sales", "acme")
        .replace("Ada@Lovelace.example", email)
        .replace("email:ada@lovelace.example", "email:" + email.strip().toLowerCase())
        .replace("\"phone\": \"+44 20 7946 0018\"", "\"phone\": null")
        .replace(
            "\"linkedinUrl\": \"https://www.linkedin.com/in/ada-lovelace/\"",
            "\"linkedinUrl\": null");
  }

  private String publish(String capture) {
    String captureId = publishWithoutWaiting(capture);
    TestKafka.flush();
    return captureId;
  }

  private String publishWithoutWaiting(String capture) {
    LeadCaptured event = json.readValue(capture, LeadCaptured.class);
    TestKafka.send(
        Topics.LEADS_CAPTURED.name(), Topics.personKey(event.orgId(), event.personKey()), capture);
    return event.captureId();
  }

  private static void send(String key, String value) {
    TestKafka.send(Topics.LEADS_CAPTURED.name(), key, value);
    TestKafka.flush();
  }

  private static JsonNode awaitStatus(String captureId, String state) {
    return TestKafka.awaitStatus(captureId, state);
  }

  private static List<ConsumerRecord<String, String>> toCreate(String captureId) {
    return TopicReader.readAll(Topics.LEADS_TO_CREATE.name()).stream()
        .filter(r -> r.value().contains(captureId))
        .toList();
  }
}
