package io.leadgate.capture.ratelimit;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.service.tenant.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * One token bucket per API key. The key is identified by the caller it authenticates (team and
 * role), never by the secret itself, so no key is held or logged here.
 */
@Component
public class RateLimiter {

  private final TokenBucket.Rate rate;
  private final Clock clock;
  private final Map<String, AtomicReference<TokenBucket>> buckets = new ConcurrentHashMap<>();

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
    AtomicReference<TokenBucket> bucket = buckets.get(key);
    if (bucket == null) {
      bucket =
          buckets.computeIfAbsent(
              key, k -> new AtomicReference<>(TokenBucket.full(rate, clock.instant())));
    }
    // Compare-and-set rather than a lock held while deciding: every request of a busy key goes
    // through here, and a lock holder descheduled on a small machine would stall them all.
    TokenBucket.Decision decision;
    TokenBucket current;
    do {
      current = bucket.get();
      decision = current.take(rate, cost, clock.instant());
    } while (!bucket.compareAndSet(current, decision.next()));
    if (!decision.allowed()) {
      throw new RateLimitedException(decision.retryAfter());
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
