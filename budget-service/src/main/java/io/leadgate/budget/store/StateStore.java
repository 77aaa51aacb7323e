package io.leadgate.budget.store;

import io.leadgate.budget.BudgetProperties;
import io.leadgate.budget.allocation.Lease;
import io.leadgate.budget.allocation.Settings;
import io.leadgate.budget.allocation.SpendLog;
import io.leadgate.budget.allowance.BudgetLedger;
import io.leadgate.contracts.BudgetSettingsChanged;
import io.leadgate.contracts.SalesforceApiUsageObserved;
import io.leadgate.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka is budget-service's only store, used the way Schema Registry's KafkaStore uses it: at
 * start, before the web server and the listeners start (this lifecycle's phase comes first), the
 * settings topic, the state topic and salesforce.api-usage are read to their end into the ledger,
 * so the first answer already knows every setting, Leadgate's own spend of the window and the org's
 * last observed usage. Then a {@code started} marker is written; a clean stop writes the live
 * leases and a {@code stopped} marker. Finding {@code started} last means the previous run died
 * with leases nobody knows, so the ledger grants nothing until they have expired.
 */
@Component
public class StateStore implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StateStore.class);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  private final BudgetLedger ledger;
  private final BudgetProperties properties;
  private final KafkaProperties kafkaProperties;
  private final KafkaTemplate<String, Object> kafka;
  private final JsonMapper json;
  private final Clock clock;
  private final RunFence fence;
  private final String runId = java.util.UUID.randomUUID().toString();
  private volatile boolean running;

  public StateStore(
      BudgetLedger ledger,
      BudgetProperties properties,
      KafkaProperties kafkaProperties,
      KafkaTemplate<String, Object> kafka,
      JsonMapper json,
      Clock clock,
      RunFence fence) {
    this.ledger = ledger;
    this.properties = properties;
    this.kafkaProperties = kafkaProperties;
    this.kafka = kafka;
    this.json = json;
    this.clock = clock;
    this.fence = fence;
  }

  @Override
  public int getPhase() {
    return 0; // before listener containers and the web server: nothing is served unread
  }

  @Override
  public void start() {
    verifyCompacted(properties.settingsTopic());
    verifyCompacted(properties.stateTopic());
    readToEnd(
        properties.settingsTopic(),
        record -> {
          BudgetSettingsChanged changed =
              json.readValue(record.value(), BudgetSettingsChanged.class);
          ledger.applySettings(changed.orgId(), toSettings(changed.after()));
        });
    // The last marker, and the run that wrote the last started marker.
    StateRecord[] lastRun = {null, null};
    Map<String, List<Lease>> leases = new HashMap<>();
    readToEnd(
        properties.stateTopic(),
        record -> {
          StateRecord state = json.readValue(record.value(), StateRecord.class);
          switch (state.kind()) {
            case StateRecord.SPEND -> ledger.restoreSpend(state.orgId(), state.bucket());
            case StateRecord.LEASES -> leases.put(state.orgId(), state.leases());
            default -> {
              lastRun[0] = state;
              if (StateRecord.STARTED.equals(state.kind())) {
                lastRun[1] = state;
              }
            }
          }
        });
    readToEnd(
        Topics.SALESFORCE_API_USAGE.name(),
        record -> {
          SalesforceApiUsageObserved usage =
              json.readValue(record.value(), SalesforceApiUsageObserved.class);
          ledger.observe(
              usage.orgId(), usage.used(), usage.limit(), usage.observedAt(), usage.requestedAt());
        });
    org.springframework.kafka.support.SendResult<String, Object> marker =
        write(new StateRecord(StateRecord.STARTED, null, null, null, clock.instant(), runId));
    if (cleanlyStopped(lastRun[0], lastRun[1])) {
      leases.forEach(ledger::restoreLeases);
    } else if (lastRun[0] != null) {
      // The last run died, or still runs: its leases are unknown until they have expired, been
      // observed, and it has surely read this run's marker and stopped granting.
      ledger.learnUntil(
          clock
              .instant()
              .plus(properties.leaseDuration())
              .plus(properties.observationSkew())
              .plus(properties.runFence()));
    }
    fence.begin(runId, marker.getRecordMetadata().partition(), marker.getRecordMetadata().offset());
    running = true;
    log.info("Budget state read to the end of its topics; serving");
  }

  /**
   * A clean stop of the last run started: the stopped marker is the last one and names that run
   * (markers without run ids are from before runs had them).
   */
  private static boolean cleanlyStopped(StateRecord last, StateRecord lastStarted) {
    return last != null
        && StateRecord.STOPPED.equals(last.kind())
        && (last.runId() == null
            || lastStarted == null
            || java.util.Objects.equals(last.runId(), lastStarted.runId()));
  }

  @Override
  public void stop() {
    running = false;
    fence.end();
    flush();
    if (fence.superseded()) {
      // A later run owns the budget; its own leases are the ones that count at its next start.
      return;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>();
    ledger
        .liveLeases()
        .forEach(
            (orgId, leases) ->
                sends.add(
                    send(new StateRecord(StateRecord.LEASES, orgId, null, leases, null, runId))));
    sends.add(send(new StateRecord(StateRecord.STOPPED, null, null, null, clock.instant(), runId)));
    await(sends, "writing the leases at stop");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Stores Leadgate's own spend per minute. Asynchronous on purpose: a bucket lost in a crash only
   * makes the budget free up later (its calls stay in the observed usage until the next
   * observation), never earlier.
   */
  @Scheduled(fixedDelayString = "${leadgate.budget.flush-interval}")
  public void flush() {
    ledger
        .drainSpend()
        .forEach(
            (orgId, buckets) -> {
              for (SpendLog.Bucket bucket : buckets) {
                send(new StateRecord(StateRecord.SPEND, orgId, bucket, null, null, runId));
              }
            });
  }

  /** Writes the settings of one org (compacted) and its audit record; durable on return. */
  public void storeSettings(BudgetSettingsChanged changed) {
    await(
        List.of(
            kafka.send(properties.settingsTopic(), changed.orgId(), changed),
            kafka.send(Topics.BUDGET_AUDIT.name(), changed.orgId(), changed)),
        "storing the budget settings of org " + changed.orgId());
  }

  public static Settings toSettings(BudgetSettingsChanged.Settings settings) {
    return new Settings(
        settings.capPercent(),
        settings.goldenPercent(),
        settings.pacing(),
        settings.reserveCalls());
  }

  private org.springframework.kafka.support.SendResult<String, Object> write(StateRecord record) {
    CompletableFuture<org.springframework.kafka.support.SendResult<String, Object>> sent =
        send(record);
    await(List.of(sent), "writing the run marker");
    return sent.join();
  }

  private CompletableFuture<org.springframework.kafka.support.SendResult<String, Object>> send(
      StateRecord record) {
    return kafka.send(properties.stateTopic(), record.key(), record);
  }

  private static void await(List<? extends CompletableFuture<?>> sends, String what) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge "
              + what
              + " within "
              + KAFKA_TIMEOUT.toSeconds()
              + " s; budget-service keeps its state only in Kafka, so it cannot go on",
          e);
    }
  }

  private void verifyCompacted(String topic) {
    try (Admin admin = Admin.create(kafkaProperties.buildAdminProperties())) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = describe(admin, resource);
      String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
        throw new IllegalStateException(
            "Topic "
                + topic
                + " has cleanup.policy="
                + policy
                + ", but budget-service keeps its state there and needs cleanup.policy=compact:"
                + " with 'delete', settings and spend would vanish after the retention time. Set"
                + " cleanup.policy=compact on the topic, or point leadgate.budget at another"
                + " topic.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking topic " + topic, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Cannot describe topic " + topic + " on Kafka", e);
    }
  }

  /**
   * The topic's configuration. A topic declared a moment ago (by this service or another one
   * starting at the same time) may not be known to every broker yet, so an unknown topic is asked
   * for again until {@link #KAFKA_TIMEOUT} has passed.
   */
  private static Config describe(Admin admin, ConfigResource resource)
      throws InterruptedException,
          java.util.concurrent.ExecutionException,
          java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
    while (true) {
      long left = Math.max(1, deadline - System.nanoTime());
      try {
        return admin
            .describeConfigs(List.of(resource))
            .all()
            .get(left, TimeUnit.NANOSECONDS)
            .get(resource);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
  }

  private void readToEnd(String topic, Consumer<ConsumerRecord<String, String>> apply) {
    Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, KAFKA_TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      // Never committed offsets: the whole topic is the state.
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
      long read = 0;
      long deadline = System.nanoTime() + KAFKA_TIMEOUT.multipliedBy(4).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() - deadline > 0) { // a timeout, not business time
          throw new IllegalStateException("Could not read " + topic + " to its end in time");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          read++;
          if (record.value() == null) {
            continue; // a tombstone
          }
          try {
            apply.accept(record);
          } catch (RuntimeException e) {
            // The live listener dead-letters such records; the replay just skips them.
            log.warn(
                "Skipping unreadable record at {}-{}@{}",
                topic,
                record.partition(),
                record.offset());
          }
        }
      }
      log.info("Read {} records of {} to its end", read, topic);
    }
  }
}
