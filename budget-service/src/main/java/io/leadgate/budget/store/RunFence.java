package io.leadgate.budget.store;

import io.leadgate.budget.BudgetProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether this run of budget-service may grant. Two replicas would each grant the same headroom in
 * full, so exactly one run grants: the one whose {@code started} marker is the last in the state
 * topic. Kafka's order of that one partition decides, so no other store or lock service is needed;
 * a rolling deploy hands over by itself (the new run starts, the old one steps down).
 *
 * <p>A run tails the state topic from its own marker. It grants only while it has confirmed, no
 * longer than the fence ago, that it has read the topic to its end without finding a later marker.
 * Its confirmation is taken before asking for the end offsets, so a marker written after it is
 * beyond that end and is found by the next round: an old run stops granting at most a fence after a
 * new run's marker was written, also when it is cut off from Kafka. The new run learns for the
 * lease duration, the observation skew and the fence after its marker, so every lease an old run
 * can have granted has expired and been observed before it grants (see {@link StateStore}). The
 * fence is measured on the machine's monotonic clock, not the ledger's, since it bounds how long
 * this process can go unaware.
 */
@Component
public class RunFence {

  private static final Logger log = LoggerFactory.getLogger(RunFence.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final BudgetProperties properties;
  private final KafkaProperties kafkaProperties;
  private final JsonMapper json;
  private volatile String runId;
  private volatile long confirmedAt;
  private volatile boolean confirmed;
  private volatile boolean superseded;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread tail;

  public RunFence(BudgetProperties properties, KafkaProperties kafkaProperties, JsonMapper json) {
    this.properties = properties;
    this.kafkaProperties = kafkaProperties;
    this.json = json;
  }

  /** True while this run is the last one started and has recently confirmed it. */
  public boolean active() {
    return confirmed
        && !superseded
        && System.nanoTime() - confirmedAt < properties.runFence().toNanos();
  }

  /** True once a later run has started: this one must not grant nor store leases at stop. */
  public boolean superseded() {
    return superseded;
  }

  /**
   * Starts watching for later runs after this run's marker at {@code markerOffset}; returns once
   * the first confirmation is in, so the service grants from its first request.
   */
  synchronized void begin(String runId, int partition, long markerOffset) {
    this.runId = runId;
    Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, String> tailing =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    TopicPartition topic = new TopicPartition(properties.stateTopic(), partition);
    tailing.assign(List.of(topic));
    tailing.seek(topic, markerOffset + 1);
    consumer = tailing;
    confirm(tailing, topic);
    tail =
        new Thread(
            () -> {
              try {
                while (consumer != null) {
                  confirm(tailing, topic);
                }
              } catch (WakeupException | InterruptException e) {
                // stopping
              } catch (RuntimeException e) {
                log.error("Lost the state topic; allowances stop until budget-service restarts", e);
              } finally {
                tailing.close();
              }
            },
            "budget-run-fence");
    tail.setDaemon(true);
    tail.start();
  }

  synchronized void end() {
    KafkaConsumer<String, String> stopping = consumer;
    consumer = null;
    if (stopping != null) {
      stopping.wakeup();
    }
    confirmed = false;
  }

  private void confirm(KafkaConsumer<String, String> tailing, TopicPartition topic) {
    long asked = System.nanoTime();
    long end = tailing.endOffsets(List.of(topic), Duration.ofSeconds(10)).get(topic);
    do {
      for (ConsumerRecord<String, String> record : tailing.poll(POLL)) {
        if (record.value() != null && laterRun(record.value())) {
          superseded = true;
          log.warn(
              "A later budget-service run started (state topic offset {}); this one stops"
                  + " granting allowances",
              record.offset());
        }
      }
    } while (tailing.position(topic) < end);
    confirmedAt = asked;
    confirmed = true;
  }

  private boolean laterRun(String value) {
    try {
      StateRecord state = json.readValue(value, StateRecord.class);
      return StateRecord.STARTED.equals(state.kind()) && !runId.equals(state.runId());
    } catch (RuntimeException e) {
      return false; // not a marker this run can read; markers are written by this code
    }
  }
}
