package io.leadgate.bench.system;

import io.leadgate.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code leads.status} and {@code leads.captured} from their ends as the driver starts, on
 * its own thread, and notes when each capture reached its final state (the driver's clock, the
 * moment the event could be read). A short fetch wait keeps the watcher's own delay to a few ms.
 */
final class StatusWatcher implements AutoCloseable {

  /**
   * A capture's final state as first seen: on the driver's clock ({@code seenNanos}) and as stamped
   * by the service that wrote it ({@code writtenAtMillis}, the record's create time).
   */
  record Final(String state, long seenNanos, double apiCalls, long writtenAtMillis) {}

  /**
   * When a capture's RECEIVED and CHECKING statuses were written (record create times, epoch ms; 0
   * when not seen): with the final state's, where its time went, stage by stage.
   */
  record Stamps(long receivedMillis, long checkingMillis) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Final> finals = new ConcurrentHashMap<>();
  private final Map<String, Long> deferred = new ConcurrentHashMap<>();
  private final Map<String, Long> received = new ConcurrentHashMap<>();
  private final Map<String, Long> checking = new ConcurrentHashMap<>();
  private final AtomicLong capturedRecords = new AtomicLong();
  private final AtomicLong capturedBytes = new AtomicLong();
  private final AtomicLong statusRecords = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  StatusWatcher(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // A fetch is answered as soon as a status arrives; the wait only paces an idle watcher.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.LEADS_STATUS.name(), Topics.LEADS_CAPTURED.name())) {
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    thread = new Thread(this::loop, "status-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          if (record.value() == null) {
            continue;
          }
          if (record.topic().equals(Topics.LEADS_CAPTURED.name())) {
            capturedRecords.incrementAndGet();
            capturedBytes.addAndGet(record.value().length);
            continue;
          }
          statusRecords.incrementAndGet();
          JsonNode status = json.readTree(record.value());
          String state = status.path("state").asString("");
          String captureId = status.path("captureId").asString("");
          if (state.equals("CREATED") || state.equals("DUPLICATE") || state.equals("FAILED")) {
            finals.putIfAbsent(
                captureId,
                new Final(state, now, status.path("apiCalls").asDouble(), record.timestamp()));
          } else if (state.equals("RECEIVED")) {
            received.putIfAbsent(captureId, record.timestamp());
          } else if (state.equals("CHECKING")) {
            checking.putIfAbsent(captureId, record.timestamp());
          } else if (state.equals("DEFERRED")) {
            deferred.merge(captureId, 1L, Long::sum);
          }
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
      stopped.countDown();
    }
  }

  Final finalOf(String captureId) {
    return finals.get(captureId);
  }

  Stamps stampsOf(String captureId) {
    return new Stamps(received.getOrDefault(captureId, 0L), checking.getOrDefault(captureId, 0L));
  }

  int finalCount() {
    return finals.size();
  }

  int deferredCaptures() {
    return deferred.size();
  }

  long capturedRecords() {
    return capturedRecords.get();
  }

  long capturedBytes() {
    return capturedBytes.get();
  }

  long statusRecords() {
    return statusRecords.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    stopped.await();
  }
}
