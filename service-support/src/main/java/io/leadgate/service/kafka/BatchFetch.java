package io.leadgate.service.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Consumer settings for a listener that handles a poll as one batch of Salesforce work.
 *
 * <p>With no wait (dedup's default) a poll returns as soon as anything arrived, and batches form by
 * themselves: what arrives while a batch is being checked or created is the next batch, so a burst
 * is read in polls of {@code maxRecords} and a lone capture is not held back. An idle consumer's
 * fetch is held by the broker for {@link #IDLE_FETCH_WAIT}, so waiting costs almost nothing. A
 * positive wait trades latency for fuller batches at moderate rates: the broker holds a fetch until
 * about {@code maxRecords} records' bytes arrived or the wait is over.
 */
public final class BatchFetch {

  /** How long the broker holds an idle consumer's fetch when batches form by themselves. */
  private static final Duration IDLE_FETCH_WAIT = Duration.ofMillis(500);

  /** The size the broker waits for is counted in bytes; a capture's event is about this many. */
  private static final int RECORD_BYTES = 400;

  private BatchFetch() {}

  /**
   * Settings for a consumer no capture waits on (metrics, dashboards, caches): the broker answers
   * its fetch once {@code minBytes} arrived or {@code maxWait} passed. A consumer that fetches on
   * every new record costs the broker a fetch per few records under load.
   */
  public static Map<String, Object> unhurried(int minBytes, Duration maxWait) {
    return Map.of(
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
        minBytes,
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        (int) maxWait.toMillis());
  }

  /** At most {@code maxRecords} per poll, held for a fuller batch up to {@code maxWait}. */
  public static Map<String, Object> consumerSettings(int maxRecords, Duration maxWait) {
    boolean byThemselves = maxWait.isZero();
    return Map.of(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        maxRecords,
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
        byThemselves ? 1 : maxRecords * RECORD_BYTES,
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        (int) (byThemselves ? IDLE_FETCH_WAIT : maxWait).toMillis());
  }
}
