package io.leadgate.service.kafka;

import java.time.Duration;

/**
 * The record cannot be processed now but will be later: the org has no API budget left, or
 * Salesforce refused for its daily limit. The error handler retries it after {@code retryAfter},
 * without limit and without ever dead-lettering it, and keeps the partition's order meanwhile.
 */
public class RetryLaterException extends RuntimeException {

  private final Duration retryAfter;

  public RetryLaterException(String reason, Duration retryAfter) {
    super(reason);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
