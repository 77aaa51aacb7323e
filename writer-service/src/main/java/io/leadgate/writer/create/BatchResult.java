package io.leadgate.writer.create;

import java.time.Duration;
import java.util.List;

/**
 * How far a batch got.
 *
 * @param decided how many records, from the start of the batch, are handled: done, or listed in
 *     {@code deferred}; the rest are delivered again after {@code retryAfter}
 * @param reason why the rest wait, in words (null when all are handled)
 * @param deferred the records (indexes below {@code decided}) whose org cannot be written to now
 *     (no allowance, or the org's daily limit): they must move to the delay queue
 * @param deferralReason why they wait, in words (null when none do)
 */
public record BatchResult(
    int decided,
    Duration retryAfter,
    String reason,
    List<Integer> deferred,
    String deferralReason) {

  public BatchResult {
    deferred = List.copyOf(deferred);
  }
}
