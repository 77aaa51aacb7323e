package io.leadgate.faultcampaign;

import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Folds {@code leads.status} from its beginning, as a status view does: per capture id its latest
 * state (a state never replaced by one of lower rank), every final state and every Salesforce id it
 * was given. The topic is the truth the checker reads; this follows it through broker restarts.
 */
final class StatusTracker implements AutoCloseable {

  /** What the topic says about one capture. */
  record Status(LeadState latest, Set<LeadState> finals, Set<String> salesforceIds, String orgId) {

    boolean isFinal() {
      return !finals.isEmpty();
    }

    Status with(LeadState state, String salesforceId, String org) {
      LeadState next = latest == null || latest.canAdvanceTo(state) ? state : latest;
      Set<LeadState> nextFinals = finals;
      if (state.isFinal()) {
        nextFinals = new HashSet<>(finals);
        nextFinals.add(state);
      }
      Set<String> ids = salesforceIds;
      if (salesforceId != null) {
        ids = new HashSet<>(salesforceIds);
        ids.add(salesforceId);
      }
      return new Status(next, Set.copyOf(nextFinals), Set.copyOf(ids), org);
    }
  }

  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Status> statuses = new ConcurrentHashMap<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong deferrals = new AtomicLong();
  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  StatusTracker(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(properties);
    String topic = Topics.LEADS_STATUS.name();
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::run, "status-tracker");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          fold(record.key(), record.value());
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void fold(String captureId, String value) {
    if (captureId == null || value == null) {
      return;
    }
    JsonNode node = json.readTree(value);
    LeadState state = LeadState.valueOf(node.path("state").asString());
    String salesforceId =
        node.path("salesforceId").isString() ? node.path("salesforceId").asString() : null;
    String orgId = node.path("orgId").asString();
    events.incrementAndGet();
    if (state == LeadState.DEFERRED) {
      deferrals.incrementAndGet();
    }
    statuses.merge(
        captureId,
        new Status(null, Set.of(), Set.of(), orgId).with(state, salesforceId, orgId),
        (old, fresh) -> old.with(state, salesforceId, orgId));
  }

  Map<String, Status> snapshot() {
    return new HashMap<>(statuses);
  }

  Status status(String captureId) {
    return statuses.get(captureId);
  }

  long events() {
    return events.get();
  }

  long deferrals() {
    return deferrals.get();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
