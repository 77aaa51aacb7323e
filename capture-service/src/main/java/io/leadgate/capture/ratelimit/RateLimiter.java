package io.leadgate.capture.ratelimit;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.service.tenant.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One token bucket per API key. The key is identified by the caller it authenticates (team and
 * role), never by the secret itself, so no key is held or logged here.
 */
@Component
public class RateLimiter {

  private final TokenBucket.Rate rate;
  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(CaptureProperties properties, Clock clock) {
    this.rate =
        new TokenBucket.Rate(properties.rateLimit().capacity(), properties.rateLimit().perSecond());
    this.clock = clock;
    if (rate.capacity() < properties.maxBatchSize()) {
      // Otherwise a full batch could never be accepted, however long the client waited.
      throw new IllegalStateException("rate-limit.capacity must be at least max-batch-size");
    }
  }

  /** Takes {@code cost} tokens from the caller's bucket or throws {@link RateLimitedException}. */
  public void take(Caller caller, int cost) {
    String key = keyOf(caller);
    TokenBucket.Decision[] decision = new TokenBucket.Decision[1];
    buckets.compute(
        key,
        (k, bucket) -> {
          TokenBucket current = bucket == null ? TokenBucket.full(rate, clock.instant()) : bucket;
          decision[0] = current.take(rate, cost, clock.instant());
          return decision[0].next();
        });
    if (!decision[0].allowed()) {
      throw new RateLimitedException(decision[0].retryAfter());
    }
  }

  public TokenBucket.Rate rate() {
    return rate;
  }

  static String keyOf(Caller caller) {
    if (caller instanceof Caller.TeamMember member) {
      return "member:" + member.tenant().teamId();
    }
    if (caller instanceof Caller.TeamAdmin admin) {
      return "admin:" + admin.tenant().teamId();
    }
    return "service";
  }

  /** The caller sent more than its key's rate; it may try again after {@code retryAfter}. */
  public static class RateLimitedException extends RuntimeException {
    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
      super("Too many requests for this API key");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
