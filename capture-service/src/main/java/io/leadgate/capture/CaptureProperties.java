package io.leadgate.capture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param ackTimeout the longest a capture waits for Kafka before the client gets 503; the producer
 *     is configured to give up on its own within this time, so nothing is delivered after a 503
 * @param phoneRegion the region for phone numbers typed without a country code
 * @param maxBodySize the largest single capture body (413 above)
 * @param maxBatchBodySize the largest batch body (413 above)
 * @param maxBatchSize the most captures in one batch
 * @param startupWait how long start-up waits for the status view to catch up before the port opens;
 *     until it has caught up the API answers 503 anyway
 * @param readYourWritesWait how long a lookup that misses waits for the view to catch up with the
 *     status topic's end, so a capture accepted by another replica is found
 * @param statusFetchMaxWait how long the broker may hold the status feed's fetch when it has
 *     nothing new; a capture with a client id waits for the feed, so this is kept short
 * @param statusFetchMinSize how much new data the broker gathers for the status feed's fetch before
 *     answering it (unless statusFetchMaxWait passes first): under load the feed then takes many
 *     statuses per fetch instead of a few, so it sends the broker far fewer fetches
 * @param rateLimit per API key
 */
@ConfigurationProperties("leadgate.capture")
@Validated
public record CaptureProperties(
    @NotNull Duration ackTimeout,
    @NotBlank String phoneRegion,
    boolean foldPlusTags,
    @NotNull DataSize maxBodySize,
    @NotNull DataSize maxBatchBodySize,
    @Min(1) @Max(10_000) int maxBatchSize,
    @NotNull Duration startupWait,
    @NotNull Duration readYourWritesWait,
    @NotNull Duration statusFetchMaxWait,
    @NotNull DataSize statusFetchMinSize,
    @Valid @NotNull RateLimit rateLimit) {

  /**
   * A token bucket per API key.
   *
   * @param capacity the burst a key may send at once; at least one batch
   * @param perSecond the sustained rate
   */
  public record RateLimit(@Positive int capacity, @Positive double perSecond) {}
}
