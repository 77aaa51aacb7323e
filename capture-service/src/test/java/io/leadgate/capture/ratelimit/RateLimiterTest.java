package io.leadgate.capture.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadgate.capture.CaptureProperties;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.service.tenant.Caller;
import io.leadgate.service.tenant.Tenant;
import io.leadgate.testsupport.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RateLimiterTest {

  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(properties(3, 1, 2), clock);

  @Test
  void eachKeyHasItsOwnBucketAndRefillsWithTheClock() {
    Caller acme = new Caller.TeamMember(tenant("acme"));
    Caller globex = new Caller.TeamMember(tenant("globex"));

    limiter.take(acme, 3);
    assertThatThrownBy(() -> limiter.take(acme, 1))
        .isInstanceOfSatisfying(
            RateLimiter.RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    limiter.take(globex, 3); // another key is not affected

    clock.advance(Duration.ofSeconds(1));
    limiter.take(acme, 1);
  }

  @Test
  void concurrentTakersNeverGetMoreTokensThanTheBucketHolds() throws Exception {
    RateLimiter shared = new RateLimiter(properties(1_000, 1, 2), clock);
    Caller acme = new Caller.TeamMember(tenant("acme"));
    AtomicInteger allowed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> takers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        takers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    try {
                      shared.take(acme, 1);
                      allowed.incrementAndGet();
                    } catch (RateLimiter.RateLimitedException e) {
                      refused.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> taker : takers) {
        taker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // The clock stands still, so the 1,000 tokens of the full bucket are all there is.
    assertThat(allowed).hasValue(1_000);
    assertThat(refused).hasValue(3_000);
  }

  @Test
  void aBucketSmallerThanABatchIsAConfigurationError() {
    assertThatThrownBy(() -> new RateLimiter(properties(10, 1, 11), clock))
        .isInstanceOf(IllegalStateException.class);
  }

  private static CaptureProperties properties(int capacity, double perSecond, int maxBatch) {
    return new CaptureProperties(
        Duration.ofSeconds(4),
        "US",
        false,
        DataSize.ofKilobytes(16),
        DataSize.ofMegabytes(4),
        maxBatch,
        Duration.ZERO,
        Duration.ofSeconds(1),
        Duration.ofMillis(5),
        DataSize.ofKilobytes(8),
        new CaptureProperties.RateLimit(capacity, perSecond));
  }

  private static Tenant tenant(String team) {
    return new Tenant(
        team,
        "00D" + team,
        team + "-key",
        team + "-admin",
        RecordTarget.LEAD,
        new Tenant.SalesforceOrg(URI.create("http://127.0.0.1:1"), "c", "s"));
  }
}
