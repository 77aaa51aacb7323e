package io.leadgate.capture.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket as a pure value: taking tokens at an instant gives a decision and the next bucket.
 * No clock inside, so the rule is tested with plain instants.
 *
 * @param tokens tokens available at {@code at}
 * @param at when {@code tokens} was computed
 */
public record TokenBucket(double tokens, Instant at) {

  /** How a bucket refills. */
  public record Rate(int capacity, double perSecond) {
    public Rate {
      if (capacity < 1 || !(perSecond > 0)) {
        throw new IllegalArgumentException("capacity ≥ 1 and a positive rate are required");
      }
    }
  }

  /**
   * @param retryAfter zero when allowed; otherwise when {@code cost} tokens will be there
   */
  public record Decision(boolean allowed, Duration retryAfter, TokenBucket next) {}

  public static TokenBucket full(Rate rate, Instant now) {
    return new TokenBucket(rate.capacity(), now);
  }

  public Decision take(Rate rate, int cost, Instant now) {
    if (cost < 0 || cost > rate.capacity()) {
      throw new IllegalArgumentException("cost must be between 0 and the capacity");
    }
    // A clock that steps back (NTP) must not mint tokens or take them away.
    Instant from = now.isBefore(at) ? now : at;
    double elapsed = Duration.between(from, now).toNanos() / 1e9;
    double available = Math.min(rate.capacity(), tokens + elapsed * rate.perSecond());
    if (available >= cost) {
      return new Decision(true, Duration.ZERO, new TokenBucket(available - cost, now));
    }
    long waitNanos = (long) Math.ceil((cost - available) / rate.perSecond() * 1e9);
    return new Decision(false, Duration.ofNanos(waitNanos), new TokenBucket(available, now));
  }
}
