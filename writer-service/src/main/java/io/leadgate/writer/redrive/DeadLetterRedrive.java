package io.leadgate.writer.redrive;

import io.leadgate.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends the records parked on leads.to-create.DLT back to leads.to-create, byte for byte, each to
 * the partition it came from (so a person's captures stay in order), e.g. after an admin fixed a
 * field mapping. Progress is a committed offset of its own consumer group: a record is re-driven
 * once, and a later run only takes what was dead-lettered since.
 */
@Component
public class DeadLetterRedrive {

  static final String GROUP = "writer-service-redrive";

  private final KafkaProperties kafka;

  public DeadLetterRedrive(KafkaProperties kafka) {
    this.kafka = kafka;
  }

  /** Re-drives everything dead-lettered so far; returns how many records went back. */
  public synchronized int redrive() {
    String dlt = Topics.LEADS_TO_CREATE.deadLetter().name();
    Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(dlt, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(dlt, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= end.get(new TopicPartition(dlt, record.partition()))) {
            continue;
          }
          // The DLT's headers (the reason) stay behind: a re-driven record starts afresh.
          sends.add(
              producer.send(
                  new ProducerRecord<>(
                      Topics.LEADS_TO_CREATE.name(),
                      record.partition(),
                      record.key(),
                      record.value())));
        }
      }
      producer.flush();
      for (Future<RecordMetadata> send : sends) {
        send.get();
      }
      // Only once every record is back on leads.to-create does the DLT position move.
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      end.forEach((tp, offset) -> done.put(tp, new OffsetAndMetadata(offset)));
      consumer.commitSync(done);
      return sends.size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Re-drive interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Re-drive failed: " + e.getCause().getMessage(), e);
    }
  }
}
