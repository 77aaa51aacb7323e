package io.leadgate.capture;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer timeouts derived from the capture's ack timeout. A capture waits for two sends in turn
 * (the capture, then its RECEIVED status), so each gets half the ack timeout. Within that half the
 * producer itself must give up: {@code max.block.ms} bounds the wait for metadata or buffer space
 * and {@code delivery.timeout.ms} bounds retries, so a record's future always completes (acked or
 * failed for good) before the client is told 503. A record the producer has given up on is never
 * sent again, which is what makes "503 means nothing was accepted" true.
 */
public record ProducerTimeouts(Duration maxBlock, Duration delivery, Duration requestTimeout) {

  public static ProducerTimeouts forAckTimeout(Duration ackTimeout, long lingerMs) {
    long perSend = ackTimeout.toMillis() / 2;
    long maxBlock = Math.max(100, perSend / 5);
    long delivery = perSend - maxBlock - perSend / 10;
    long request = Math.min(30_000, delivery - lingerMs);
    if (request < 100) {
      throw new IllegalArgumentException("ack timeout " + ackTimeout + " is too short for Kafka");
    }
    return new ProducerTimeouts(
        Duration.ofMillis(maxBlock), Duration.ofMillis(delivery), Duration.ofMillis(request));
  }

  /** How long to wait for one send's future: the producer resolves it within this. */
  public Duration perSend() {
    return maxBlock.plus(delivery);
  }

  public Map<String, Object> asConfig() {
    return Map.of(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis(),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery.toMillis(),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
  }
}
