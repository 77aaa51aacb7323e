package io.leadgate.bench;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Usage readings for the allowance benchmark's orgs, as dedup's Salesforce calls would publish
 * them: every org's usage (nothing spent, a limit of {@value #LIMIT}) every {@value #EVERY_MILLIS}
 * ms, each with the moment of its request. They settle the benchmark's leases as production's
 * readings do: a reported lease at the first reading requested after its report (so the ledger
 * holds a few hundred milliseconds of grants), an unreported one only once it has expired (30 s of
 * grants), instead of every org's cap filling in the first seconds and nothing granted after.
 *
 * <p>Usage: BudgetUsageFeed bootstrapServers orgs (runs until killed; scripts/bench-budget.sh).
 */
public final class BudgetUsageFeed {

  private static final long LIMIT = 100_000_000;
  private static final long EVERY_MILLIS = 200;

  private BudgetUsageFeed() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:29092";
    int orgs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "linger.ms", 5),
            new StringSerializer(),
            new StringSerializer())) {
      while (true) {
        Instant now = Instant.now();
        for (int n = 0; n < orgs; n++) {
          String org = String.format("00D%012dBEN", n);
          producer.send(
              new ProducerRecord<>(
                  "salesforce.api-usage",
                  org,
                  String.format(
                      "{\"schemaVersion\":1,\"orgId\":\"%s\",\"used\":0,\"limit\":%d,"
                          + "\"source\":\"bench\",\"observedAt\":\"%s\",\"requestedAt\":\"%s\"}",
                      org, LIMIT, now, now)));
        }
        producer.flush();
        Thread.sleep(EVERY_MILLIS); // the pace of the feed, not a wait for async work
      }
    }
  }
}
