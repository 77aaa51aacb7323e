package io.leadgate.writer.create;

import java.time.Duration;

/** Exponential back-off for transient Salesforce failures: initial, ×2 per attempt, up to max. */
record TransientBackOff(Duration initial, Duration max) {

  /** The wait before retry number {@code attempt} (1 for the first retry). */
  Duration delay(int attempt) {
    long millis = initial.toMillis();
    for (int i = 1; i < attempt && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
