package io.leadgate.writer.create;

import java.time.Duration;

/**
 * How far a batch got.
 *
 * @param decided how many records, from the start of the batch, are done; the rest are delivered
 *     again after {@code retryAfter}
 * @param reason why the rest wait, in words (null when all are done)
 */
public record BatchResult(int decided, Duration retryAfter, String reason) {

  static BatchResult complete(int size) {
    return new BatchResult(size, Duration.ZERO, null);
  }
}
