package io.leadgate.service.kafka;

import io.leadgate.contracts.Topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A durable delay queue on a Kafka topic, so that work one org cannot do now (no API allowance
 * left, the org's daily limit reached) waits without holding up other orgs' work that shares its
 * partitions.
 *
 * <p>A deferred record is re-published, under its own key and with its value unchanged, to the
 * queue's topic with a {@value #NOT_BEFORE_HEADER} header: the earliest next attempt, in epoch
 * milliseconds. Records deferred by the same delay from the moment they are re-published are
 * ordered by not-before on each partition: the consumer of the queue processes the due records at
 * the head of its batch and stops at the first record not yet due ({@link #firstNotDue}), waiting
 * {@link #remaining} before it reads on. With delays of several lengths on one queue a record is
 * never tried early, but one behind a longer delay is late by the difference. A record whose org
 * still cannot proceed goes back to the tail with a new not-before, so the queue itself never
 * stalls on one org.
 *
 * <p>A re-publish is at least once: the caller commits the source offset only after Kafka
 * acknowledged every copy (acks=all), and a failed re-publish fails the batch so that it is
 * delivered again. A copy may therefore reach the queue twice; the consumers already treat a
 * capture they decided before as a repeat.
 */
public final class DelayQueue {

  /** The earliest next attempt of a deferred record, as decimal epoch milliseconds. */
  public static final String NOT_BEFORE_HEADER = "leadgate-not-before";

  private final Topic topic;

  public DelayQueue(Topic topic) {
    this.topic = topic;
  }

  public Topic topic() {
    return topic;
  }

  /**
   * The copy of {@code record} to send to the tail of the queue: same key (hence the same partition
   * number as its source, the topics having as many), same value, not to be tried before {@code
   * notBefore}. Headers of the source are not carried over, an earlier not-before least of all; the
   * sender adds the capture's trace.
   */
  public ProducerRecord<String, Object> copyOf(
      ConsumerRecord<String, ?> record, Instant notBefore) {
    ProducerRecord<String, Object> copy =
        new ProducerRecord<>(topic.name(), record.key(), record.value());
    copy.headers().add(NOT_BEFORE_HEADER, encode(notBefore));
    return copy;
  }

  /** A record's not-before; empty when it has none (or an unreadable one): it is due. */
  public static Optional<Instant> notBefore(Headers headers) {
    Header header = headers.lastHeader(NOT_BEFORE_HEADER);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Instant.ofEpochMilli(
              Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII).strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** How long until the record is due; zero when it is due now. */
  public static Duration remaining(Headers headers, Instant now) {
    return notBefore(headers)
        .map(at -> Duration.between(now, at))
        .filter(left -> !left.isNegative() && !left.isZero())
        .orElse(Duration.ZERO);
  }

  /** The index of the first record not yet due at {@code now}; the list's size when all are. */
  public static int firstNotDue(List<? extends ConsumerRecord<?, ?>> records, Instant now) {
    for (int i = 0; i < records.size(); i++) {
      if (!remaining(records.get(i).headers(), now).isZero()) {
        return i;
      }
    }
    return records.size();
  }

  /**
   * Hands the due records at the front of a batch to {@code handle}. If a record behind them is not
   * due yet, the batch fails from it and is read again once it is due: the queue is in not-before
   * order, so nothing after it is due either.
   */
  public static <R extends ConsumerRecord<?, ?>> void handleDue(
      List<R> records, Instant now, Consumer<List<R>> handle) {
    int due = firstNotDue(records, now);
    handle.accept(records.subList(0, due));
    if (due < records.size()) {
      Duration wait = remaining(records.get(due).headers(), now);
      throw new BatchListenerFailedException(
          "Not due yet",
          new RetryLaterException("The next deferred record is not due yet", wait),
          due);
    }
  }

  static byte[] encode(Instant notBefore) {
    return Long.toString(notBefore.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
  }
}
