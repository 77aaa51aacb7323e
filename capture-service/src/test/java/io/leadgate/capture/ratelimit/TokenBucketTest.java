package io.leadgate.capture.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                          | capacity | perSecond | tokens | elapsedMs | cost | allowed | retryAfterMs | left
          full bucket pays                |       10 |         1 |     10 |         0 |    1 |    true |            0 | 9
          exactly enough                  |       10 |         1 |      3 |         0 |    3 |    true |            0 | 0
          one short waits one token       |       10 |         1 |      0 |         0 |    1 |   false |         1000 | 0
          partial refill counts           |       10 |         2 |      0 |       250 |    1 |   false |          250 | 0.5
          refill after waiting            |       10 |         2 |      0 |       500 |    1 |    true |            0 | 0
          refill stops at capacity        |        5 |       100 |      0 |     60000 |    1 |    true |            0 | 4
          batch waits for all its tokens  |      500 |       100 |    100 |         0 |  500 |   false |         4000 | 100
          batch at capacity passes        |      500 |       100 |    500 |         0 |  500 |    true |            0 | 0
          zero cost is always allowed     |        1 |         1 |      0 |         0 |    0 |    true |            0 | 0
          clock stepping back mints none  |       10 |         1 |      0 |     -5000 |    1 |   false |         1000 | 0
          """)
  void takesTokensOrSaysWhenToComeBack(
      String name,
      int capacity,
      double perSecond,
      double tokens,
      long elapsedMs,
      int cost,
      boolean allowed,
      long retryAfterMs,
      double left) {
    TokenBucket.Rate rate = new TokenBucket.Rate(capacity, perSecond);
    Instant now = T0.plusMillis(elapsedMs);

    TokenBucket.Decision decision = new TokenBucket(tokens, T0).take(rate, cost, now);

    assertThat(decision.allowed()).isEqualTo(allowed);
    assertThat(decision.retryAfter()).isEqualTo(Duration.ofMillis(retryAfterMs));
    assertThat(decision.next().tokens()).isCloseTo(left, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(decision.next().at()).isEqualTo(now);
  }

  @ParameterizedTest(name = "rate {0}/{1} is refused")
  @CsvSource({"0, 1", "1, 0", "-1, 5", "3, -1"})
  void aRateNeedsCapacityAndSpeed(int capacity, double perSecond) {
    assertThatThrownBy(() -> new TokenBucket.Rate(capacity, perSecond))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "cost {0} with capacity 10 is refused")
  @CsvSource({"-1", "11"})
  void aCostOutsideTheBucketIsAProgrammingError(int cost) {
    TokenBucket.Rate rate = new TokenBucket.Rate(10, 1);
    assertThatThrownBy(() -> TokenBucket.full(rate, T0).take(rate, cost, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
