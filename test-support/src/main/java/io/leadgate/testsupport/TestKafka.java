package io.leadgate.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing raw JSON events to the shared broker, as another service would, and waiting for the
 * status a service publishes: what service tests do around the service under test.
 */
public final class TestKafka {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static KafkaProducer<String, String> producer;

  private TestKafka() {}

  /** Sends without waiting; {@link #flush()} makes everything sent so far visible. */
  public static void send(String topic, String key, String json) {
    producer().send(new ProducerRecord<>(topic, key, json));
  }

  public static void flush() {
    producer().flush();
  }

  /** The first status event of the capture in the given state, waiting up to 20 s for it. */
  public static JsonNode awaitStatus(String captureId, String state) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TopicReader.readAll("leads.status").stream()
                    .filter(r -> captureId.equals(r.key()))
                    .map(r -> JSON.readTree(r.value()))
                    .filter(s -> state.equals(s.get("state").asString()))
                    .findFirst()
                    .orElse(null),
            s -> s != null);
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
}
