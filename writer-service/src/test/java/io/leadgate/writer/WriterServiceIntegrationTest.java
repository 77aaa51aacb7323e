package io.leadgate.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.Topics;
import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.testsupport.BudgetServiceDouble;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestSalesforce;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import io.leadgate.testsupport.WithKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
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
    properties = {
      WriterServiceApplication.CONFIG_NAME,
      TestTenants.CONFIG_IMPORT,
      "leadgate.writer.retry-after=300ms"
    })
class WriterServiceIntegrationTest {

  private static final BudgetServiceDouble budget =
      BudgetServiceDouble.start(TestTenants.SERVICE_TOKEN);
  private static KafkaProducer<String, String> producer;
  private final JsonMapper json = JsonMapper.builder().build();
  private final EmulatedOrg acme = TestSalesforce.acme();

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add(TestSalesforce.URL_PROPERTY, TestSalesforce::url);
    registry.add("leadgate.writer.budget-service-url", budget::url);
  }

  @AfterEach
  void reopenBudget() {
    budget.setOpen(true);
  }

  @Test
  void aClearedLeadIsCreatedCarryingThePersonKey() {
    String email = "grace." + UUID.randomUUID() + "@navy.example";
    String captureId = publish(cleared(email, "Hopper"));

    JsonNode status = awaitStatus(captureId, "CREATED");

    String id = status.get("salesforceId").asString();
    Map<String, Object> record = acme.record(id).orElseThrow();
    assertThat(record).containsEntry("Email", email).containsEntry("LeadSource", "Leadgate");
    assertThat(record).containsEntry("Leadgate_Person_Key__c", "email:" + email);
  }

  @Test
  void twentyCapturesOfOnePersonGiveExactlyOneRecord() {
    String email = "one." + UUID.randomUUID() + "@example.com";
    List<String> captureIds =
        IntStream.range(0, 20).mapToObj(i -> send(cleared(email, "Rep" + i))).toList();
    producer().flush();

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

  private String cleared(String email, String lastName) {
    return GoldenSamples.read(GoldenSamples.LEAD_CLEARED)
        .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", UUID.randomUUID().toString())
        .replace("00D000000000001AAA", TestTenants.ACME_ORG)
        .replace("acme-sales", "acme")
        .replace("Ada@Lovelace.example", email)
        .replace("\"Lovelace\"", "\"" + lastName + "\"")
        .replace("email:ada@lovelace.example", "email:" + email);
  }

  private String publish(String cleared) {
    String captureId = send(cleared);
    producer().flush();
    return captureId;
  }

  private String send(String cleared) {
    LeadCleared event = json.readValue(cleared, LeadCleared.class);
    producer()
        .send(
            new ProducerRecord<>(
                Topics.LEADS_TO_CREATE.name(),
                Topics.personKey(event.orgId(), event.personKey()),
                cleared));
    return event.captureId();
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(), "linger.ms", 5),
              new StringSerializer(),
              new StringSerializer());
    }
    return producer;
  }

  private JsonNode awaitStatus(String captureId, String state) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TopicReader.readAll(Topics.LEADS_STATUS.name()).stream()
                    .filter(r -> captureId.equals(r.key()))
                    .map(r -> json.readTree(r.value()))
                    .filter(s -> state.equals(s.get("state").asString()))
                    .findFirst()
                    .orElse(null),
            s -> s != null);
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
