package io.leadgate.writer.bench;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.Topics;
import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.testsupport.BudgetServiceDouble;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestSalesforce;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.writer.WriterServiceApplication;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs writer-service against the embedded emulator (real WSC) and an in-process Kafka broker,
 * sends a burst of LeadCleared records for distinct people, waits until every capture has a final
 * status, and prints Salesforce calls, records per call and records per second. Not a test: see
 * writer-service/README.md for the command.
 */
public final class WriterBurstBenchmark {

  private WriterBurstBenchmark() {}

  public static void main(String[] args) throws Exception {
    int burst = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String bootstrap = KafkaBroker.bootstrapServers();
    EmulatedOrg acme = TestSalesforce.acme();
    BudgetServiceDouble budget = BudgetServiceDouble.start(TestTenants.SERVICE_TOKEN);
    // System properties, not SpringApplicationBuilder defaults: those rank below
    // writer-service.yml, which would point the writer at a local stack's broker and budget.
    Map.of(
            "spring.kafka.bootstrap-servers",
            bootstrap,
            TestSalesforce.URL_PROPERTY,
            TestSalesforce.url(),
            "leadgate.writer.budget-service-url",
            budget.url(),
            "server.port",
            "0",
            "logging.level.io.leadgate",
            System.getProperty("bench.log", "WARN"),
            "logging.level.org.apache.kafka",
            "WARN")
        .forEach(System::setProperty);
    ConfigurableApplicationContext writer =
        new SpringApplicationBuilder(WriterServiceApplication.class)
            .properties(WriterServiceApplication.CONFIG_NAME, TestTenants.CONFIG_IMPORT)
            .run();
    String template =
        GoldenSamples.read(GoldenSamples.LEAD_CLEARED)
            .replace("00D000000000001AAA", TestTenants.ACME_ORG)
            .replace("acme-sales", "acme");
    String run = UUID.randomUUID().toString().substring(0, 8);
    long callsBefore = acme.apiCallsInWindow();
    long start = System.nanoTime();
    Set<String> captureIds = new HashSet<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "batch.size", 262_144),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < burst; i++) {
        String captureId = UUID.randomUUID().toString();
        String email = "p" + i + "." + run + "@burst.example";
        captureIds.add(captureId);
        producer.send(
            new ProducerRecord<>(
                Topics.LEADS_TO_CREATE.name(),
                Topics.personKey(TestTenants.ACME_ORG, "email:" + email),
                template
                    .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", captureId)
                    .replace("Ada@Lovelace.example", email)
                    .replace("email:ada@lovelace.example", "email:" + email)));
      }
    }
    Map<String, Integer> states = awaitFinal(bootstrap, captureIds);
    double seconds = (System.nanoTime() - start) / 1e9;
    long calls = acme.apiCallsInWindow() - callsBefore;
    int created = states.getOrDefault("CREATED", 0);
    System.out.printf(
        "burst %d: %s in %.1f s; Salesforce calls %d; records created per call %.1f;"
            + " records/s %.0f%n",
        burst, states, seconds, calls, (double) created / calls, burst / seconds);
    writer.close();
    budget.close();
    System.exit(0);
  }

  private static Map<String, Integer> awaitFinal(String bootstrap, Set<String> captureIds) {
    Set<String> finals = Set.of("\"CREATED\"", "\"DUPLICATE\"", "\"FAILED\"");
    Map<String, String> stateById = new java.util.HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(Set.of(Topics.LEADS_STATUS.name()));
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (stateById.size() < captureIds.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (captureIds.contains(record.key())) {
            for (String state : finals) {
              if (record.value().contains("\"state\":" + state)) {
                stateById.putIfAbsent(record.key(), state.replace("\"", ""));
              }
            }
          }
        }
      }
    }
    Map<String, Integer> counts = new java.util.TreeMap<>();
    stateById.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }
}
